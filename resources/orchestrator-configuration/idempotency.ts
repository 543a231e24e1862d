/**
 * Idempotency-Keys for v2 writes, derived rather than random.
 *
 * Twilio returns the original response for a key it has seen in the last 24 hours (same account
 * and region) without starting a second operation (/work/shared/twilio-api.md, "Idempotency-Key").
 * A random key would protect only the client's own retries; a key derived from what the write *is*
 * also protects a `pulumi up` re-run after a crash between the POST and the state write: the re-run
 * sends the same key and gets the same configuration back instead of making a second one.
 *
 * The catch: an operation that ended FAILED, or a create whose configuration was deleted since
 * (destroy, then up again with identical inputs), is replayed too. A write that meets such an
 * operation moves on to the next key of its chain, derived from that operation's id
 * ({@link nextKey}): as deterministic as the first key, so a crash after the retried write is
 * replayed as well, and different for every operation left behind.
 */
import { createHash } from "node:crypto";

import { canonicalJson } from "../../provider/shared/fields";

/**
 * How many operations left behind by earlier writes (FAILED, or a create since deleted) one write
 * steps past before giving up. Each step costs a replayed request and one look at its operation;
 * running out means that many failed or undone identical writes within Twilio's 24-hour window.
 */
export const MAX_KEY_STEPS = 16;

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

// The trailing "0" of the first keys is the salt release 0.1.0 put there: the first key of every
// write stays what 0.1.0 sent, so a run interrupted under 0.1.0 is still replayed after an upgrade.
const FIRST = "0";

/**
 * The first key of a create: the account, the resource's logical name (`<project>/<stack>/<name>`,
 * from the SDK) and the request body in canonical form. `logicalName` may be empty when the
 * provider is called without the SDK; then identical resources would share a key.
 */
export function createKey(accountSid: string, logicalName: string, body: unknown): string {
  return derivedUuid(["create", accountSid, logicalName, canonicalJson(body), FIRST]);
}

/**
 * The first key of a full replace: the configuration, the version it was at (so the same change
 * made again later, after other changes, is a new write) and the body.
 */
export function updateKey(accountSid: string, configurationId: string, priorVersion: number | undefined, body: unknown): string {
  return derivedUuid(["update", accountSid, configurationId, String(priorVersion ?? ""), canonicalJson(body), FIRST]);
}

/** The first key of a delete: configuration ids are never reused, so the id says it all. */
export function deleteKey(accountSid: string, configurationId: string): string {
  return derivedUuid(["delete", accountSid, configurationId, FIRST]);
}

/**
 * The key that follows `key` once its operation turned out to be one an earlier write left behind
 * (FAILED, or a create since deleted). Derived from that operation's id: every run that meets the
 * same operation sends the same next key, so the retried write is itself replayed after a crash.
 */
export function nextKey(key: string, operationId: string): string {
  return derivedUuid(["after", key, operationId]);
}
