import { timingSafeEqual } from "node:crypto";

import type { EmulatorApiKey } from "./context";

/** The credentials an emulator instance accepts. */
export interface AcceptedCredentials {
  accountSid: string;
  authToken: string;
  apiKeys: readonly EmulatorApiKey[];
}

/** What the Authorization header said, once decoded. */
export interface BasicCredentials {
  username: string;
  password: string;
}

/** Decodes an HTTP Basic `Authorization` header; undefined when absent or malformed. */
export function parseBasicAuth(header: string | undefined): BasicCredentials | undefined {
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=._-]+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  // Constant time even for an emulator: it is cheap, and tests sometimes run it on shared hosts.
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * True when the credentials are the account's SID + auth token or one of its API keys, as
 * Twilio accepts either for the same account.
 */
export function isAuthorized(creds: BasicCredentials | undefined, accepted: AcceptedCredentials): boolean {
  if (!creds) return false;
  if (creds.username === accepted.accountSid) return same(creds.password, accepted.authToken);
  const key = accepted.apiKeys.find((k) => k.sid === creds.username);
  return key !== undefined && same(creds.password, key.secret);
}
