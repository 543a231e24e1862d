/**
 * The AddressConfiguration lifecycle. Type, address and country are set at create only (the
 * update of the official v1 spec takes FriendlyName and the `AutoCreation.*` settings), so a new
 * one replaces the configuration; everything else changes in place. Twilio documents no way to
 * clear any of its properties, so a property removed from the program is left as it is, with a
 * warning (provider/shared/twilio-facts.ts `KEPT_ON_REMOVAL`).
 */
import { TwilioConversationsError } from "../../provider/error";
import { TwilioApiError } from "../../provider/http/errors";
import { defineProvider, type OperationContext } from "../../provider/shared/define";
import { absentMeansAny, changedKeys, type Comparator, type DiffSpec, same, whenKnown } from "../../provider/shared/diff";
import { CANNOT_CLEAR, KEPT_ON_REMOVAL, keptOnRemoval, type Removal } from "../../provider/shared/twilio-facts";
import { defined } from "../../provider/shared/values";
import {
  createAddressConfiguration,
  deleteAddressConfiguration,
  fetchAddressConfiguration,
  findAddressConfigurations,
  listHint,
  type LiveAddressConfiguration,
  updateAddressConfiguration,
} from "./api";
import {
  type AddressConfigurationInputs,
  type AddressConfigurationOutputs,
  addressConfigurationSchema,
  type AutoCreationSettings,
  STUDIO_FIELDS,
  WEBHOOK_FIELDS,
} from "./schema";

/** `AddressConfiguration sms "+15551234567"`. */
export function describeAddress(props: Partial<AddressConfigurationInputs> | Partial<AddressConfigurationOutputs>, id?: string): string {
  const address = typeof props.address === "string" && props.address !== "" ? props.address : undefined;
  if (address === undefined) return `AddressConfiguration ${id ?? "(new)"}`;
  return `AddressConfiguration ${typeof props.type === "string" ? `${props.type} ` : ""}${JSON.stringify(address)}`;
}

const text: Comparator = (a, b) => a === b;

/** Each auto-creation setting: absent in the program means whatever Twilio holds (see the module comment). */
const AUTO_CREATION: Record<keyof AutoCreationSettings, Comparator> = {
  enabled: text,
  type: text,
  conversationServiceSid: same.sid,
  webhookUrl: text,
  webhookMethod: (a, b) => typeof a === "string" && typeof b === "string" && a.toUpperCase() === b.toUpperCase(),
  webhookFilters: same.set,
  studioFlowSid: same.sid,
  studioRetryCount: text,
};

const autoCreation: Comparator = (a, b) => {
  const [live, declared] = [(a ?? {}) as Record<string, unknown>, (b ?? {}) as Record<string, unknown>];
  return Object.entries(AUTO_CREATION).every(([key, compare]) => absentMeansAny(compare)(live[key], declared[key]));
};

export const addressConfigurationDiff: DiffSpec = {
  properties: {
    type: whenKnown(text),
    address: whenKnown(text),
    addressCountry: whenKnown(absentMeansAny(text)),
    friendlyName: whenKnown(absentMeansAny(text)),
    autoCreation: whenKnown(autoCreation),
    // Only the create reads it; a change is recorded by update without a request.
    adoptExisting: whenKnown(same.deep),
  },
  replaceOnChanges: ["type", "address", "addressCountry"],
  // Twilio keeps one configuration per address and type: a replacement that keeps both (a new
  // country) must delete the old one first; any other can create the new one first.
  deleteBeforeReplace: (olds, news) => olds.type === news.type && olds.address === news.address,
};

/** The input properties a program set, as dotted paths (`autoCreation.webhookUrl`), sorted. */
function declaredPropertiesOf(inputs: AddressConfigurationInputs): string[] {
  const top = Object.entries(inputs)
    .filter(([key, value]) => value !== undefined && key !== "autoCreation")
    .map(([key]) => key);
  const nested = Object.entries(inputs.autoCreation ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key]) => `autoCreation.${key}`);
  return [...top, ...nested].sort();
}

/** Outputs: the live configuration, plus what Twilio does not know. */
function toOutputs(
  live: LiveAddressConfiguration,
  adoptExisting: boolean | undefined,
  declaredProperties: string[] | undefined,
): AddressConfigurationOutputs {
  return defined({ ...live, adoptExisting, declaredProperties });
}

/**
 * Inputs that match the live configuration (what `read` hands back for refresh): only the
 * properties the program declared, so a value Twilio chose is never claimed as the program's.
 */
function inputsOf(outs: AddressConfigurationOutputs): AddressConfigurationInputs {
  const claims = (path: string) => outs.declaredProperties === undefined || outs.declaredProperties.includes(path);
  const ac = Object.fromEntries(
    Object.entries(outs.autoCreation).filter(([key, value]) => value !== undefined && claims(`autoCreation.${key}`)),
  ) as AutoCreationSettings;
  return defined({
    type: outs.type,
    address: outs.address,
    friendlyName: claims("friendlyName") ? outs.friendlyName : undefined,
    addressCountry: claims("addressCountry") ? outs.addressCountry : undefined,
    autoCreation: Object.keys(ac).length > 0 ? ac : undefined,
    adoptExisting: outs.adoptExisting,
  });
}

/** The inputs a resource holding this live configuration would declare (export, plan). */
export function inputsOfLive(live: LiveAddressConfiguration): AddressConfigurationInputs {
  return inputsOf(toOutputs(live, undefined, undefined));
}

/** Properties Twilio cannot clear, with the reason each warning gives. */
const KEPT: Record<string, Removal & { why: string }> = {
  friendlyName: CANNOT_CLEAR.friendlyName,
  addressCountry: KEPT_ON_REMOVAL.addressCountry,
  "autoCreation.enabled": KEPT_ON_REMOVAL.autoCreationEnabled,
  "autoCreation.type": KEPT_ON_REMOVAL.autoCreationType,
  "autoCreation.conversationServiceSid": CANNOT_CLEAR.sid,
  "autoCreation.webhookMethod": KEPT_ON_REMOVAL.webhookMethod,
  "autoCreation.webhookFilters": KEPT_ON_REMOVAL.webhookFilters,
  "autoCreation.studioFlowSid": CANNOT_CLEAR.sid,
  "autoCreation.studioRetryCount": KEPT_ON_REMOVAL.studioRetryCount,
};

/**
 * The warnings for declared properties the new inputs leave out (each stays as it is on Twilio).
 * The settings of an auto-creation type the configuration leaves are not warned about: Twilio
 * keeps and reports only those of the type in use.
 */
function keptWarnings(olds: AddressConfigurationOutputs, news: Partial<AddressConfigurationInputs>): string[] {
  const declared = olds.declaredProperties ?? [];
  const nextType = news.autoCreation?.type ?? olds.autoCreation.type;
  const moot = new Set<string>([
    ...(nextType === "webhook" ? [] : WEBHOOK_FIELDS.map((f) => `autoCreation.${f}`)),
    ...(nextType === "studio" ? [] : STUDIO_FIELDS.map((f) => `autoCreation.${f}`)),
  ]);
  const valueAt = (source: object | undefined, path: string): unknown =>
    path.split(".").reduce<unknown>((v, k) => (v === undefined || v === null ? undefined : (v as Record<string, unknown>)[k]), source);
  const subject = describeAddress(olds, olds.sid);
  return Object.entries(KEPT)
    .filter(([path]) => declared.includes(path) && !moot.has(path))
    .filter(([path]) => valueAt(news, path) === undefined && valueAt(olds, path) !== undefined)
    .map(([path, removal]) => keptOnRemoval(subject, path, removal, valueAt(olds, path)));
}

/** Whether the live configuration already holds every declared value. */
function holds(live: LiveAddressConfiguration | AddressConfigurationOutputs, inputs: AddressConfigurationInputs): boolean {
  return changedKeys({ ...live }, { ...inputs }, addressConfigurationDiff).every((key) => key === "adoptExisting");
}

/**
 * With `adoptExisting`: the configuration of this address and type, set to the declared values;
 * undefined when there is none. Its country cannot change (Twilio takes it at create only).
 */
async function adopt(
  existing: LiveAddressConfiguration,
  inputs: AddressConfigurationInputs,
  ctx: OperationContext,
): Promise<LiveAddressConfiguration> {
  const subject = describeAddress(inputs);
  if (inputs.addressCountry !== undefined && existing.addressCountry !== inputs.addressCountry) {
    throw new Error(
      `Cannot adopt ${subject}: the existing configuration ${existing.sid} has address country ` +
        `${JSON.stringify(existing.addressCountry ?? null)}, the program declares ${JSON.stringify(inputs.addressCountry)}, ` +
        `and Twilio takes the country at create only. Declare its country (or leave addressCountry out), or delete it to create a new one.`,
    );
  }
  if (holds(existing, inputs)) return existing;
  return updateAddressConfiguration(ctx.client, existing.sid, inputs, `adopting ${subject}`);
}

/** The address and type already have a configuration, and adoption was not asked for. */
export class AddressTakenError extends TwilioConversationsError {}

/** Twilio refused the create because a configuration of this address and type exists (409). */
function isTaken(e: unknown): e is TwilioApiError {
  return TwilioApiError.isInstance(e) && e.status === 409;
}

async function create(inputs: AddressConfigurationInputs, ctx: OperationContext): Promise<LiveAddressConfiguration> {
  const subject = describeAddress(inputs);
  const find = (why: string) => findAddressConfigurations(ctx.client, inputs.type, inputs.address, `creating ${subject} (${why})`);
  if (inputs.adoptExisting) {
    const [existing, ...more] = await find("looking for a configuration to adopt");
    if (more.length > 0) {
      throw new Error(
        `Cannot adopt ${subject}: the account has ${more.length + 1} configurations of it (${[existing, ...more].map((a) => a!.sid).join(", ")}).`,
      );
    }
    if (existing) return adopt(existing, inputs, ctx);
  }
  try {
    return await createAddressConfiguration(ctx.client, inputs, `creating ${subject}`);
  } catch (e) {
    if (!isTaken(e)) throw e;
    // Taken: by someone else, or (after a lost response) by the first send, applied late.
    const [existing] = await find("looking for the configuration that holds it").catch(() => []);
    if (existing && inputs.adoptExisting) return adopt(existing, inputs, ctx);
    throw new AddressTakenError(
      `Cannot create ${subject}: Twilio already has a configuration of this ${inputs.type} address` +
        `${existing ? ` (${existing.sid})` : ""} (${e.message}). To bring it under management as it is, set adoptExisting: true ` +
        `on this resource (it is then updated to the declared values, nothing is deleted); otherwise delete it first ` +
        `(${listHint(inputs.type, inputs.address)}).`,
      { cause: e },
    );
  }
}

/**
 * An address configuration: an address whose inbound messages auto-create conversations. With
 * `adoptExisting` the create takes charge of the configuration of this address and type, if any.
 */
export const addressConfigurationProvider = defineProvider<AddressConfigurationInputs, AddressConfigurationOutputs>({
  kind: "AddressConfiguration",
  schema: addressConfigurationSchema,
  diff: addressConfigurationDiff,
  describe: (props, id) => describeAddress(props, id),

  async create(inputs, ctx) {
    const live = await create(inputs, ctx);
    return { id: live.sid, outs: toOutputs(live, inputs.adoptExisting, declaredPropertiesOf(inputs)) };
  },

  async read(id, olds, { client }) {
    const live = await fetchAddressConfiguration(client, id, `reading ${describeAddress(olds, id)}`);
    if (!live) return undefined;
    const outs = toOutputs(live, olds.adoptExisting, olds.declaredProperties);
    return { props: outs, inputs: inputsOf(outs) };
  },

  async update(id, olds, news, { client }) {
    const declaredProperties = declaredPropertiesOf(news);
    // Only what Twilio does not hold changed (adoptExisting, a removal that leaves a value): nothing to send.
    if (holds(olds, news)) return toOutputs(olds, news.adoptExisting, declaredProperties);
    const live = await updateAddressConfiguration(client, id, news, `updating ${describeAddress(news, id)}`);
    return toOutputs(live, news.adoptExisting, declaredProperties);
  },

  keptOnRemoval: keptWarnings,

  async delete(id, olds, { client }) {
    await deleteAddressConfiguration(client, id, `deleting ${describeAddress(olds, id)}`);
  },
});
