import type { LoggedRequest } from "./context";

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
