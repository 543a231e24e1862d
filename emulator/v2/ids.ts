/**
 * ULID-like identifiers for the v2 control plane.
 *
 * A ULID is 48 bits of milliseconds and 80 random bits written as 26 Crockford base-32 characters.
 * Twilio's v2 ids use them lowercased (`conv_configuration_01h...`). The emulator draws the time part
 * from its injectable clock so ids sort in creation order under a test clock as well.
 */
import { randomBytes } from "node:crypto";

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

/** Prefix of configuration ids, as Twilio's v2 spec documents them. */
export const CONFIGURATION_ID_PREFIX = "conv_configuration_";

/**
 * Prefix of operation ids. Twilio's async-operations docs show them as `proc_job_` + 26 lowercase
 * ULID characters (`proc_job_01kpttrkrnfjgvwjwcwggqdk96`, recorded in /work/shared/twilio-api.md).
 * Clients must still treat operation ids as opaque.
 */
export const OPERATION_ID_PREFIX = "proc_job_";

/** A 26-character lowercase ULID for the given time. */
export function ulid(at: Date): string {
  let ms = Math.max(0, Math.floor(at.getTime()));
  let time = "";
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  // 16 characters of 5 bits each = 80 bits; one byte per character keeps the code obvious.
  const bytes = randomBytes(16);
  let random = "";
  for (const b of bytes) random += CROCKFORD[b & 31];
  return time + random;
}

/** A new configuration id (`conv_configuration_` + 26 lowercase ULID characters). */
export function newConfigurationId(at: Date): string {
  return CONFIGURATION_ID_PREFIX + ulid(at);
}

/** A new operation id (`proc_job_` + 26 lowercase ULID characters; see {@link OPERATION_ID_PREFIX}). */
export function newOperationId(at: Date): string {
  return OPERATION_ID_PREFIX + ulid(at);
}
