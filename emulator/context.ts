/**
 * What every part of the emulator shares: the account it serves, its clock, its options and the
 * faults currently switched on. `server.ts` builds one per emulator instance and hands it to the
 * v1 and v2 route modules, which keep their own state.
 */

/** The documented test account the emulator accepts by default (not a real account). */
export const DEFAULT_ACCOUNT_SID = "AC00000000000000000000000000000000";
/** The auth token accepted for {@link DEFAULT_ACCOUNT_SID} by default. */
export const DEFAULT_AUTH_TOKEN = "emulator-auth-token";

/** An API key the emulator accepts in place of the account SID + auth token. */
export interface EmulatorApiKey {
  sid: string; // SK + 32 hex
  secret: string;
}

/** Faults switched on for an emulator instance, from code, CLI flags or the admin endpoint. */
export interface FaultSettings {
  /** Milliseconds added to every response. */
  latencyMs: number;
  /** Answer 429 (code 20429) to this fraction of requests (0..1). */
  rateLimitFraction: number;
  /** Answer 429 to the next N requests. */
  rateLimitNext: number;
  /** `Retry-After` seconds sent with injected 429s; undefined sends none. */
  rateLimitRetryAfterSeconds?: number;
  /** Answer 500 to the next N requests. */
  serverErrorNext: number;
  /** Answer 503 to the next N requests. */
  unavailableNext: number;
  /** Destroy the socket without answering the next N requests. */
  dropNext: number;
  /**
   * Destroy the socket for the next N requests whose method and path match, *after* the request
   * took effect (the client never sees the response): the "lost response" fault.
   */
  dropAfterEffect: { count: number; method?: string; pathPrefix?: string };
  /** Answer 429 when more than this many requests are in flight; 0 means no cap. */
  maxInFlight: number;
  /** The next N v2 operations end FAILED instead of COMPLETED (the write is not applied). */
  failOperationsNext: number;
  /** v2 operations never leave PENDING while true. */
  operationsStayPending: boolean;
}

export function noFaults(): FaultSettings {
  return {
    latencyMs: 0,
    rateLimitFraction: 0,
    rateLimitNext: 0,
    rateLimitRetryAfterSeconds: undefined,
    serverErrorNext: 0,
    unavailableNext: 0,
    dropNext: 0,
    dropAfterEffect: { count: 0 },
    maxInFlight: 0,
    failOperationsNext: 0,
    operationsStayPending: false,
  };
}

/** Options of {@link startEmulator} (see `server.ts`); every field has a default. */
export interface EmulatorOptions {
  /** Port to listen on; 0 picks a free one. Default 4010 from the CLI, 0 in-process. */
  port?: number;
  /** Interface to bind; loopback only unless the caller says otherwise. Default 127.0.0.1. */
  host?: string;
  accountSid?: string;
  authToken?: string;
  apiKeys?: EmulatorApiKey[];
  /** How long a v2 operation stays PENDING before it completes (ms). Default 300. */
  operationDelayMs?: number;
  /** `Retry-After` seconds sent with v2 202 responses. Default 1. */
  operationRetryAfterSeconds?: number;
  /** Faults on from the start. */
  faults?: Partial<FaultSettings>;
  /** Log each request to stderr. */
  verbose?: boolean;
  /**
   * Origin put in absolute URLs (`url`, `next_page_url`, ...) when clients reach the emulator by
   * another name than the address it binds (a container host name in CI). Default: the bound
   * address (`http://127.0.0.1:PORT`).
   */
  publicUrl?: string;
  /** The emulator's clock (conversation timers, dates); tests inject one. Default: real time. */
  now?: () => Date;
}

/** One entry of the request log tests read to assert exactly what was sent. */
export interface LoggedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /**
   * Raw request body as text ("" when none). Secret form fields (push credential `Certificate`,
   * `PrivateKey`, `ApiKey`, `Secret`) show as `[redacted sha256:<12 hex>]`, never their values.
   */
  body: string;
  /** Parsed body: form fields as a flat record (repeated keys as arrays), or the JSON value; secrets redacted as in `body`. */
  parsedBody: unknown;
  /** Status sent, or 0 when the connection was dropped. */
  status: number;
  /** `Twilio-Request-Id` the response carried (or would have carried, when dropped). */
  requestId: string;
  /** Fault injected for this request, if any. */
  fault?: string;
  /**
   * Basic-auth user name sent (account SID or API key SID). `headers.authorization` itself is
   * redacted so no secret ever lands in the log.
   */
  username?: string;
  at: string;
}

/** Shared per-instance context handed to the route modules. */
export interface EmulatorContext {
  readonly accountSid: string;
  readonly options: Required<Pick<EmulatorOptions, "operationDelayMs" | "operationRetryAfterSeconds">>;
  /** Live fault settings: route modules read them at request time. */
  readonly faults: FaultSettings;
  /** The emulator's own origin (`http://127.0.0.1:PORT`), for absolute URLs in responses. */
  origin(): string;
  now(): Date;
}
