import { z } from "zod";

import { durationSeconds, ISO_DURATION_PATTERN } from "./duration";
import { canonicalSid, TWILIO_DURATION } from "./twilio-facts";

/**
 * Zod field types shared by the resource schemas. Each message says what would be valid, because
 * it reaches the user as a Pulumi check failure on the property.
 */

/**
 * A Twilio SID: two-letter prefix and 32 hex digits (`IS`, `MG`, `RL`, `CH`, `AC`...). Normalised as
 * it is checked, so what check accepts is what is sent and compared: surrounding spaces are dropped,
 * the prefix is upper case and the hex lower case, the form Twilio mints (twilio-facts.ts
 * `canonicalSid`). `is0A...` and `IS0a...` are the same SID, in every field.
 */
export function sid(prefix: string, what: string): z.ZodString {
  const shape = `must be ${what} SID: "${prefix}" followed by 32 hex digits`;
  return (
    z
      .string({
        error: (issue) => (issue.input === undefined ? `is required: ${what} SID ("${prefix}" followed by 32 hex digits)` : shape),
      })
      .trim()
      // Either case, spelled out rather than with the `i` flag: the JSON Schema carries the pattern, and
      // JSON Schema patterns take no flags (sdk/spec/json-schema.ts).
      .regex(new RegExp(`^${anyCase(prefix)}[0-9a-fA-F]{32}$`), shape)
      .overwrite((text) => canonicalSid(prefix, text))
  );
}

/** A regex source matching `text` in either case, letter by letter: `IS` -> `[Ii][Ss]`. */
function anyCase(text: string): string {
  return [...text].map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toUpperCase()}${c.toLowerCase()}]`)).join("");
}

/**
 * A v1 object's friendly name (a service's, a role's): 1 to `max` characters, not blank. `what`
 * names the object in the messages (`is required: the role's name, 1 to 64 characters`).
 */
export function friendlyName(what: string, max: number): z.ZodString {
  return (
    z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? `is required: the ${what}'s name, 1 to ${max} characters`
            : `must be a string of 1 to ${max} characters`,
      })
      .refine((name) => name.trim() !== "", `must not be blank: give the ${what} a name of 1 to ${max} characters`)
      .max(max, {
        error: (issue) => `must be at most ${max} characters (got ${String(issue.input).length})`,
      })
      // For JSON Schema (sdk/spec/json-schema.ts): not empty, not blank.
      .meta({ minLength: 1, pattern: "\\S" })
  );
}

/** What a strict object says about a property it does not take, and about a value that is not an object. */
export interface StrictObjectMessages {
  /** The message for unknown properties, given them and the properties allowed (unlisted ones left out). */
  unknown(keys: readonly string[], allowed: readonly string[]): string;
  /** The message when the object is missing; default: zod's. */
  missing?: string;
  /** The message when the value is not an object; default: zod's. */
  notObject?: string;
  /** Properties the object takes but never lists in messages (a reserved key the SDK sets). */
  unlisted?: readonly string[];
}

/**
 * A strict object: a misspelt property is an error (never silently ignored) whose message lists
 * the properties allowed there. The one strict-object helper of the package: resource inputs, their
 * nested objects and the conversations setup document's entries all say it their own way through
 * {@link StrictObjectMessages}.
 */
export function strictObject<S extends z.core.$ZodLooseShape>(shape: S, messages: StrictObjectMessages): z.ZodObject<S, z.core.$strict> {
  const allowed = Object.keys(shape).filter((k) => !messages.unlisted?.includes(k));
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? messages.unknown(issue.keys, allowed)
        : issue.input === undefined
          ? messages.missing
          : messages.notObject,
  });
}

/** `a, b and c`. */
function listing(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names.join("");
}

/**
 * A resource's inputs: a {@link strictObject} whose message names the unknown property and the
 * properties the resource takes.
 */
export function resourceInputs<T extends z.ZodRawShape>(kind: string, shape: T): z.ZodObject<T, z.core.$strict> {
  return strictObject(shape, {
    unknown: (keys, allowed) => `unknown property ${keys.map((k) => JSON.stringify(k)).join(", ")}: ${kind} takes ${listing(allowed)}`,
  });
}

/**
 * An ISO 8601 duration of at least `minSeconds` (compared by length, so `PT60S` equals `PT1M`), in
 * the form Twilio takes (twilio-facts.ts `TWILIO_DURATION`). Normalised as it is checked, so what
 * check accepts is what is sent: surrounding spaces are dropped and the designators upper-cased
 * (` pt5m` becomes `PT5M`). Forms Twilio is not known to take are refused with the spelling to use.
 */
export function isoDuration(minSeconds: number): z.ZodString {
  const min = minSeconds % 60 === 0 ? `${minSeconds / 60} minute${minSeconds === 60 ? "" : "s"}` : `${minSeconds} seconds`;
  return (
    z
      .string()
      .trim()
      // Checked as it will be sent (upper case), quoted as it was written.
      .superRefine((written, ctx) => {
        const text = written.toUpperCase();
        const seconds = durationSeconds(text);
        if (seconds === undefined) {
          ctx.addIssue({
            code: "custom",
            message: `must be an ISO 8601 duration such as "PT${minSeconds / 60}M" or "P1D"; got "${written}"`,
          });
        } else if (!TWILIO_DURATION.test(text)) {
          ctx.addIssue({ code: "custom", message: `${durationFix(text)} (got "${written}")` });
        } else if (seconds === 0) {
          ctx.addIssue({
            code: "custom",
            message: `must be at least ${min} (got "${written}"): to turn the timer off, remove it from the program, which clears it`,
          });
        } else if (seconds < minSeconds) {
          ctx.addIssue({ code: "custom", message: `must be at least ${min} (got "${written}")` });
        }
      })
      .toUpperCase()
      // For JSON Schema (sdk/spec/json-schema.ts): the shape as sent; the minimum is beyond it.
      .meta({ pattern: ISO_DURATION_PATTERN })
  );
}

/** What to write instead of an ISO 8601 duration Twilio is not known to take. */
function durationFix(text: string): string {
  if (/^P[^T]*[YM]/.test(text)) {
    return "must not use years or months, which have no fixed length: write days or weeks instead (P30D, P52W)";
  }
  if (text.includes(",")) return 'must use "." for a fraction of a second, not ","';
  return "may have a fraction only on seconds: write smaller units instead (PT1H30M, not PT1.5H; PT90S, not PT1.5M)";
}

/** Twilio's limit on a conversation's attributes, in bytes of the JSON text. */
export const MAX_ATTRIBUTES_BYTES = 16 * 1024;

/**
 * JSON attributes given as an object or as a JSON string; normalised to canonical JSON text (keys
 * sorted, no whitespace) so the same data written differently never shows as a change.
 */
export const jsonAttributes = z.union([z.string(), z.record(z.string(), z.unknown())]).transform((value, ctx) => {
  let parsed: unknown;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: `must be valid JSON (an object or a JSON string): ${(e as Error).message}` });
      return z.NEVER;
    }
  } else {
    parsed = value;
  }
  const text = canonicalJson(parsed);
  if (Buffer.byteLength(text, "utf8") > MAX_ATTRIBUTES_BYTES) {
    ctx.addIssue({ code: "custom", message: `must be at most 16 KB of JSON; got ${Buffer.byteLength(text, "utf8")} bytes` });
    return z.NEVER;
  }
  return text;
});

/** JSON text with object keys sorted at every level: equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

// Webhook settings (the account's and each service's webhooks; the orchestrator's status callbacks).

/**
 * An absolute `http://` or `https://` URL with a host, as Twilio's v1 spec describes every webhook
 * target ("The absolute url the ... webhook request should be sent to"). Surrounding spaces are
 * dropped; the URL is otherwise sent as written (diff compares URLs parsed: `same.url`).
 */
export function httpUrl(what: string): z.ZodString {
  return (
    z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? `is required: ${what}, an absolute http:// or https:// URL`
            : "must be an absolute http:// or https:// URL",
      })
      .trim()
      .refine(isHttpUrl, "must be an absolute http:// or https:// URL")
      // For JSON Schema (sdk/spec/json-schema.ts): the URL's start, as a pattern can say it.
      .meta({ pattern: "^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]" })
  );
}

/** Whether a text parses as an absolute http(s) URL with a host. */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * The HTTP method of a webhook: `GET` or `POST` (the spec's enums, `configuration_webhook_enum_method`,
 * `service_webhook_configuration_enum_method`, write them in capitals). Any case is accepted and
 * sent in capitals, so `post` and `POST` are the same value.
 */
export const webhookMethod = z
  .string({ error: 'must be "GET" or "POST"' })
  .trim()
  .regex(new RegExp(`^(?:${anyCase("GET")}|${anyCase("POST")})$`), 'must be "GET" or "POST"')
  .overwrite((text) => text.toUpperCase());

/**
 * A list of webhook event names (`Filters`), each one of `allowed` (the spec's list for that
 * endpoint), at least one (a form cannot send an empty list: twilio-node sends nothing for `[]`).
 * Duplicates are dropped; the order is kept, and diff compares the lists as sets.
 */
export function eventFilters<const T extends readonly [string, ...string[]]>(allowed: T) {
  const known = new Map(allowed.map((name) => [name.toLowerCase(), name]));
  const name = z.enum(allowed, {
    error: (issue) => {
      const spelt = typeof issue.input === "string" ? known.get(issue.input.trim().toLowerCase()) : undefined;
      return spelt ? `must be spelt "${spelt}" (event names are case-sensitive)` : `must be one of ${allowed.join(", ")}`;
    },
  });
  return z
    .array(name, { error: "must be a list of event names" })
    .min(1, "must name at least one event: Twilio offers no way to send an empty list (remove the property to stop managing it)")
    .transform((names) => [...new Set(names)]);
}
