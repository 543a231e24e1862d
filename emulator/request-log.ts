import type { LoggedRequest } from "./context";
import { decodeFormComponent } from "./form-body";
import { isSecretFormField, redactedSecret } from "./secret-fingerprint";

/** Most entries kept: a long CI run against one emulator must not grow without bound. */
const MAX_ENTRIES = 10_000;

/** The in-memory request log tests read (admin endpoints are never in it). */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** A copy, so callers can keep it while the log grows. */
  list(): LoggedRequest[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}

/** Flattens Node's header object; the Authorization value is redacted (the log may be printed). */
export function loggableHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = name === "authorization" ? "[redacted]" : Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/**
 * A form body with every secret value (see `isSecretFormField`) replaced by its redacted
 * fingerprint, so the log shows which value was sent but never the value.
 */
export function redactFormBody(body: string): string {
  return body
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0 || !isSecretFormField(decodeFormComponent(pair.slice(0, eq)))) return pair;
      return `${pair.slice(0, eq)}=${encodeURIComponent(redactedSecret(decodeFormComponent(pair.slice(eq + 1))))}`;
    })
    .join("&");
}

/** A parsed form with secret values redacted the same way; other bodies are returned as they are. */
export function redactParsedForm(parsed: unknown): unknown {
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return parsed;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    const redact = (v: unknown) => (typeof v === "string" ? redactedSecret(v) : v);
    out[key] = isSecretFormField(key) ? (Array.isArray(value) ? value.map(redact) : redact(value)) : value;
  }
  return out;
}
