/**
 * Headers Twilio puts on every REST response, emulated so clients can be tested against them.
 *
 * Seen on a real `conversations.twilio.com` response (twilio-labs/dev-phone#211, debug log of
 * `GET /v1/Services`): `twilio-request-id: RQ75f985c0af06f6f680e474437dedcd67`,
 * `twilio-request-duration: 0.021`, `twilio-concurrent-requests: 1`. Twilio's error pages 20429 and
 * 45780 (https://www.twilio.com/docs/api/errors/20429, .../45780) tell clients to watch
 * `Twilio-Concurrent-Requests` and `Twilio-Request-Duration` to see how close they are to the
 * account's concurrency limit; the request id is what Twilio support asks for.
 */
import { randomBytes } from "node:crypto";

export const REQUEST_ID_HEADER = "Twilio-Request-Id";
export const CONCURRENT_REQUESTS_HEADER = "Twilio-Concurrent-Requests";
export const REQUEST_DURATION_HEADER = "Twilio-Request-Duration";

/** A request id as Twilio mints them: `RQ` + 32 lowercase hex. */
export function newRequestId(): string {
  return "RQ" + randomBytes(16).toString("hex");
}

/** Seconds with three decimals, as Twilio writes `Twilio-Request-Duration` (`0.021`). */
export function formatDuration(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}
