/**
 * `Idempotency-Key` handling: the same key returns the original response without a second
 * operation. Keys are scoped to the account (the emulator serves one region) and kept 24 hours by
 * the emulator's clock.
 *
 * Only accepted writes (202) are remembered. A request refused synchronously (400, 404, 409)
 * changed nothing, so retrying it under the same key simply runs it again: a client that fixes a
 * validation error does not need a new key.
 */

/** Keys live this long (Twilio documents a 24-hour TTL). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** A response as it was sent, to be sent again verbatim. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** What a key lookup found. */
export type IdempotencyLookup = { kind: "miss" } | { kind: "replay"; response: StoredResponse } | { kind: "mismatch" };

interface Entry {
  fingerprint: string;
  response: StoredResponse;
  expiresAt: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Twilio documents the key as a UUID; any version is accepted. */
export function isUuid(key: string): boolean {
  return UUID.test(key);
}

/**
 * Identifies a request for key reuse: method, path and the body as canonical JSON (object keys
 * sorted), so the same body serialised in another key order still counts as the same request.
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return `${method.toUpperCase()} ${path} ${canonicalJson(body ?? null)}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Remembered responses by account and key. */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => Date,
    private readonly ttlMs: number = IDEMPOTENCY_TTL_MS,
  ) {}

  lookup(scope: string, key: string, fingerprint: string): IdempotencyLookup {
    this.purgeExpired();
    const entry = this.entries.get(`${scope}\n${key}`);
    if (!entry) return { kind: "miss" };
    return entry.fingerprint === fingerprint ? { kind: "replay", response: entry.response } : { kind: "mismatch" };
  }

  remember(scope: string, key: string, fingerprint: string, response: StoredResponse): void {
    this.entries.set(`${scope}\n${key}`, {
      fingerprint,
      response,
      expiresAt: this.now().getTime() + this.ttlMs,
    });
  }

  clear(): void {
    this.entries.clear();
  }

  private purgeExpired(): void {
    const now = this.now().getTime();
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
  }
}
