/**
 * Request schemas of the v2 control plane (zod v4) and the one function that turns a zod failure
 * into a Twilio-style message naming the field.
 *
 * Unknown fields are ignored (zod objects strip them), as Twilio ignores unknown parameters.
 * Read-only fields (`id`, `createdAt`, `updatedAt`, `version`) are unknown fields for these
 * schemas: a client that round-trips a fetched object into a PUT is not punished for it, and the
 * server-side values always win.
 */
import { z } from "zod";

/** The channels `channelSettings` may hold. */
export const CHANNELS = ["VOICE", "SMS", "RCS", "WHATSAPP", "CHAT"] as const;
export type Channel = (typeof CHANNELS)[number];

export const GROUPING_TYPES = [
  "GROUP_BY_PROFILE",
  "GROUP_BY_PARTICIPANT_ADDRESSES",
  "GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE",
] as const;

const displayName = z
  .string()
  .max(32, "must be at most 32 characters")
  // Twilio's pattern is ^[a-zA-Z0-9-_ ]+$; the hyphen is moved last so the class is unambiguous.
  .regex(/^[a-zA-Z0-9_ -]+$/, "may contain only letters, digits, '-', '_' and spaces, and must not be empty");
const description = z.string().max(512, "must be at most 512 characters");
const groupingType = z.enum(GROUPING_TYPES, `must be one of ${GROUPING_TYPES.join(", ")}`);
const memoryStoreId = z.string().min(1, "must not be empty");
const minutes = z.number().int("must be an integer number of minutes").min(1, "must be at least 1 (minutes)");

const captureRule = z.object({
  from: z.string().min(1, "must not be empty"),
  to: z.string().min(1, "must not be empty"),
  metadata: z.record(z.string(), z.string()).optional(),
});

const channelSetting = z.object({
  statusTimeouts: z.object({ inactive: minutes.optional(), closed: minutes.optional() }).optional(),
  captureRules: z.array(captureRule).optional(),
});

// partialRecord: an enum-keyed z.record is exhaustive in zod v4, and a configuration may set any subset.
const channelSettings = z.partialRecord(z.enum(CHANNELS), channelSetting);
const channelSettingsPatch = z.partialRecord(z.enum(CHANNELS), channelSetting.nullable());

const statusCallback = z.object({
  url: z.url("must be an absolute URL"),
  method: z.enum(["POST", "GET"], "must be POST or GET").default("POST"),
});
const statusCallbacks = z.array(statusCallback).max(2, "may hold at most 2 callbacks");
const intelligenceConfigurationIds = z.array(z.string().min(1, "must not be empty")).max(5, "may hold at most 5 ids");
const conversationsV1Bridge = z.object({
  serviceId: z.string().regex(/^IS[0-9a-f]{32}$/, "must be a v1 Conversation Service SID (IS + 32 lowercase hex)"),
});

/** POST body. */
export const createSchema = z.object({
  displayName,
  description,
  conversationGroupingType: groupingType,
  memoryStoreId,
  channelSettings: channelSettings.optional(),
  statusCallbacks: statusCallbacks.optional(),
  intelligenceConfigurationIds: intelligenceConfigurationIds.optional(),
  memoryExtractionEnabled: z.boolean().optional(),
  conversationsV1Bridge: conversationsV1Bridge.optional(),
});

/** PUT body: a full replace, `displayName` optional, `channelSettings` required. */
export const replaceSchema = createSchema.extend({
  displayName: displayName.optional(),
  channelSettings,
});

/**
 * PATCH body: only the fields present change. `null` clears an optional field and, inside
 * `channelSettings`, removes that channel. The fields every configuration must have
 * (`displayName`, `description`, `conversationGroupingType`, `memoryStoreId`) cannot be cleared,
 * so `null` there is a validation error rather than a configuration left without them.
 */
export const patchSchema = z.object({
  displayName: displayName.optional(),
  description: description.optional(),
  conversationGroupingType: groupingType.optional(),
  memoryStoreId: memoryStoreId.optional(),
  channelSettings: channelSettingsPatch.optional(),
  statusCallbacks: statusCallbacks.nullable().optional(),
  intelligenceConfigurationIds: intelligenceConfigurationIds.nullable().optional(),
  memoryExtractionEnabled: z.boolean().nullable().optional(),
  conversationsV1Bridge: conversationsV1Bridge.nullable().optional(),
});

export type CreateInput = z.infer<typeof createSchema>;
export type ReplaceInput = z.infer<typeof replaceSchema>;
export type PatchInput = z.infer<typeof patchSchema>;

/** The outcome of {@link parseBody}: the parsed value, or one message naming the first bad field. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Validates a JSON body. The message names the field by its dotted path
 * (`channelSettings.SMS.statusTimeouts.inactive`, `statusCallbacks[0].url`), as users read it.
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): Parsed<T> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, message: "The request body must be a JSON object" };
  }
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, message: describeIssue(issue, body) };
}

function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const field = fieldPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    // Only enum-keyed records report this (objects strip unknown keys): an unknown channel.
    return `Invalid parameter ${field}: unknown key ${issue.keys.join(", ")}; expected one of ${CHANNELS.join(", ")}`;
  }
  if (issue.code === "invalid_key") {
    return `Invalid parameter ${field}: unknown key; expected one of ${CHANNELS.join(", ")}`;
  }
  const value = valueAt(body, issue.path);
  if (issue.code === "invalid_type" && value === undefined) return `Missing required parameter ${field}`;
  if (issue.code === "invalid_type" && value === null) return `Invalid parameter ${field}: must not be null`;
  if (issue.code === "invalid_type") return `Invalid parameter ${field}: expected ${issue.expected}`;
  return `Invalid parameter ${field}: ${issue.message}`;
}

/** `["channelSettings", "SMS", "captureRules", 0, "from"]` -> `channelSettings.SMS.captureRules[0].from`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "body" : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const part of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[part];
  }
  return cur;
}
