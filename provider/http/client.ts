/**
 * The one HTTP client: every request to Twilio goes through {@link TwilioClient.request}.
 *
 * It owns authentication, the wire format (form bodies for v1, JSON for v2), the in-flight limit
 * and retries. It never follows a URL to another origin and never lets an axios error (which
 * carries the Authorization header) escape: see errors.ts.
 */
import axios, { type AxiosAdapter, type AxiosInstance, type AxiosResponse } from "axios";

import type { Settings } from "../config";
import { type ErrorContext, errorFromResponse, errorFromThrown } from "./errors";
import { encodeForm, type FormValue } from "./form";
import { AdaptiveLimiter, type Outcome } from "./limiter";
import { resolveUrl } from "./paths";
import { type HttpMethod, mayRetry, parseRetryAfter, retryDelayMs } from "./retry";
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
  /**
   * Secrets the body carries (a push credential's key): never quoted in an error message, whatever
   * the server's message echoes, as the credentials never are.
   */
  redact?: readonly string[];
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
  /** Milliseconds clock for the retry time budget and HTTP-date `Retry-After`. Default `Date.now`. */
  now?(): number;
  /**
   * Attempts per request after 5xx and connection failures, the first included. Default 5.
   * 429s do not count: they are bounded by `Settings.retryTimeoutSeconds` alone.
   */
  maxAttempts?: number;
  /** The axios adapter; tests inject one to see each request sent. */
  adapter?: AxiosAdapter;
}

const DEFAULT_MAX_ATTEMPTS = 5;

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
  readonly #limiter: AdaptiveLimiter;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #now: () => number;
  readonly #maxAttempts: number;
  readonly #retryTimeoutMs: number;

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
    this.#limiter = new AdaptiveLimiter(settings.maxConcurrentRequests);
    this.#sleep = options.sleep ?? realSleep;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.#retryTimeoutMs = settings.retryTimeoutSeconds * 1000;
  }

  /** How many requests this client lets out at once now: adapted to 429s, at most `maxConcurrentRequests`. */
  get concurrencyLimit(): number {
    return this.#limiter.limit;
  }

  /**
   * Sends a request, retrying where that cannot duplicate a write (see retry.ts):
   * - a 429 (never processed by Twilio) as long as `retryTimeoutSeconds` allows, whatever the
   *   method. The in-flight limit adapts to 429s (limiter.ts), and the refused request keeps its
   *   place in line: it goes before any request that arrived after it.
   * - a 5xx or connection failure up to 5 attempts, with jittered exponential backoff, within
   *   the same time budget; a creating POST only where `idempotencyKey` or `idempotent` says so.
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
      redact: (text) => this.#redact(text, req.redact),
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
    const safeToRepeat = req.idempotencyKey !== undefined || req.idempotent === true;

    const ticket = this.#limiter.ticket();
    let notBefore: Promise<void> | undefined;
    let firstSentAt: number | undefined;
    let failedAttempts = 0; // 5xx and connection failures; 429s are bounded by time alone
    let rateLimited = 0;
    for (;;) {
      const slot = await this.#limiter.acquire(ticket, notBefore);
      notBefore = undefined;
      firstSentAt ??= this.#now();
      let response: TwilioResponse | undefined;
      let thrown: unknown;
      let outcome: Outcome = "inconclusive";
      try {
        response = toResponse(await this.#http.request<unknown>({ method: req.method, url: url.toString(), headers, data: body }));
        outcome = response.status === 429 ? "rateLimited" : response.status >= 500 ? "inconclusive" : "accepted";
      } catch (e) {
        // Only axios can throw here (an adapter failure); the error it carries holds our headers.
        thrown = e;
      } finally {
        this.#limiter.release(slot, outcome, response && accountConcurrency(response.headers));
      }
      if (response && response.status < 300) return response as TwilioResponse<T>;

      const failure = response ? errorFromResponse(response, ctx) : errorFromThrown(thrown, ctx);
      if (!mayRetry(req.method, safeToRepeat, failure)) throw failure;
      const retryAfterMs = response && parseRetryAfter(response.headers["retry-after"], this.#now());
      const elapsed = this.#now() - firstSentAt;

      if (response?.status === 429) {
        rateLimited++;
        // With others of ours in flight, our own load explains the 429: the limiter has cut the
        // limit and the request takes the next slot under it, ahead of newer requests. With nothing
        // else of ours in flight the account is full without us: back off, holding the head of the
        // line so nothing newer is sent meanwhile. A server's Retry-After wins either way.
        const delay = retryAfterMs ?? (slot.inFlightAtSend > 1 ? 0 : retryDelayMs(rateLimited, undefined, this.#random));
        if (elapsed + delay > this.#retryTimeoutMs) {
          throw errorFromResponse(response, { ...ctx, hint: rateLimitHint(elapsed, this.#retryTimeoutMs) });
        }
        if (retryAfterMs !== undefined || delay > 0) notBefore = this.#sleep(delay);
        continue;
      }

      failedAttempts++;
      if (failedAttempts >= this.#maxAttempts) throw failure;
      const delay = retryDelayMs(failedAttempts, retryAfterMs, this.#random);
      if (elapsed + delay > this.#retryTimeoutMs) throw failure;
      // The slot is free while it waits (a 5xx says nothing about the account's capacity); the
      // ticket keeps its place for when it comes back.
      await this.#sleep(delay);
    }
  }

  #redact(text: string, extra: readonly string[] = []): string {
    let out = text;
    for (const secret of [...this.#secrets, ...extra.flatMap(spellings)]) out = out.split(secret).join("[redacted]");
    return out;
  }
}

/**
 * The ways a server may quote a secret of the body: as sent (form-encoded), decoded, JSON-escaped,
 * and each long line of a multi-line one (a PEM block), longest first so a whole one goes at once.
 */
function spellings(secret: string): string[] {
  const lines = secret.split("\n").filter((l) => l.trim().length >= 16);
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    ...lines,
  ];
  return [...new Set(forms.filter((f) => f !== ""))].sort((a, b) => b.length - a.length);
}

/** What to tell a user whose request Twilio kept refusing with 429 for the whole time budget. */
function rateLimitHint(elapsedMs: number, budgetMs: number): string {
  return (
    `Twilio still answered 429 after ${Math.round(elapsedMs / 1000)} s of retries: the account's concurrent-request limit stayed full ` +
    `(this program and any other using the account). Lower twilio-conversations:maxConcurrentRequests, or raise twilio-conversations:retryTimeout ` +
    `(now ${Math.round(budgetMs / 1000)} s).`
  );
}

/** `Twilio-Concurrent-Requests`: the account's requests in flight, as Twilio counts them (see limiter.ts). */
function accountConcurrency(headers: Record<string, string>): number | undefined {
  const value = headers["twilio-concurrent-requests"]?.trim();
  return value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
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
 * resource in a dynamic-provider host shares one in-flight limit and what it learned from 429s. A changed secret or limit for
 * the same identity (a rotated token) gets a fresh client.
 */
export function clientFor(settings: Settings): TwilioClient {
  const key = `${settings.baseUrl}\n${settings.username}\n${settings.accountSid}`;
  const cached = clients.get(key);
  if (
    cached &&
    cached.settings.password === settings.password &&
    cached.settings.maxConcurrentRequests === settings.maxConcurrentRequests &&
    cached.settings.requestTimeoutMs === settings.requestTimeoutMs &&
    cached.settings.retryTimeoutSeconds === settings.retryTimeoutSeconds
  ) {
    return cached.client;
  }
  const client = new TwilioClient(settings);
  clients.set(key, { settings, client });
  return client;
}
