/**
 * Inputs of `OrchestratorConfiguration`, the Conversation Orchestrator (v2) configuration: what
 * `check` accepts, in the normalised form the provider and its outputs use. No I/O.
 *
 * The rules mirror Twilio's v2 control plane (docs/twilio-api.md, "v2 Conversation Orchestrator control
 * plane"), so a mistake is reported on its property before any request is sent.
 */
import { z } from "zod";

import { httpUrl, sid, strictObject } from "../../provider/shared/fields";

/** The channels `channelSettings` may be keyed by. */
export const CHANNELS = ["VOICE", "SMS", "RCS", "WHATSAPP", "CHAT"] as const;
export type Channel = (typeof CHANNELS)[number];

/** How the orchestrator groups messages into conversations. */
export const GROUPING_TYPES = [
  "GROUP_BY_PROFILE",
  "GROUP_BY_PARTICIPANT_ADDRESSES",
  "GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE",
] as const;

export const MAX_DISPLAY_NAME = 32;
export const MAX_DESCRIPTION = 512;
export const MAX_STATUS_CALLBACKS = 2;
export const MAX_INTELLIGENCE_CONFIGURATIONS = 5;

/**
 * The reserved input the SDK adds: `<project>/<stack>/<resource name>`. It scopes the create's
 * Idempotency-Key, so two resources with identical inputs in one stack never share a key (and
 * so never share one configuration). It is not sent to Twilio and not compared by diff.
 */
export const LOGICAL_NAME_KEY = "__logicalName";

/** A strict object whose unknown-key message names the key and lists the valid ones. */
function strict<S extends z.core.$ZodLooseShape>(shape: S, what: string) {
  return strictObject(shape, {
    unknown: (keys, valid) =>
      `unknown propert${keys.length === 1 ? "y" : "ies"} ${keys.map((k) => `"${k}"`).join(", ")} in ${what}; valid properties are ${valid.join(", ")}`,
    missing: `is required: ${what}`,
    notObject: `must be ${what}`,
    unlisted: [LOGICAL_NAME_KEY],
  });
}

/** A required or optional field's "missing" vs "wrong type" message. */
const typed = (expected: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `is required: ${expected}` : `must be ${expected}`),
});

const displayName = z
  .string(typed("a display name (1 to 32 letters, digits, '-', '_' or spaces)"))
  .min(1, "must not be empty: 1 to 32 letters, digits, '-', '_' or spaces")
  .max(MAX_DISPLAY_NAME, `must be at most ${MAX_DISPLAY_NAME} characters`)
  // Twilio writes the class as [a-zA-Z0-9-_ ]; the hyphen goes last here so it is a literal.
  // `*` rather than `+`: emptiness has its own message above.
  .regex(/^[a-zA-Z0-9_ -]*$/, "may contain only letters, digits, '-', '_' and spaces");

const description = z
  .string(typed(`a description (text, at most ${MAX_DESCRIPTION} characters)`))
  .max(MAX_DESCRIPTION, `must be at most ${MAX_DESCRIPTION} characters`);

const conversationGroupingType = z.enum(GROUPING_TYPES, { error: `must be one of ${GROUPING_TYPES.join(", ")}` });

const memoryStoreId = z
  .string(typed("the id of a memory store (non-empty text)"))
  .min(1, "must not be empty: the id of the memory store conversations use");

const minutes = z
  .number(typed("a whole number of minutes, at least 1"))
  .int("must be a whole number of minutes, at least 1")
  .min(1, "must be at least 1 (minutes)");

const nonEmpty = (what: string) => z.string(typed(`${what} (non-empty text)`)).min(1, `must not be empty: ${what}`);

const captureRule = strict(
  {
    from: nonEmpty('the address (or "*") messages come from'),
    to: nonEmpty('the address (or "*") messages go to'),
    metadata: z.record(z.string(), z.string(typed("text (metadata values are strings)")), typed("a map of text to text")).optional(),
  },
  "a capture rule {from, to, metadata?}",
);

const channelSetting = strict(
  {
    statusTimeouts: strict(
      { inactive: minutes.optional(), closed: minutes.optional() },
      "status timeouts {inactive?, closed?} in minutes",
    ).optional(),
    captureRules: z.array(captureRule, typed("a list of capture rules")).optional(),
  },
  "channel settings {statusTimeouts?, captureRules?}",
);

// A string-keyed record checked key by key, so an unknown channel is reported on its own path
// (`channelSettings.FAX`) with the list of valid ones; zod's enum-keyed record reports it less clearly.
const channelSettings = z
  .record(z.string(), channelSetting, typed(`a map keyed by channel (${CHANNELS.join(", ")})`))
  .superRefine((map, ctx) => {
    for (const key of Object.keys(map)) {
      if (!(CHANNELS as readonly string[]).includes(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `is not a channel: use one of ${CHANNELS.join(", ")}` });
      }
    }
  });

const statusCallback = strict(
  {
    url: httpUrl("a status callback URL"),
    method: z.enum(["POST", "GET"], { error: "must be POST or GET (default POST)" }).default("POST"),
  },
  "a status callback {url, method?}",
);

const statusCallbacks = z
  .array(statusCallback, typed("a list of status callbacks"))
  .max(MAX_STATUS_CALLBACKS, `may hold at most ${MAX_STATUS_CALLBACKS} status callbacks`);

const intelligenceConfigurationIds = z
  .array(nonEmpty("an intelligence configuration id"), typed("a list of intelligence configuration ids"))
  .max(MAX_INTELLIGENCE_CONFIGURATIONS, `may hold at most ${MAX_INTELLIGENCE_CONFIGURATIONS} ids`);

const conversationsV1Bridge = strict(
  {
    // The shared SID type (v2's pattern takes lower-case hex only): upper-case hex is normalised,
    // as in every v1 SID field, rather than accepted there and refused here.
    serviceId: sid("IS", "a Conversations v1 service"),
  },
  "a bridge {serviceId}",
);

/** One channel's settings, normalised. Timeouts are in minutes. */
export interface ChannelSetting {
  statusTimeouts?: { inactive?: number; closed?: number };
  captureRules?: Array<{ from: string; to: string; metadata?: Record<string, string> }>;
}
export type ChannelSettings = Partial<Record<Channel, ChannelSetting>>;
export interface StatusCallback {
  url: string;
  method: "POST" | "GET";
}

/**
 * Channel settings in one form: empty `statusTimeouts`, `captureRules` and `metadata` are left
 * out (the API treats them as unset), channels stay even when empty (a channel's presence may
 * mean something to the orchestrator). Used for inputs, outputs and diff alike.
 */
export function normaliseChannelSettings(value: unknown): ChannelSettings {
  const out: ChannelSettings = {};
  if (value === null || typeof value !== "object") return out;
  for (const [channel, raw] of Object.entries(value as Record<string, unknown>)) {
    if (raw === null || raw === undefined || typeof raw !== "object") continue;
    const setting = raw as ChannelSetting;
    const next: ChannelSetting = {};
    const timeouts = setting.statusTimeouts ?? {};
    const statusTimeouts: { inactive?: number; closed?: number } = {};
    if (typeof timeouts.inactive === "number") statusTimeouts.inactive = timeouts.inactive;
    if (typeof timeouts.closed === "number") statusTimeouts.closed = timeouts.closed;
    if (Object.keys(statusTimeouts).length > 0) next.statusTimeouts = statusTimeouts;
    const rules = Array.isArray(setting.captureRules) ? setting.captureRules : [];
    if (rules.length > 0) {
      next.captureRules = rules.map((r) => {
        const metadata = r.metadata && Object.keys(r.metadata).length > 0 ? { ...r.metadata } : undefined;
        return metadata ? { from: r.from, to: r.to, metadata } : { from: r.from, to: r.to };
      });
    }
    out[channel as Channel] = next;
  }
  return out;
}

/** Status callbacks with the API's default method filled in (absent means POST). */
export function normaliseStatusCallbacks(value: unknown): StatusCallback[] {
  if (!Array.isArray(value)) return [];
  return value.map((c: { url: string; method?: string }) => ({ url: c.url, method: c.method === "GET" ? "GET" : "POST" }));
}

/**
 * The input schema. Optional collections stay absent when not given (diff treats absent and
 * empty alike, as the API does); the given ones are normalised.
 */
export const orchestratorConfigurationSchema = strict(
  {
    displayName,
    description,
    conversationGroupingType,
    memoryStoreId,
    channelSettings: channelSettings.transform(normaliseChannelSettings).optional(),
    statusCallbacks: statusCallbacks.transform(normaliseStatusCallbacks).optional(),
    intelligenceConfigurationIds: intelligenceConfigurationIds.optional(),
    memoryExtractionEnabled: z.boolean(typed("true or false (default false)")).optional(),
    conversationsV1Bridge: conversationsV1Bridge.optional(),
    [LOGICAL_NAME_KEY]: z.string(typed("the resource's logical name (set by the SDK)")).optional(),
  },
  "an OrchestratorConfiguration",
);

/** Inputs as the program gives them (before defaults and normalisation). */
export type OrchestratorConfigurationArgsShape = z.input<typeof orchestratorConfigurationSchema>;

/** Resolved, validated, normalised inputs. */
export type OrchestratorConfigurationInputs = z.output<typeof orchestratorConfigurationSchema>;

/** What the resource records in state. Timeouts in minutes; dates ISO 8601. */
// A type alias, not an interface: PartialFailure takes it as a Record<string, unknown>.
export type OrchestratorConfigurationOutputs = {
  /** The account the configuration lives in (the account guard reads it). */
  accountSid: string;
  /** `conv_configuration_...`; also the resource id. */
  configurationId: string;
  displayName: string;
  description: string;
  conversationGroupingType: string;
  memoryStoreId: string;
  channelSettings: ChannelSettings;
  statusCallbacks: StatusCallback[];
  intelligenceConfigurationIds: string[];
  memoryExtractionEnabled: boolean;
  conversationsV1Bridge?: { serviceId: string };
  /** Twilio's optimistic-locking version; absent while a create has not finished. */
  version?: number;
  createdAt?: string;
  updatedAt?: string;
  /** Kept from the inputs so a refresh hands it back (see {@link LOGICAL_NAME_KEY}). */
  __logicalName?: string;
};

/** The properties a create or a full replace sets: the outputs less what Twilio assigns and the SDK's logical name. */
export type ConfigurationSettings = Omit<
  OrchestratorConfigurationOutputs,
  "accountSid" | "configurationId" | "version" | "createdAt" | "updatedAt" | typeof LOGICAL_NAME_KEY
>;

/**
 * The inputs with the API's defaults filled in, every settable property explicit: absent
 * collections empty, memory extraction off, the bridge only when declared. This is what a PUT
 * (a full replace) sends and what the configuration then holds, so the request body and the
 * outputs known before a fetch are both built from it.
 */
export function withApiDefaults(inputs: OrchestratorConfigurationInputs): ConfigurationSettings {
  return {
    displayName: inputs.displayName,
    description: inputs.description,
    conversationGroupingType: inputs.conversationGroupingType,
    memoryStoreId: inputs.memoryStoreId,
    channelSettings: normaliseChannelSettings(inputs.channelSettings ?? {}),
    statusCallbacks: normaliseStatusCallbacks(inputs.statusCallbacks ?? []),
    intelligenceConfigurationIds: [...(inputs.intelligenceConfigurationIds ?? [])],
    memoryExtractionEnabled: inputs.memoryExtractionEnabled ?? false,
    ...(inputs.conversationsV1Bridge ? { conversationsV1Bridge: { serviceId: inputs.conversationsV1Bridge.serviceId } } : {}),
  };
}
