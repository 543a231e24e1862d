/**
 * When the client tries a request again, and how long it waits first.
 *
 * Duplicates are the danger: a POST that Twilio processed but whose response was lost would,
 * sent again, create a second conversation. So a request is re-sent only when the server cannot
 * have acted on it, or acting twice is harmless.
 */
import type { TwilioApiError, TwilioConnectionError } from "./errors";

/** HTTP methods the client sends. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Backoff: base 500 ms, doubling, capped at 10 s (before jitter). */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 10_000;
/** A server's `Retry-After` is honoured up to this; a longer hint is not worth holding a deploy for. */
export const RETRY_AFTER_CAP_MS = 30_000;

// GET and DELETE are idempotent by HTTP's definition; PUT is a full replace, so sending it twice
// leaves the same state (v2 configurations: the second one is a no-op operation).
const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(["GET", "DELETE", "PUT"]);

/**
 * May a failed attempt be sent again? Only retryable failures (429, 5xx, connection errors), and
 * for a POST/PATCH that is not safe to repeat (no idempotency key, not marked idempotent) only
 * when the server cannot have acted on it: a 429 (Twilio documents it as never processed) or a
 * connection that never got through.
 *
 * @param safeToRepeat the request carries an Idempotency-Key, or its caller marked it idempotent
 *   (a v1 POST that sets absolute values, such as an update: applying it twice leaves one state)
 */
export function mayRetry(method: HttpMethod, safeToRepeat: boolean, failure: TwilioApiError | TwilioConnectionError): boolean {
  if (!failure.retryable) return false;
  if (IDEMPOTENT.has(method) || safeToRepeat) return true;
  if ("status" in failure) return failure.status === 429;
  return !failure.mayHaveReachedServer;
}

/**
 * Milliseconds to wait before attempt `attempt + 1`: the server's `Retry-After` when it gave one
 * (clamped to 30 s), else full jitter over an exponential window (AWS's "full jitter": spreads
 * a burst of parallel resources instead of having them retry in lockstep).
 *
 * @param attempt the attempt that just failed, from 1
 * @param random in [0, 1)
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random: () => number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const window = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return Math.floor(random() * window);
}

/**
 * Parses `Retry-After`: delta seconds or an HTTP date. Returns milliseconds clamped to
 * [0, 30 s], or undefined when absent or unreadable (then the backoff applies).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    // An HTTP date always names a day or month; without letters, Date.parse reads "-5" as a year.
    if (!/[a-z]/i.test(text)) return undefined;
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = at - nowMs;
  }
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, Math.round(ms)));
}
