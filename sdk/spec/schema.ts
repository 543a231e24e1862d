/**
 * The conversations setup document (version 1): one account's Conversations setup, as a GitOps
 * repo keeps it and as `twilio-conversations export` writes it.
 *
 * This schema covers the document's structure, its keys and the references between entries (a
 * service configuration names its roles by key, a conversation names its service by key, ...).
 * The rules of each field (SID shapes, durations, enums, limits) belong to the resources' own input
 * schemas, which `resolve.ts` runs on every entry after parameters and references are filled in:
 * no field rule is written twice. Every field carries a description, so the JSON Schema generated
 * from this one (`json-schema.ts`) lets editors complete and explain the file.
 */
import { z } from "zod";

import { strictObject } from "../../provider/shared/fields";
import { CONVERSATION_STATES } from "../../resources/conversation/schema";
import { CHANNELS, GROUPING_TYPES } from "../../resources/orchestrator-configuration/schema";
import { ROLE_TYPES } from "../../resources/service-role/schema";

/** The document version this package reads and writes. */
export const SPEC_VERSION = 1;

/**
 * A key naming an entry (a service, role, conversation or orchestrator configuration). Keys become
 * part of Pulumi resource names, so they are stable identifiers: letters, digits and `_ . @ + -`,
 * no spaces and no `/` (the separator of nested names).
 */
export const KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.@+-]*$/;
export const MAX_KEY_LENGTH = 128;

/** A parameter's name: it is also the stack config key that sets it (`pulumi config set <name> ...`). */
export const PARAMETER_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** SID shapes a reference may hold instead of a key. */
export const SERVICE_SID_PATTERN = /^IS[0-9a-fA-F]{32}$/;
export const ROLE_SID_PATTERN = /^RL[0-9a-fA-F]{32}$/;

/** JSON Schema for a string that may also be a `${parameter}` reference (editors then accept both). */
const PARAMETERISED = { pattern: "\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}" };

/**
 * A string field whose values are listed for editors (`anyOf` the values or a parameter), while the
 * value itself is checked by the resource schema after parameters are filled in.
 */
function listed(values: readonly string[], description: string) {
  return z
    .string({ error: `must be a string: one of ${values.join(", ")}` })
    .describe(description)
    .meta({ anyOf: [{ enum: [...values] }, PARAMETERISED] });
}

const text = (description: string) => z.string({ error: "must be a string" }).describe(description);
const flag = (description: string) => z.boolean({ error: "must be true or false" }).describe(description);

/** A key of a map in the document. */
export const keySchema = z
  .string()
  .regex(KEY_PATTERN, "is not a valid key: use letters, digits and _ . @ + - (no spaces or /), starting with a letter, digit or _")
  .max(MAX_KEY_LENGTH, `is too long for a key (at most ${MAX_KEY_LENGTH} characters)`);

/** A strict object of the document: a misspelt property is an error naming the properties allowed there. */
function entry<S extends z.core.$ZodLooseShape>(shape: S, what: string) {
  return strictObject(shape, {
    unknown: (_keys, allowed) => `is not a property of ${what}: expected ${allowed.join(", ")}`,
    missing: `is required: ${what}`,
    notObject: `must be a mapping (${what})`,
  });
}

const parameter = entry(
  {
    description: text("What the value is, for whoever sets it per stack.").optional(),
    default: text("The value when the stack config does not set one. Without a default the parameter is required.").optional(),
  },
  "a parameter {description?, default?}",
).describe("An environment-specific value, set per stack with `pulumi config set <name> <value>`.");

const account = entry(
  {
    defaultChatService: text(
      "The account's default conversation service (where conversations without a service go): a key of `services`, or an IS SID.",
    ).optional(),
    defaultMessagingServiceSid: text("The default messaging service: an MG SID, usually a `${parameter}`.").optional(),
    defaultInactiveTimer: text("Idle time before a conversation becomes inactive: an ISO 8601 duration of at least PT1M.").optional(),
    defaultClosedTimer: text("Idle time before a conversation is closed: an ISO 8601 duration of at least PT10M.").optional(),
  },
  "the account configuration {defaultChatService?, defaultMessagingServiceSid?, defaultInactiveTimer?, defaultClosedTimer?}",
).describe("The account-wide Conversations configuration (/v1/Configuration). Only the fields given are managed.");

const role = entry(
  {
    friendlyName: text("The role's name, 1 to 64 characters. Changing it replaces the role."),
    type: listed(ROLE_TYPES, "`service` (given to users) or `conversation` (given to participants). Changing it replaces the role."),
    permissions: z
      .array(text("A permission name, such as sendMessage."), { error: "must be a list of permission names" })
      .describe("The permissions the role grants (a set: order and duplicates do not matter)."),
    adoptExisting: flag(
      "Take charge of the role of this name that the service already has (a new service comes with default roles) instead of creating one.",
    ).optional(),
  },
  "a role {friendlyName, type, permissions, adoptExisting?}",
).describe("A role of the service.");

const roleRef = (what: string) => text(`${what}: a key of this service's \`roles\`, or an RL SID.`).optional();

const serviceConfiguration = entry(
  {
    defaultConversationCreatorRole: roleRef("The role given to a conversation's creator (a conversation role)"),
    defaultConversationRole: roleRef("The role given to a conversation's participants (a conversation role)"),
    defaultChatServiceRole: roleRef("The role given to the service's users (a service role)"),
    reachabilityEnabled: flag("Whether the service reports users' reachability.").optional(),
  },
  "a service configuration {defaultConversationCreatorRole?, defaultConversationRole?, defaultChatServiceRole?, reachabilityEnabled?}",
).describe("The service's configuration (/v1/Services/{IS}/Configuration). Only the fields given are managed.");

const service = entry(
  {
    friendlyName: text("The service's name, 1 to 256 characters. Changing it replaces the service, with everything in it."),
    adoptExisting: flag(
      "Take charge of the account's only service of this name (every account has a default one) instead of creating one.",
    ).optional(),
    roles: z.record(keySchema, role).describe("The service's roles, by key.").optional(),
    configuration: serviceConfiguration.optional(),
  },
  "a service {friendlyName, adoptExisting?, roles?, configuration?}",
).describe("A conversation service (/v1/Services).");

const conversation = entry(
  {
    service: text("The conversation's service: a key of `services`, or an IS SID. Omitted: the account's default service.").optional(),
    uniqueName: text("A name unique in the service, usable in place of the SID. Must not look like a SID.").optional(),
    friendlyName: text("The conversation's display name, at most 256 characters.").optional(),
    attributes: z
      .union([z.string(), z.record(z.string(), z.unknown())], { error: "must be a mapping or a string holding JSON" })
      .describe("Free-form JSON data: a mapping, or a string holding a JSON object. At most 16 KB.")
      .optional(),
    messagingServiceSid: text("The messaging service for SMS and WhatsApp: an MG SID, usually a `${parameter}`.").optional(),
    state: listed(CONVERSATION_STATES, "The conversation's state (default active). A closed conversation cannot be changed.").optional(),
    timers: entry(
      {
        inactive: text("Idle time before it becomes inactive: an ISO 8601 duration of at least PT1M.").optional(),
        closed: text("Idle time before it is closed: an ISO 8601 duration of at least PT10M.").optional(),
      },
      "timers {inactive?, closed?}",
    )
      .describe("Timers, as durations. Not exported: Twilio reports when timers fire, not their durations.")
      .optional(),
    bindings: entry(
      {
        email: entry(
          {
            address: text("The email address conversations are bound to.").optional(),
            name: text("The sender name shown on outbound email.").optional(),
          },
          "an email binding {address?, name?}",
        )
          .describe("The email binding.")
          .optional(),
      },
      "bindings {email?}",
    )
      .describe("Channel bindings.")
      .optional(),
  },
  "a conversation {service?, uniqueName?, friendlyName?, attributes?, messagingServiceSid?, state?, timers?, bindings?}",
).describe("A conversation (/v1/Conversations or /v1/Services/{IS}/Conversations).");

const captureRule = entry(
  {
    from: text("The address (or *) messages come from."),
    to: text("The address (or *) messages go to."),
    metadata: z
      .record(z.string(), z.string({ error: "must be a string" }))
      .describe("Text metadata.")
      .optional(),
  },
  "a capture rule {from, to, metadata?}",
);

const channelSetting = entry(
  {
    statusTimeouts: entry(
      {
        inactive: z.number({ error: "must be a number of minutes" }).describe("Minutes before inactive.").optional(),
        closed: z.number({ error: "must be a number of minutes" }).describe("Minutes before closed.").optional(),
      },
      "status timeouts {inactive?, closed?}",
    )
      .describe("Minutes of silence before a conversation on this channel becomes inactive, then closed.")
      .optional(),
    captureRules: z
      .array(captureRule, { error: "must be a list of capture rules" })
      .describe("Which messages on this channel are captured into conversations.")
      .optional(),
  },
  "channel settings {statusTimeouts?, captureRules?}",
);

const orchestratorConfiguration = entry(
  {
    displayName: text("1 to 32 letters, digits, '-', '_' or spaces."),
    description: text("At most 512 characters."),
    conversationGroupingType: listed(GROUPING_TYPES, "How messages are grouped into conversations."),
    memoryStoreId: text("The memory store conversations use: usually a `${parameter}`."),
    channelSettings: z
      .record(z.string(), channelSetting, { error: `must be a mapping keyed by channel (${CHANNELS.join(", ")})` })
      .describe(`Per-channel settings, keyed by ${CHANNELS.join(", ")}.`)
      .meta({ propertyNames: { enum: [...CHANNELS] } })
      .optional(),
    statusCallbacks: z
      .array(
        entry(
          {
            url: text("An absolute http(s) URL: usually a `${parameter}`."),
            method: listed(["POST", "GET"], "POST (default) or GET.").optional(),
          },
          "a status callback {url, method?}",
        ),
        { error: "must be a list of status callbacks" },
      )
      .describe("At most 2 status callbacks.")
      .optional(),
    intelligenceConfigurationIds: z
      .array(text("An intelligence configuration id."), { error: "must be a list of ids" })
      .describe("At most 5 intelligence configuration ids.")
      .optional(),
    memoryExtractionEnabled: flag("Whether memory extraction is on (default false).").optional(),
    conversationsV1Bridge: entry(
      { service: text("The v1 service to bridge: a key of `services`, or an IS SID. One configuration per service.") },
      "a bridge {service}",
    )
      .describe("Bridges this configuration to a Conversations v1 service.")
      .optional(),
  },
  "an orchestrator configuration {displayName, description, conversationGroupingType, memoryStoreId, ...}",
).describe("A Conversation Orchestrator (v2) configuration.");

/**
 * The document's structure. References and parameter names are checked by {@link specSchema}
 * (this plus `references.ts`), which is what {@link parseSpec} runs.
 */
export const specStructureSchema = entry(
  {
    $schema: text("The JSON Schema this file follows (for editors); ignored.").optional(),
    version: z.literal(SPEC_VERSION, { error: `must be ${SPEC_VERSION}: the only version of this document` }).describe("Always 1."),
    parameters: z
      .record(
        z.string().regex(PARAMETER_NAME_PATTERN, "is not a valid parameter name: letters, digits and _, not starting with a digit"),
        parameter,
      )
      .describe("Environment-specific values, used as `${name}` in any string value.")
      .optional(),
    account: account.optional(),
    services: z.record(keySchema, service).describe("Conversation services, by key.").optional(),
    conversations: z.record(keySchema, conversation).describe("Conversations, by key.").optional(),
    orchestratorConfigurations: z
      .record(keySchema, orchestratorConfiguration)
      .describe("Conversation Orchestrator (v2) configurations, by key.")
      .optional(),
  },
  "a conversations setup document {version, parameters?, account?, services?, conversations?, orchestratorConfigurations?}",
)
  .describe("One account's Twilio Conversations setup, for pulumi-twilio-conversations (ConversationsSetup).")
  .meta({ title: "Twilio Conversations setup" });

/** A validated document, as {@link parseSpec} returns it. */
export type SpecDocument = z.output<typeof specStructureSchema>;
export type SpecParameter = z.output<typeof parameter>;
export type SpecService = z.output<typeof service>;
export type SpecRole = z.output<typeof role>;
export type SpecServiceConfiguration = z.output<typeof serviceConfiguration>;
export type SpecConversation = z.output<typeof conversation>;
export type SpecOrchestratorConfiguration = z.output<typeof orchestratorConfiguration>;
