import { createHash, randomBytes } from "node:crypto";

/** SID patterns from the official v1 spec. */
export const SID_PATTERNS = {
  IS: /^IS[0-9a-fA-F]{32}$/,
  MG: /^MG[0-9a-fA-F]{32}$/,
  RL: /^RL[0-9a-fA-F]{32}$/,
  CH: /^CH[0-9a-fA-F]{32}$/,
  IG: /^IG[0-9a-fA-F]{32}$/,
  CR: /^CR[0-9a-fA-F]{32}$/,
  FW: /^FW[0-9a-fA-F]{32}$/,
} as const;

/** A fresh SID: two-letter prefix + 32 lowercase hex, as Twilio mints them. */
export function newSid(prefix: string): string {
  return prefix + randomBytes(16).toString("hex");
}

/**
 * A SID derived from a seed, for what a fresh account already has (default service, its roles):
 * the same account gets the same SIDs after a restart or reset, so CI stacks can name them.
 */
export function stableSid(prefix: string, seed: string): string {
  return prefix + createHash("sha256").update(seed).digest("hex").slice(0, 32);
}

/** True when a value has the shape of any Twilio SID (two capitals + 32 hex). */
export function looksLikeSid(value: string): boolean {
  return /^[A-Z]{2}[0-9a-fA-F]{32}$/.test(value);
}
