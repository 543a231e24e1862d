/**
 * ServiceNotificationConfiguration: one chat service's push notification settings, a singleton
 * per service (no create, no delete). id = the chat service SID.
 *
 * The settings are nested per event in inputs and outputs (`newMessage.withMedia.template`), and
 * managed leaf by leaf: a leaf declared is written, a leaf removed is put back, a leaf never
 * declared is never touched. The recorded-values lifecycle (provider/shared/singleton.ts) works on
 * flat fields, so this provider hands it each leaf under its dotted path and nests what it returns
 * ({@link flatten} / {@link nest}); warnings and write verification name the leaf by that path.
 */
import { defineProvider, type ResourceDefinition } from "../../provider/shared/define";
import { type Comparator, same } from "../../provider/shared/diff";
import { PartialFailure } from "../../provider/shared/partial";
import { comparatorsOf, type FieldRules, singletonLifecycle } from "../../provider/shared/singleton";
import { CANNOT_UNSET_LOG_ENABLED, CLEARABLE, DEFAULT_PUSH_FLAG } from "../../provider/shared/twilio-facts";
import { ChatServiceNotFoundError } from "../service-configuration/provider";
import { fetchServiceNotificationConfiguration, writeServiceNotificationConfiguration } from "./api";
import {
  flatten,
  LEAVES,
  nest,
  nestedValues,
  type ServiceNotificationConfigurationInputs,
  type ServiceNotificationConfigurationOutputs,
  serviceNotificationConfigurationSchema,
  type ServiceNotificationConfigurationScope,
  type ServiceNotificationFields,
  type ServiceNotificationFlatValues,
} from "./schema";

/**
 * Each leaf, how it compares, and what "no value" does on Twilio: a push flag's is its documented
 * default, `false`; a template or a sound is cleared (`""`: Twilio's default applies again);
 * logging has no documented default, so with nothing recorded it is left as it is (twilio-facts.ts).
 */
const fields = Object.fromEntries(
  LEAVES.map(([path, type]) => [
    path,
    path === "logEnabled"
      ? { same: same.deep, removal: CANNOT_UNSET_LOG_ENABLED }
      : type === "flag"
        ? { same: same.deep, removal: CLEARABLE, unset: DEFAULT_PUSH_FLAG }
        : { same: same.deep, removal: CLEARABLE },
  ]),
) as FieldRules<ServiceNotificationFields>;

/** The nested objects of the inputs (each a group of leaves). */
const GROUPS = ["newMessage", "addedToConversation", "removedFromConversation"] as const;

const leafComparators = comparatorsOf(fields);

/** Compares two values of a group leaf by leaf: a leaf absent (or null) on both sides is the same. */
const groupComparator =
  (group: string): Comparator =>
  (a, b) => {
    const [x, y] = [flatten({ [group]: a }), flatten({ [group]: b })] as Record<string, unknown>[];
    return LEAVES.filter(([path]) => path.startsWith(`${group}.`)).every(([path]) => leafComparators[path]!(x![path], y![path]));
  };

const describe = (chatServiceSid: string | undefined) =>
  `ServiceNotificationConfiguration of chat service ${chatServiceSid ?? "(unknown)"}`;

type FlatProps = ServiceNotificationConfigurationScope & Partial<ServiceNotificationFields>;
type FlatOutputs = Record<string, unknown>;

const flat = singletonLifecycle<ServiceNotificationConfigurationScope, ServiceNotificationFields>({
  fields,
  // On import the props are empty and the id is the service SID.
  scope: (props, id) => ({ chatServiceSid: props.chatServiceSid ?? id ?? "" }),
  id: (scope) => scope.chatServiceSid,
  describe: (scope) => describe(scope.chatServiceSid),
  fetch: (client, scope, action) => fetchServiceNotificationConfiguration(client, scope.chatServiceSid, action),
  write: (client, scope, writes, action) => writeServiceNotificationConfiguration(client, scope.chatServiceSid, writes, action),
  missing: (scope, accountSid) => new ChatServiceNotFoundError(scope.chatServiceSid, accountSid),
});

const isGroupOrLeaf = (key: string) => key === "logEnabled" || (GROUPS as readonly string[]).includes(key);

/** Nested inputs or outputs -> the flat form the lifecycle takes (other properties as they are). */
function flatProps(nested: object): FlatOutputs {
  const out: FlatOutputs = {};
  for (const [key, value] of Object.entries(nested)) {
    if (isGroupOrLeaf(key)) continue;
    out[key] = key === "originalValues" && value !== null && typeof value === "object" ? flatten(value) : value;
  }
  return { ...out, ...flatten(nested) };
}

/** The lifecycle's flat outputs -> nested ones. */
function nestedProps(flatOuts: FlatOutputs): ServiceNotificationConfigurationOutputs {
  const out: FlatOutputs = {};
  for (const [key, value] of Object.entries(flatOuts)) {
    if (key.includes(".") || key === "logEnabled") continue;
    out[key] =
      key === "originalValues" && value !== null && typeof value === "object"
        ? nestedValues(value as ServiceNotificationFlatValues)
        : value;
  }
  return { ...out, ...nest(flatOuts) } as ServiceNotificationConfigurationOutputs;
}

/** A PartialFailure of the flat lifecycle, with its properties nested. */
function nestedFailure(e: unknown): never {
  if (PartialFailure.isInstance(e)) throw new PartialFailure(e.message, e.id, nestedProps(e.properties), e.reasons);
  throw e;
}

type Lifecycle = Pick<
  ResourceDefinition<ServiceNotificationConfigurationInputs, ServiceNotificationConfigurationOutputs>,
  "create" | "read" | "update" | "delete" | "keptOnRemoval"
>;

const lifecycle: Lifecycle = {
  create: (inputs, ctx) =>
    flat.create(flatProps(inputs) as FlatProps, ctx).then(({ id, outs }) => ({ id, outs: nestedProps(outs) }), nestedFailure),
  read: async (id, olds, ctx) => {
    const live = await flat.read(id, flatProps(olds) as never, ctx);
    return live && { props: nestedProps(live.props), inputs: nestedProps(live.inputs) as ServiceNotificationConfigurationInputs };
  },
  update: (id, olds, news, ctx) =>
    flat.update(id, flatProps(olds) as never, flatProps(news) as FlatProps, ctx).then(nestedProps, nestedFailure),
  delete: (id, olds, ctx) => flat.delete(id, flatProps(olds) as never, ctx),
  keptOnRemoval: (olds, news) => flat.keptOnRemoval!(flatProps(olds) as never, flatProps(news) as FlatProps),
};

export const serviceNotificationConfigurationProvider = defineProvider<
  ServiceNotificationConfigurationInputs,
  ServiceNotificationConfigurationOutputs
>({
  kind: "ServiceNotificationConfiguration",
  schema: serviceNotificationConfigurationSchema,
  diff: {
    properties: {
      chatServiceSid: same.sid,
      logEnabled: leafComparators.logEnabled,
      ...Object.fromEntries(GROUPS.map((group) => [group, groupComparator(group)])),
    },
    // Another service is another singleton. Create before delete: the new service's settings are
    // taken in charge first, and the old one's are put back only once the new one is in place.
    replaceOnChanges: ["chatServiceSid"],
    deleteBeforeReplace: false,
  },
  describe: (props, id) => describe(props.chatServiceSid ?? id),
  ...lifecycle,
});
