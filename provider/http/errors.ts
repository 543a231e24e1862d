/**
 * The errors the client throws, and the one place that inspects what axios threw.
 *
 * Why this module exists: an axios error carries the request config, Authorization header
 * included, and error objects end up in Pulumi's output, in logs and in state. So axios errors
 * are turned into these classes here and never rethrown, never kept as `cause`, and every text
 * taken from outside (server messages, socket errors) goes through the caller's `redact`.
 */
import { STATUS_CODES } from "node:http";

import { isAxiosError } from "axios";

import { TwilioConversationsError } from "../error";

/** What an error needs to know about the request it belongs to. */
export interface ErrorContext {
  method: string;
  /** The URL path (no query, no host). */
  path: string;
  /** For messages: `creating Conversation "support"`. */
  action?: string;
  /** `host:port` the request went to, for connection messages. */
  host?: string;
  /** Removes secrets from text that came from outside. */
  redact?(text: string): string;
  /** A sentence added to the message: what the client already tried, what to change. */
  hint?: string;
}

/** Fields of a {@link TwilioApiError}; `message` is the server's message, not the composed one. */
export interface TwilioApiErrorInit {
  status: number;
  code?: number;
  message?: string;
  moreInfo?: string;
  method: string;
  path: string;
  action?: string;
  conflictingResourceId?: string;
  /** `Twilio-Request-Id` of the response (`RQ...`). */
  requestId?: string;
  /** A sentence appended to the message. */
  hint?: string;
}

/**
 * Twilio answered with an error status. The message reads as one sentence a user can act on,
 * with Twilio's request id, the first thing Twilio support asks for:
 * `Twilio API 409 (code 50353, request RQ...) creating Conversation "support": <message>. See <more_info>`.
 */
export class TwilioApiError extends TwilioConversationsError {
  /** HTTP status. */
  readonly status: number;
  /** Twilio error code (`20404`, `50353`, ...), when the body had one. */
  readonly code?: number;
  /** Twilio's documentation link for the code. */
  readonly moreInfo?: string;
  readonly method: string;
  readonly path: string;
  /** The server's own message, without the prefix this class adds. */
  readonly detail: string;
  /** 429 and 5xx: trying again later may succeed. */
  readonly retryable: boolean;
  /** A 409's `X-Conflicting-Resource-Id`: the resource that holds what this request wanted. */
  readonly conflictingResourceId?: string;
  /**
   * Twilio's id for the request (`Twilio-Request-Id`, `RQ` + 32 hex), when the response had one:
   * quote it to Twilio support.
   */
  readonly requestId?: string;

  constructor(init: TwilioApiErrorInit) {
    const detail = init.message?.trim() || STATUS_CODES[init.status] || `HTTP ${init.status}`;
    const tags = [init.code !== undefined ? `code ${init.code}` : undefined, init.requestId ? `request ${init.requestId}` : undefined];
    const tagged = tags.filter((t) => t !== undefined).join(", ");
    const subject = init.action ?? `${init.method} ${init.path}`;
    const see = init.moreInfo ? `. See ${init.moreInfo}` : "";
    const hint = init.hint ? `${see ? "." : ""} ${init.hint}` : "";
    super(`Twilio API ${init.status}${tagged ? ` (${tagged})` : ""} ${subject}: ${see ? detail.replace(/\.+$/, "") : detail}${see}${hint}`);
    this.status = init.status;
    this.code = init.code;
    this.moreInfo = init.moreInfo;
    this.method = init.method;
    this.path = init.path;
    this.detail = detail;
    this.retryable = init.status === 429 || init.status >= 500;
    this.conflictingResourceId = init.conflictingResourceId;
    this.requestId = init.requestId;
  }
}

/** 401 or 403: wrong credentials, or credentials without access to this resource. */
export class TwilioAuthError extends TwilioApiError {}
/** 404. */
export class TwilioNotFoundError extends TwilioApiError {}
/** 409; see `conflictingResourceId`. */
export class TwilioConflictError extends TwilioApiError {}
/** 429: Twilio never processed the request, so it is always safe to send again. */
export class TwilioRateLimitError extends TwilioApiError {}
/** 5xx. */
export class TwilioServerError extends TwilioApiError {}

/** Options of a {@link TwilioConnectionError} beyond method, path and reason. */
export interface ConnectionErrorOptions {
  /** The socket or axios error code (`ECONNREFUSED`, `ECONNRESET`, `ECONNABORTED`, ...). */
  code?: string;
  /**
   * False only when the request provably never reached the server (connection refused, DNS
   * failure): then even a non-idempotent POST may be sent again. Default true.
   */
  mayHaveReachedServer?: boolean;
  action?: string;
}

/** No response at all: connection refused or reset, DNS failure, timeout. */
export class TwilioConnectionError extends TwilioConversationsError {
  readonly method: string;
  readonly path: string;
  /** What went wrong, in words: `connection refused by 127.0.0.1:4010 (ECONNREFUSED)`. */
  readonly reason: string;
  readonly code?: string;
  /** See {@link ConnectionErrorOptions.mayHaveReachedServer}. */
  readonly mayHaveReachedServer: boolean;
  /** A connection error may be transient; whether a retry is safe is the retry policy's call. */
  readonly retryable = true;

  constructor(method: string, path: string, reason: string, options: ConnectionErrorOptions = {}) {
    const subject = options.action ? `${options.action} (${method} ${path})` : `${method} ${path}`;
    super(`No response from Twilio ${subject}: ${reason}`);
    this.method = method;
    this.path = path;
    this.reason = reason;
    this.code = options.code;
    this.mayHaveReachedServer = options.mayHaveReachedServer ?? true;
  }
}

/** True for a Twilio 404, so deletes and reads can treat "gone" as success. */
export function isNotFound(e: unknown): boolean {
  if (TwilioApiError.isInstance(e)) return e.status === 404;
  // Also across copies of this module (sources and dist/ loaded side by side in tests).
  if (typeof e !== "object" || e === null) return false;
  const { name, status } = e as { name?: unknown; status?: unknown };
  return typeof name === "string" && name.startsWith("Twilio") && status === 404;
}

/** A response as the client sees it: headers already lower-cased. */
export interface ResponseLike {
  status: number;
  headers: Record<string, string>;
  data: unknown;
}

/**
 * The typed error for an error response. Reads Twilio's `{code, message, more_info, status}`
 * body, and RFC 9457 `{title, detail}` as a fallback; a non-JSON body (a proxy's HTML page) is
 * not quoted, since nobody vouches for what it holds.
 */
export function errorFromResponse(response: ResponseLike, ctx: ErrorContext): TwilioApiError {
  const redact = ctx.redact ?? ((text: string) => text);
  const body = asRecord(typeof response.data === "string" ? tryParseJson(response.data) : response.data);
  const code =
    typeof body?.code === "number" ? body.code : typeof body?.code === "string" && /^\d+$/.test(body.code) ? Number(body.code) : undefined;
  const text = firstString(body?.message, body?.detail, body?.title);
  const moreInfo = firstString(body?.more_info, body?.moreInfo);
  const init: TwilioApiErrorInit = {
    status: response.status,
    code,
    message: text !== undefined ? redact(text) : undefined,
    moreInfo: moreInfo !== undefined ? redact(moreInfo) : undefined,
    method: ctx.method,
    path: ctx.path,
    action: ctx.action,
    conflictingResourceId: response.headers["x-conflicting-resource-id"] || undefined,
    requestId: requestIdOf(response.headers["twilio-request-id"], redact),
    hint: ctx.hint,
  };
  const status = response.status;
  if (status === 401 || status === 403) return new TwilioAuthError(init);
  if (status === 404) return new TwilioNotFoundError(init);
  if (status === 409) return new TwilioConflictError(init);
  if (status === 429) return new TwilioRateLimitError(init);
  if (status >= 500) return new TwilioServerError(init);
  if (status >= 300 && status < 400) {
    // The client never follows redirects (it would carry the credentials along); say where it pointed.
    const location = response.headers["location"];
    return new TwilioApiError({ ...init, message: `unexpected redirect${location ? ` to ${redact(location)}` : ""}` });
  }
  return new TwilioApiError(init);
}

/**
 * `Twilio-Request-Id`, quoted only when it looks like an id (Twilio's are `RQ` + 32 hex; a proxy or
 * the emulator may use another shape of the same kind) and after the redaction every outside text
 * gets: a header is text from outside like any other.
 */
function requestIdOf(value: string | undefined, redact: (text: string) => string): string | undefined {
  const id = value?.trim();
  if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return undefined;
  const clean = redact(id);
  return clean === id ? id : undefined;
}

// The request provably never left this machine: safe to send again whatever the method.
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * The error for whatever an axios request threw. Returns a new error that holds only strings
 * (never the axios error, its config or its request), so the Authorization header stays here.
 */
export function errorFromThrown(thrown: unknown, ctx: ErrorContext): TwilioApiError | TwilioConnectionError {
  const redact = ctx.redact ?? ((text: string) => text);
  if (isAxiosError(thrown) && thrown.response) {
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(thrown.response.headers ?? {})) headers[key.toLowerCase()] = String(value);
    return errorFromResponse({ status: thrown.response.status, headers, data: thrown.response.data }, ctx);
  }
  const code = errorCode(thrown);
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const where = ctx.host ? ` ${ctx.host}` : "";
  let reason: string;
  switch (code) {
    case "ECONNREFUSED":
      reason = `connection refused by${where || " the server"} (ECONNREFUSED)`;
      break;
    case "ECONNRESET":
      reason = /hang up/i.test(message)
        ? `the connection${where ? ` to${where}` : ""} closed before a response (socket hang up)`
        : `the connection${where ? ` to${where}` : ""} was reset (ECONNRESET)`;
      break;
    case "ECONNABORTED":
    case "ETIMEDOUT":
      reason = `timed out waiting for${where || " the server"} (${redact(message) || code})`;
      break;
    case "ENOTFOUND":
      reason = `host${where} not found (ENOTFOUND)`;
      break;
    case "EAI_AGAIN":
      reason = `DNS lookup for${where || " the host"} failed (EAI_AGAIN)`;
      break;
    case "EPIPE":
      reason = `the connection${where ? ` to${where}` : ""} closed while sending (EPIPE)`;
      break;
    default:
      reason = /hang up/i.test(message)
        ? `the connection${where ? ` to${where}` : ""} closed before a response (socket hang up)`
        : redact(message) || "request failed";
  }
  return new TwilioConnectionError(ctx.method, ctx.path, reason, {
    code,
    mayHaveReachedServer: code === undefined || !NEVER_SENT.has(code),
    action: ctx.action,
  });
}

/** The error code, looking into `cause` and Node's AggregateError (happy-eyeballs connects). */
function errorCode(e: unknown, depth = 0): string | undefined {
  if (typeof e !== "object" || e === null || depth > 3) return undefined;
  const { code, cause, errors } = e as { code?: unknown; cause?: unknown; errors?: unknown };
  // axios sets ERR_NETWORK and friends over the socket's own code; the socket's is more telling.
  if (typeof code === "string" && !code.startsWith("ERR_")) return code;
  const inner =
    errorCode(cause, depth + 1) ?? (Array.isArray(errors) ? errors.map((x) => errorCode(x, depth + 1)).find(Boolean) : undefined);
  return inner ?? (typeof code === "string" ? code : undefined);
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === "string" && v.trim() !== "");
}
