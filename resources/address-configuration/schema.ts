/**
 * Inputs of `AddressConfiguration` (`/v1/Configuration/Addresses`): what `check` accepts, in the
 * normalised form that is sent and compared. No I/O. The rules are the official v1 spec's
 * (`CreateConfigurationAddressRequest`, `UpdateConfigurationAddressRequest`) and Twilio's Address
 * Configuration page (https://www.twilio.com/docs/conversations/api/address-configuration-resource).
 */
import { z } from "zod";

import { friendlyName, httpUrl, resourceInputs, sid, strictObject } from "../../provider/shared/fields";

/** Address types of the official v1 spec (`configuration_address_enum_type`). */
export const ADDRESS_TYPES = ["sms", "whatsapp", "messenger", "gbm", "email", "rcs", "apple", "chat"] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

/** Auto-creation types of the official v1 spec (`configuration_address_enum_auto_creation_type`). */
export const AUTO_CREATION_TYPES = ["webhook", "studio", "default"] as const;

/**
 * Webhook methods. The spec's request enum is lower case (`get`, `post`), its responses and Twilio's
 * reference page upper case (`GET`, `POST`); Twilio reads enums in any case (the spec's own
 * examples send `whAtsAPP`), so the provider sends and keeps the upper case Twilio reports.
 */
export const WEBHOOK_METHODS = ["GET", "POST"] as const;

/** The events `AutoCreation.WebhookFilters` takes, as the official v1 spec lists them. */
export const ADDRESS_WEBHOOK_FILTERS = [
  "onConversationRemoved",
  "onConversationStateUpdated",
  "onConversationUpdated",
  "onDeliveryUpdated",
  "onMessageAdded",
  "onMessageRemoved",
  "onMessageUpdated",
  "onParticipantAdded",
  "onParticipantRemoved",
  "onParticipantUpdated",
] as const;

/** Twilio's limit on a configuration's friendly name (official v1 spec: "limited to 256 characters"). */
export const MAX_ADDRESS_NAME_LENGTH = 256;

/**
 * The largest `AutoCreation.StudioRetryCount`. UNCONFIRMED: the spec gives no bound; 3 is the one
 * RJPearson94/terraform-provider-twilio validates (resource_conversations_address_configuration_studio.go)
 * and the largest in the spec's examples.
 */
export const MAX_STUDIO_RETRY_COUNT = 3;

/** The fields that belong to one auto-creation type (Twilio reports only those of the type in use). */
export const WEBHOOK_FIELDS = ["webhookUrl", "webhookMethod", "webhookFilters"] as const;
export const STUDIO_FIELDS = ["studioFlowSid", "studioRetryCount"] as const;

const oneOf = <T extends string>(values: readonly T[]) => `must be one of ${values.join(", ")}`;

/** An enum read in any case and normalised to the case of `values` (what is sent and what Twilio reports). */
function anyCaseEnum<T extends string>(values: readonly [T, ...T[]], what: string) {
  return (
    z
      .string({ error: `must be ${what}: ${values.join(", ")}` })
      .trim()
      .transform((text, ctx) => {
        const found = values.find((v) => v.toLowerCase() === text.toLowerCase());
        if (found === undefined) {
          ctx.addIssue({ code: "custom", message: `${oneOf(values)} (got ${JSON.stringify(text)})` });
          return z.NEVER;
        }
        return found;
      })
      // For JSON Schema (sdk/spec/json-schema.ts): the values in either case, letter by letter (no flags there).
      .meta({
        pattern: `^\\s*(?:${values.map((v) => [...v].map((c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).join("")).join("|")})\\s*$`,
      })
  );
}

/**
 * The address: a phone number (`+15551234567`), a WhatsApp sender, an email address, ... Twilio
 * takes it as text; only surrounding spaces are dropped, so what is sent is what is compared.
 */
const address = z
  .string({ error: (issue) => (issue.input === undefined ? "is required: the address, such as +15551234567" : "must be a string") })
  .trim()
  .refine((a) => a !== "", "must not be blank: the address, such as +15551234567")
  .meta({ minLength: 1, pattern: "\\S" });

const webhookFilter = z.enum(ADDRESS_WEBHOOK_FILTERS, {
  error: (issue) => `${JSON.stringify(issue.input)} is not an event: ${oneOf(ADDRESS_WEBHOOK_FILTERS)}`,
});

/** Webhook filters as a set: duplicates dropped, sorted (Twilio keeps a list whose order means nothing). */
export function normaliseFilters<T extends string>(list: readonly T[]): T[] {
  return [...new Set(list)].sort();
}

const autoCreation = strictObject(
  {
    enabled: z.boolean({ error: "must be true or false" }).optional(),
    type: z.enum(AUTO_CREATION_TYPES, { error: oneOf(AUTO_CREATION_TYPES) }).optional(),
    conversationServiceSid: sid("IS", "a conversation service").optional(),
    webhookUrl: httpUrl("the auto-creation webhook URL").optional(),
    webhookMethod: anyCaseEnum(WEBHOOK_METHODS, "an HTTP method").optional(),
    webhookFilters: z
      .array(webhookFilter, { error: 'must be a list of event names, such as ["onMessageAdded"]' })
      .min(
        1,
        "must name at least one event (Twilio documents no way to send an empty list): remove webhookFilters to leave them as they are",
      )
      .transform(normaliseFilters)
      .optional(),
    studioFlowSid: sid("FW", "a Studio flow").optional(),
    studioRetryCount: z
      .number({ error: `must be a whole number from 0 to ${MAX_STUDIO_RETRY_COUNT}` })
      .int(`must be a whole number from 0 to ${MAX_STUDIO_RETRY_COUNT}`)
      .min(0, `must be a whole number from 0 to ${MAX_STUDIO_RETRY_COUNT}`)
      .max(MAX_STUDIO_RETRY_COUNT, `must be at most ${MAX_STUDIO_RETRY_COUNT} (the bound Twilio's tooling checks)`)
      .optional(),
  },
  {
    unknown: (_keys, allowed) => `is not an auto-creation setting: expected one of ${allowed.join(", ")}`,
    notObject: 'must be an object such as { enabled: true, type: "default" }',
  },
);

export const addressConfigurationSchema = resourceInputs("AddressConfiguration", {
  type: z.enum(ADDRESS_TYPES, { error: oneOf(ADDRESS_TYPES) }),
  address,
  friendlyName: friendlyName("address configuration", MAX_ADDRESS_NAME_LENGTH).optional(),
  addressCountry: z
    .string({ error: "must be an ISO 3166-1 alpha-2 country code such as US" })
    .trim()
    .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166-1 alpha-2 country code such as US")
    .toUpperCase()
    .meta({ pattern: "^\\s*[A-Za-z]{2}\\s*$" })
    .optional(),
  autoCreation: autoCreation.optional(),
  // Only the create reads it: take charge of the configuration of this address and type, if any.
  adoptExisting: z.boolean({ error: "must be true or false" }).optional(),
}).superRefine((inputs, ctx) => {
  const ac = inputs.autoCreation;
  if (!ac) return;
  const at = (field: string) => ["autoCreation", field];
  const declared = (fields: readonly string[]) => fields.filter((f) => (ac as Record<string, unknown>)[f] !== undefined);
  // Twilio reports only the settings of the type in use, so a setting of another type could never be checked.
  for (const [type, fields] of [
    ["webhook", WEBHOOK_FIELDS],
    ["studio", STUDIO_FIELDS],
  ] as const) {
    if (ac.type === type) continue;
    for (const field of declared(fields)) {
      ctx.addIssue({
        code: "custom",
        path: at(field),
        message: `applies to a ${type} auto-creation only: set autoCreation.type to "${type}", or remove ${field}`,
      });
    }
  }
  // A webhook needs its URL, a Studio auto-creation its flow (the emulator refuses them without; UNCONFIRMED for Twilio).
  if (ac.type === "webhook" && ac.webhookUrl === undefined) {
    ctx.addIssue({ code: "custom", path: at("webhookUrl"), message: "is required for a webhook auto-creation: the URL Twilio calls" });
  }
  if (ac.type === "studio" && ac.studioFlowSid === undefined) {
    ctx.addIssue({
      code: "custom",
      path: at("studioFlowSid"),
      message: "is required for a studio auto-creation: the flow (FW...) Twilio runs",
    });
  }
});

/** Validated inputs, as check returns them. */
export type AddressConfigurationInputs = z.output<typeof addressConfigurationSchema>;

/** Declared auto-creation settings, normalised. */
export type AutoCreationSettings = NonNullable<AddressConfigurationInputs["autoCreation"]>;

/**
 * What an AddressConfiguration records in state: the live configuration, in the form check
 * produces, plus what Twilio does not know (`adoptExisting`, which properties the program declared).
 */
export interface AddressConfigurationOutputs {
  /** The configuration's SID (`IG` + 32 hex); also the resource id. */
  sid: string;
  /** The account the configuration lives in. */
  accountSid: string;
  type: AddressType;
  address: string;
  friendlyName?: string;
  addressCountry?: string;
  /** The live auto-creation settings: Twilio reports those of the type in use only. */
  autoCreation: AutoCreationSettings;
  adoptExisting?: boolean;
  /** ISO 8601 timestamps as Twilio reports them. */
  dateCreated?: string;
  dateUpdated?: string;
  /** The configuration's absolute API URL. */
  url?: string;
  /** The input properties the program set at the last create or update (`autoCreation.webhookUrl`), sorted. */
  declaredProperties?: string[];
}
