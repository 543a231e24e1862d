/**
 * Finding secrets where they must not be. A test's secrets are values no one else uses (a UUID in
 * each), so finding one anywhere but where it belongs means it leaked.
 */
import { isSecret } from "../../../engine-standin/secrets";

/**
 * The parts of a secret that give it away wherever it is written: every line but a PEM armor line
 * (`-----BEGIN CERTIFICATE-----` is in every certificate). A multi-line secret is searched line by
 * line, so it is found in a log line, or as JSON text (its line breaks escaped), all the same.
 */
export function telltalesOf(secret: string): string[] {
  return secret.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("-----"));
}

/** The secrets (of `secrets`) a text gives away. */
export function secretsIn(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => telltalesOf(secret).some((t) => text.includes(t)));
}

/** The secrets (of `secrets`) a value holds outside every Pulumi secret, however deep. */
export function plainSecretsIn(value: unknown, secrets: readonly string[]): string[] {
  if (isSecret(value)) return [];
  if (typeof value === "string") return secretsIn(value, secrets);
  if (value === null || typeof value !== "object") return [];
  return [...new Set(Object.values(value).flatMap((v) => plainSecretsIn(v, secrets)))];
}

/** Every string a value holds inside a Pulumi secret, however deep. */
export function textsInSecrets(value: unknown, inSecret = false): string[] {
  if (typeof value === "string") return inSecret ? [value] : [];
  if (value === null || typeof value !== "object") return [];
  if (isSecret(value)) return textsInSecrets(value.value, true);
  return Object.values(value).flatMap((v) => textsInSecrets(v, inSecret));
}
