/**
 * Idempotency-Keys for v2 writes, derived rather than random.
 *
 * Twilio returns the original response for a key it has seen in the last 24 hours (same account
 * and region) without starting a second operation. A random key would protect only the client's
 * own retries; a key derived from what the write *is* also protects a `pulumi up` re-run after a
 * crash between the POST and the state write: the re-run sends the same key and gets the same
 * configuration back instead of making a second one.
 *
 * The catch: a deliberate repeat of the same write within 24 hours (destroy, then up again with
 * identical inputs) is replayed too. Callers detect that and move to the next key of a short
 * sequence (`salt` 1, 2, ...), which is just as deterministic.
 */
import { createHash } from "node:crypto";

import { canonicalJson } from "../../provider/shared/fields";

/**
 * How many further keys a write may try after the first when its responses turn out to be
 * replays of earlier writes (salt 1..MAX_KEY_SALT). Each step costs one replayed POST and a poll;
 * running out means that many identical writes within Twilio's 24-hour window.
 */
export const MAX_KEY_SALT = 16;

/**
 * A UUID (RFC 9562 version 8, "custom") from the SHA-256 of the parts. Each part is
 * length-prefixed so `["ab", "c"]` and `["a", "bc"]` give different keys.
 */
export function derivedUuid(parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${Buffer.byteLength(part, "utf8")}:${part}\n`);
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The key of a create: the account, the resource's logical name (`<project>/<stack>/<name>`,
 * from the SDK) and the request body in canonical form. `logicalName` may be empty when the
 * provider is called without the SDK; then identical resources would share a key.
 */
export function createKey(accountSid: string, logicalName: string, body: unknown, salt: number): string {
  return derivedUuid(["create", accountSid, logicalName, canonicalJson(body), String(salt)]);
}

/**
 * The key of a full replace: the configuration, the version it was at (so the same change made
 * again later, after other changes, is a new write) and the body.
 */
export function updateKey(
  accountSid: string,
  configurationId: string,
  priorVersion: number | undefined,
  body: unknown,
  salt: number,
): string {
  return derivedUuid(["update", accountSid, configurationId, String(priorVersion ?? ""), canonicalJson(body), String(salt)]);
}

/** The key of a delete: configuration ids are never reused, so the id says it all. */
export function deleteKey(accountSid: string, configurationId: string, salt: number): string {
  return derivedUuid(["delete", accountSid, configurationId, String(salt)]);
}
