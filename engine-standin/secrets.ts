import type { JsonValue, PropertyMap } from "./types";

/**
 * Pulumi's wire encoding of a secret: `{ [SIG_KEY]: SECRET_SIG, value }` inside a protobuf Struct.
 * The dynamic-provider host unwraps this form in Configure; resource inputs must reach it unwrapped
 * because the host answers Configure with `acceptSecrets: false`, which makes the real engine strip
 * secretness before every resource call.
 */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** See {@link SIG_KEY}. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Wraps a value as a Pulumi secret for the wire. */
export function wrapSecret(value: JsonValue): JsonValue {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/** True when the value is a wrapped secret. */
export function isSecret(value: unknown): value is { value: JsonValue } {
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** Removes every secret wrapper, however deep, returning plain values. */
export function unwrapSecrets(value: JsonValue): JsonValue {
  if (isSecret(value)) {
    return unwrapSecrets(value.value);
  }
  if (Array.isArray(value)) {
    return value.map(unwrapSecrets);
  }
  if (typeof value === "object" && value !== null) {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = unwrapSecrets(v);
    }
    return out;
  }
  return value;
}

/** Top-level keys of a property map whose value is (or contains) a secret. */
export function secretKeysOf(props: PropertyMap): string[] {
  return Object.keys(props).filter((k) => containsSecret(props[k]));
}

function containsSecret(value: JsonValue): boolean {
  if (isSecret(value)) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(containsSecret);
  }
  if (typeof value === "object" && value !== null) {
    return Object.values(value).some(containsSecret);
  }
  return false;
}

/**
 * Marks the given top-level keys as secret again. The engine does this for providers that do not
 * accept secrets: an output named like a secret input comes back secret, so the program keeps it
 * secret.
 */
export function rewrapSecrets(props: PropertyMap, keys: readonly string[]): PropertyMap {
  const out: PropertyMap = { ...props };
  for (const k of keys) {
    if (k in out && !isSecret(out[k])) {
      out[k] = wrapSecret(out[k]);
    }
  }
  return out;
}
