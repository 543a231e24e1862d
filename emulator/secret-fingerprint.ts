/**
 * Fingerprints of secrets the emulator is sent (push credential certificates, keys and server
 * keys). Twilio never returns them; the emulator never stores or logs them either, only this
 * fingerprint, so a test can still tell which value was sent without the value appearing anywhere.
 */
import { createHash } from "node:crypto";

/** Form fields whose values are secrets, wherever they are sent (only `/v1/Credentials` takes them). */
export const SECRET_FORM_FIELDS = ["Certificate", "PrivateKey", "ApiKey", "Secret"] as const;
export type SecretFormField = (typeof SECRET_FORM_FIELDS)[number];

/** True for the name of a secret form field. */
export function isSecretFormField(name: string): name is SecretFormField {
  return (SECRET_FORM_FIELDS as readonly string[]).includes(name);
}

/**
 * `sha256:` + the first 12 hex digits of the value's SHA-256: enough to tell two test values apart,
 * too short to serve as a verifier for a real secret.
 */
export function secretFingerprint(value: string): string {
  return "sha256:" + createHash("sha256").update(value, "utf8").digest("hex").slice(0, 12);
}

/** What the request log shows in place of a secret value. */
export function redactedSecret(value: string): string {
  return `[redacted ${secretFingerprint(value)}]`;
}
