/**
 * Reading and checking v1 form parameters the way Twilio does: unknown keys are ignored, a
 * repeated key where one value is expected uses the first, and a bad value is a 400 naming the
 * parameter.
 */
import type { FormFields } from "../form-body";
import { ApiError, CODES, invalid } from "./api-error";

/** The form body of a request (empty when none or not a form). */
export function formOf(body: unknown): FormFields {
  return body && typeof body === "object" && !Array.isArray(body) ? (body as FormFields) : {};
}

/** One value of a parameter, or undefined when absent. */
export function param(form: FormFields, key: string): string | undefined {
  const v = form[key];
  return Array.isArray(v) ? v[0] : v;
}

/** Every value of a repeated parameter (`Permission=a&Permission=b`). */
export function params(form: FormFields, key: string): string[] {
  const v = form[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** True when the parameter was sent at all, even empty. */
export function has(form: FormFields, key: string): boolean {
  return form[key] !== undefined;
}

/**
 * Checks a SID parameter against its pattern from the spec; `""` fails it too (the spec's SID
 * parameters have a pattern and `minLength: 34`, so a SID cannot be emptied). The code is 20001
 * unless Twilio documents one for the field (50341 for messaging service SIDs).
 */
export function checkSid(name: string, value: string, pattern: RegExp, code: number = CODES.invalidParameter): string {
  if (!pattern.test(value)) {
    throw new ApiError(
      400,
      code,
      `Invalid ${name}: ${JSON.stringify(value)} does not match ${pattern.source}${value === "" ? " (a SID cannot be emptied)" : ""}`,
    );
  }
  return value;
}

/** Twilio booleans are the strings `true` / `false`. */
export function parseBoolean(name: string, value: string): boolean {
  const v = value.toLowerCase();
  if (v === "true") return true;
  if (v === "false") return false;
  throw invalid(`Invalid ${name}: expected true or false, got ${JSON.stringify(value)}`);
}

/** Checks a friendly name's length (code 20002, Twilio's "Invalid FriendlyName"). */
export function checkFriendlyName(value: string, max: number): string {
  if (value.length > max) {
    throw new ApiError(400, CODES.invalidFriendlyName, `Invalid FriendlyName: longer than ${max} characters`);
  }
  return value;
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration into milliseconds. Weeks, days, hours, minutes and seconds are
 * accepted; years and months are refused because their length is not fixed (Twilio's examples only
 * use `PT1M`, `PT10M`, `P1D`; whether it accepts `P1M`: UNCONFIRMED).
 */
export function parseDurationMs(value: string): number | undefined {
  const m = DURATION.exec(value);
  if (!m || value === "P" || value.endsWith("T")) return undefined;
  const [, w, d, h, min, s] = m;
  const n = (x: string | undefined) => (x ? Number(x) : 0);
  return ((((n(w) * 7 + n(d)) * 24 + n(h)) * 60 + n(min)) * 60 + n(s)) * 1000;
}

/**
 * The value that clears a timer. Twilio's support article on removing the default inactive timer
 * says to send `DefaultInactiveTimer=PT0S` ("leaving the field blank or using an invalid value may
 * result in errors"), and error pages 50379 / 50380 list PT0S among the valid formats. The same rule
 * for `DefaultClosedTimer` and `Timers.*` is an inference from those pages. Only this spelling
 * clears: another zero (`PT0M`, `P0D`) is a duration under the minimum.
 */
export const CLEAR_TIMER = "PT0S";

/** What each timer kind's minimum and error codes are. */
const TIMER_RULES = {
  inactive: { minMinutes: 1, format: CODES.invalidInactiveTimer, tooShort: CODES.inactiveTimerTooShort },
  closed: { minMinutes: 10, format: CODES.invalidClosedTimer, tooShort: CODES.closedTimerTooShort },
} as const;

/**
 * Checks a timer (`DefaultInactiveTimer`, `Timers.Closed`, ...): its duration in milliseconds, or
 * null for {@link CLEAR_TIMER}. Not an ISO 8601 duration (`""` included): 50379 / 50380; under
 * the minimum (1 minute inactive, 10 minutes closed): 50375 / 50376.
 */
export function checkTimer(name: string, value: string, kind: keyof typeof TIMER_RULES): number | null {
  const rule = TIMER_RULES[kind];
  if (value === CLEAR_TIMER) return null;
  const ms = parseDurationMs(value);
  if (ms === undefined) {
    throw new ApiError(
      400,
      rule.format,
      `Invalid ${name}: ${JSON.stringify(value)} is not an ISO 8601 duration (send ${CLEAR_TIMER} to clear it)`,
    );
  }
  if (ms < rule.minMinutes * 60_000) {
    throw new ApiError(400, rule.tooShort, `Invalid ${name}: minimum is ${rule.minMinutes} minute${rule.minMinutes === 1 ? "" : "s"}`);
  }
  return ms;
}

/** Maximum size of a conversation's attributes (16 KB, per Twilio's docs). */
export const MAX_ATTRIBUTES_BYTES = 16 * 1024;

/**
 * Attributes must be a string holding valid JSON, at most 16 KB (code 50304). `""` is not JSON: to
 * reset attributes, send `{}`, the value Twilio reports for "not set".
 */
export function checkAttributes(value: string): string {
  if (Buffer.byteLength(value, "utf8") > MAX_ATTRIBUTES_BYTES) {
    throw new ApiError(400, CODES.invalidAttributes, "Attributes exceed the 16 KB limit");
  }
  try {
    JSON.parse(value);
  } catch {
    throw new ApiError(400, CODES.invalidAttributes, "Attributes must be a valid JSON string");
  }
  return value;
}

/** Parses a date parameter (`DateCreated`, `StartDate`): ISO 8601, date or date-time; `code` when not one (default 20001). */
export function parseDateParam(name: string, value: string, code: number = CODES.invalidParameter): Date {
  const ok = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value);
  const date = new Date(value);
  if (!ok || Number.isNaN(date.getTime()))
    throw new ApiError(400, code, `Invalid ${name}: ${JSON.stringify(value)} is not an ISO 8601 date`);
  return date;
}

/** Checks an enum value; `code` when it is not one (default 20001). */
export function checkEnum<T extends string>(name: string, value: string, allowed: readonly T[], code: number = CODES.invalidParameter): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ApiError(400, code, `Invalid ${name}: ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
  }
  return value as T;
}

/** Checks an enum value without regard to case (the spec's examples send `whAtsAPP`, `GcM`) and returns it lower-cased. */
export function checkEnumIgnoringCase<T extends string>(name: string, value: string, allowed: readonly T[], code?: number): T {
  const lower = value.toLowerCase();
  if (!(allowed as readonly string[]).includes(lower)) {
    const message = `Invalid ${name}: ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`;
    throw code === undefined ? invalid(message) : new ApiError(400, code, message);
  }
  return lower as T;
}

/** An absolute http(s) URL, as webhook targets must be; anything else is a 400 with `code`. */
export function checkUrl(name: string, value: string, code: number): string {
  let ok: boolean;
  try {
    const url = new URL(value);
    ok = (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    ok = false;
  }
  if (!ok) throw new ApiError(400, code, `Invalid ${name}: ${JSON.stringify(value)} is not an absolute http or https URL`);
  return value;
}

/** `GET` or `POST`, in any case (the address spec's enum is lower case, the webhook ones upper case). */
export function checkWebhookMethod(name: string, value: string): "GET" | "POST" {
  const upper = value.toUpperCase();
  if (upper !== "GET" && upper !== "POST") {
    throw new ApiError(400, CODES.invalidWebhookMethod, `Invalid ${name}: ${JSON.stringify(value)} is not GET or POST`);
  }
  return upper;
}

/**
 * A repeated filter parameter (`Filters=a&Filters=b`, as twilio-node sends arrays), each value one
 * the spec lists. A lone empty value (`Filters=`) is the empty list: a form cannot otherwise say
 * "none" (UNCONFIRMED for Twilio; RJPearson94/terraform-provider-twilio sends an empty list to unset).
 */
export function checkFilters(name: string, values: string[], allowed: readonly string[]): string[] {
  const given = values.filter((v) => v !== "");
  for (const v of given) {
    if (!allowed.includes(v))
      throw new ApiError(400, CODES.invalidWebhookFilter, `Invalid ${name}: ${JSON.stringify(v)} is not a filter Twilio knows`);
  }
  return [...new Set(given)];
}
