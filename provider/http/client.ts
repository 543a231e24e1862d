/**
 * The one HTTP client: every request to Twilio goes through {@link TwilioClient.request}.
 *
 * It owns authentication, the wire format (form bodies for v1, JSON for v2), the in-flight limit
 * and retries. It never follows a URL to another origin and never lets an axios error (which
 * carries the Authorization header) escape: see errors.ts.
 */
import axios, { type AxiosAdapter, type AxiosInstance, type AxiosResponse } from "axios";

import type { Settings } from "../config";
import { type ErrorContext, errorFromResponse, errorFromThrown, type TwilioApiError, type TwilioConnectionError } from "./errors";
import { encodeForm, type FormValue } from "./form";
import { resolveUrl } from "./paths";
import { type HttpMethod, mayRetry, parseRetryAfter, retryDelayMs } from "./retry";
import { Semaphore } from "./semaphore";
import { userAgent } from "./user-agent";

/** One call to the API. */
export interface TwilioRequest {
  method: HttpMethod;
  /** `/v1/Configuration`, or an absolute URL on the same origin as the base URL (paging). */
  path: string;
  /** Added to the URL; `undefined` entries are left out. */
  query?: Record<string, string | number | undefined>;
  /** v1 body, form-encoded (see form.ts). */
  form?: Record<string, FormValue>;
  /** v2 body, sent as JSON. */
  json?: unknown;
  /** Extra headers (`X-Twilio-Webhook-Enabled`). Authorization cannot be overridden. */
  headers?: Record<string, string>;
  /** Sent as `Idempotency-Key`; makes a POST/PUT/PATCH safe to retry after a response. */
  idempotencyKey?: string;
  /**
   * The request sets absolute values (a v1 update POST, not a create): sending it twice leaves the
   * same state, so it is retried after a 5xx or a lost response like a PUT. Never set it on a create.
   */
  idempotent?: boolean;
  /** For messages: `creating Conversation "support"`. */
  action?: string;
}

/** A successful response (status below 300). Header names are lower-case. */
export interface TwilioResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON; the raw text for a non-JSON body; `undefined` for an empty one (a 204). */
  data: T;
}

/** Knobs for tests and tools; production code uses the defaults. */
export interface ClientOptions {
  /** Waits between attempts. Default: a real timer. */
  sleep?(ms: number): Promise<void>;
  /** In [0, 1), for backoff jitter. Default `Math.random`. */
  random?(): number;
  /** Milliseconds clock for the retry budget and HTTP-date `Retry-After`. Default `Date.now`. */
  now?(): number;
  /** Attempts per request, the first included. Default 5. */
  maxAttempts?: number;
  /** No new attempt once this much time (including the coming wait) has passed. Default 60000. */
  maxRetryTimeMs?: number;
  /** The axios adapter; tests inject one to see each request sent. */
  adapter?: AxiosAdapter;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_MAX_RETRY_TIME_MS = 60_000;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A client for one set of credentials and one base URL. Prefer {@link clientFor}. */
export class TwilioClient {
  /** The account every request acts in (with an API key, not the Basic-auth user). */
  readonly accountSid: string;
  /** Where requests go, without a trailing slash. */
  readonly baseUrl: string;

  // Private fields (#) are invisible to util.inspect and JSON, unlike `private` ones.
  readonly #authorization: string;
  readonly #secrets: readonly string[];
  readonly #http: AxiosInstance;
  readonly #limit: Semaphore;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #now: () => number;
  readonly #maxAttempts: number;
  readonly #maxRetryTimeMs: number;

  constructor(settings: Settings, options: ClientOptions = {}) {
    this.accountSid = settings.accountSid;
    this.baseUrl = settings.baseUrl.replace(/\/+$/, "");
    // Built here rather than with axios's `auth` option so the instance defaults hold no secret.
    const basic = Buffer.from(`${settings.username}:${settings.password}`, "utf8").toString("base64");
    this.#authorization = `Basic ${basic}`;
    this.#secrets = [settings.password, basic].filter((s) => s !== "");
    this.#http = axios.create({
      ...(options.adapter ? { adapter: options.adapter } : {}),
      timeout: settings.requestTimeoutMs,
      // Every status comes back as a response and is mapped by errors.ts, so no axios error is
      // ever built around an HTTP response.
      validateStatus: () => true,
      // A redirect would be followed with our headers; Twilio does not redirect API calls.
      maxRedirects: 0,
      // Bodies are encoded and parsed here, so axios's guessing transforms are switched off.
      responseType: "text",
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
    });
    this.#limit = new Semaphore(settings.maxConcurrentRequests);
    this.#sleep = options.sleep ?? realSleep;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.#maxRetryTimeMs = options.maxRetryTimeMs ?? DEFAULT_MAX_RETRY_TIME_MS;
  }

  /**
   * Sends a request, retrying 429, 5xx and connection failures where that cannot duplicate a
   * write (see retry.ts).
   *
   * @throws TwilioApiError (or a subclass) for a status of 300 or more
   * @throws TwilioConnectionError when no response came
   * @throws ForeignUrlError for a URL off the configured origin, before anything is sent
   */
  async request<T = unknown>(req: TwilioRequest): Promise<TwilioResponse<T>> {
    const url = resolveUrl(this.baseUrl, req.path, req.query);
    const ctx: ErrorContext = {
      method: req.method,
      path: url.pathname,
      action: req.action,
      host: url.host,
      redact: (text) => this.#redact(text),
    };
    const { body, contentType } = encodeBody(req);
    const headers: Record<string, string> = {
      "User-Agent": userAgent(),
      Accept: "application/json",
      ...(contentType ? { "Content-Type": contentType } : {}),
    };
    for (const [name, value] of Object.entries(req.headers ?? {})) {
      if (name.toLowerCase() !== "authorization") headers[name] = value;
    }
    if (req.idempotencyKey !== undefined) headers["Idempotency-Key"] = req.idempotencyKey;
    headers["Authorization"] = this.#authorization;

    const started = this.#now();
    for (let attempt = 1; ; attempt++) {
      let failure: TwilioApiError | TwilioConnectionError;
      let retryAfterMs: number | undefined;
      try {
        const raw = await this.#limit.run(() =>
          this.#http.request<unknown>({ method: req.method, url: url.toString(), headers, data: body }),
        );
        const response = toResponse(raw);
        if (response.status < 300) return response as TwilioResponse<T>;
        failure = errorFromResponse(response, ctx);
        retryAfterMs = parseRetryAfter(response.headers["retry-after"], this.#now());
      } catch (thrown) {
        // Only axios can throw here (an adapter failure); the error it carries holds our headers.
        failure = errorFromThrown(thrown, ctx);
      }
      if (attempt >= this.#maxAttempts || !mayRetry(req.method, req.idempotencyKey !== undefined || req.idempotent === true, failure))
        throw failure;
      const delay = retryDelayMs(attempt, retryAfterMs, this.#random);
      if (this.#now() - started + delay > this.#maxRetryTimeMs) throw failure;
      await this.#sleep(delay);
    }
  }

  #redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join("[redacted]");
    return out;
  }
}

function encodeBody(req: TwilioRequest): { body?: string; contentType?: string } {
  if (req.form !== undefined && req.json !== undefined) {
    throw new Error(`A request has either a form body (v1) or a JSON body (v2), not both: ${req.method} ${req.path}`);
  }
  if (req.form !== undefined) return { body: encodeForm(req.form), contentType: "application/x-www-form-urlencoded" };
  if (req.json !== undefined) return { body: JSON.stringify(req.json), contentType: "application/json" };
  return {};
}

/** Lower-cased headers and a parsed body; `data` is text because of `responseType: "text"`. */
function toResponse(raw: AxiosResponse<unknown>): TwilioResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.headers ?? {})) {
    if (value === undefined || value === null) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return { status: raw.status, headers, data: parseBody(raw.data, headers["content-type"]) };
}

function parseBody(data: unknown, contentType: string | undefined): unknown {
  if (typeof data !== "string") return data ?? undefined;
  if (data.trim() === "") return undefined;
  const looksJson = /[/+]json\b/i.test(contentType ?? "") || /^\s*[[{]/.test(data);
  if (!looksJson) return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

const clients = new Map<string, { settings: Settings; client: TwilioClient }>();

/**
 * The client for these settings, one per (base URL, user, account) in the process, so every
 * resource in a dynamic-provider host shares one in-flight limit. A changed secret or limit for
 * the same identity (a rotated token) gets a fresh client.
 */
export function clientFor(settings: Settings): TwilioClient {
  const key = `${settings.baseUrl}\n${settings.username}\n${settings.accountSid}`;
  const cached = clients.get(key);
  if (
    cached &&
    cached.settings.password === settings.password &&
    cached.settings.maxConcurrentRequests === settings.maxConcurrentRequests &&
    cached.settings.requestTimeoutMs === settings.requestTimeoutMs
  ) {
    return cached.client;
  }
  const client = new TwilioClient(settings);
  clients.set(key, { settings, client });
  return client;
}
