/**
 * The emulator's HTTP server: one fastify app per instance with form/JSON body parsing, the
 * request log, fault injection and auth as hooks that run before any route, the admin endpoints,
 * then the v1 and v2 route modules.
 */
import { Readable } from "node:stream";

import formbody from "@fastify/formbody";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";

import { ADMIN_PREFIX, isLoopback, registerAdminRoutes } from "./admin";
import { type AcceptedCredentials, isAuthorized, parseBasicAuth } from "./auth";
import {
  DEFAULT_ACCOUNT_SID,
  DEFAULT_AUTH_TOKEN,
  type EmulatorContext,
  type EmulatorOptions,
  type FaultSettings,
  type LoggedRequest,
  noFaults,
} from "./context";
import { applyFaults, clearFaults, overInFlightCap, takeDropAfterEffect, takePreRouteFault } from "./faults";
import { parseForm } from "./form-body";
import { parseJsonBody } from "./json-body";
import { loggableHeaders, redactFormBody, redactParsedForm, RequestLog } from "./request-log";
import { CONCURRENT_REQUESTS_HEADER, formatDuration, newRequestId, REQUEST_DURATION_HEADER, REQUEST_ID_HEADER } from "./response-headers";
import { sendTwilioError } from "./twilio-error";
import { registerV1Routes } from "./v1/routes";
import { registerV2Routes } from "./v2/routes";

/** A started emulator; `close()` it when done. */
export interface RunningEmulator {
  /** Origin to point clients at (`http://127.0.0.1:PORT`), no trailing slash. */
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** The request log (admin endpoints excluded), oldest first. */
  requests(): LoggedRequest[];
  clearRequests(): void;
  /** Merges fault settings into the live ones (see {@link FaultSettings}). */
  setFaults(patch: Partial<FaultSettings>): void;
  resetFaults(): void;
  /** Back to a fresh account: v1 and v2 state, faults and the request log. */
  reset(): void;
  /** A JSON dump of v1 and v2 state, as `GET /__emulator/state` returns it. */
  state(): unknown;
  close(): Promise<void>;
}

/** Largest body read; Twilio's own limits are far below (attributes are 16 KB). */
const BODY_LIMIT = 1024 * 1024;

/** Per-request bookkeeping the hooks share. */
interface RequestState {
  admin: boolean;
  /** `Twilio-Request-Id` of the response (RQ + 32 hex). */
  requestId: string;
  /** `performance.now()` when the request arrived, for `Twilio-Request-Duration`. */
  startedAt: number;
  rawBody: string;
  /** Passed faults and auth: the route ran, so a "lost response" fault may apply. */
  routed: boolean;
  logged: boolean;
  fault?: string;
  username?: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function pathOf(url: string): string {
  const q = url.indexOf("?");
  return q < 0 ? url : url.slice(0, q);
}

function originFor(host: string, port: number): string {
  // A wildcard bind is reachable on loopback; absolute URLs must name an address clients can use.
  const h = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${h.includes(":") ? `[${h}]` : h}:${port}`;
}

/**
 * Starts an emulator of the Twilio Conversations API. Binds 127.0.0.1 and a free port unless
 * told otherwise.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const accepted: AcceptedCredentials = {
    accountSid: options.accountSid ?? DEFAULT_ACCOUNT_SID,
    authToken: options.authToken ?? DEFAULT_AUTH_TOKEN,
    apiKeys: options.apiKeys ?? [],
  };
  const host = options.host ?? "127.0.0.1";
  const faults: FaultSettings = applyFaults(noFaults(), options.faults ?? {});
  const clock = options.now ?? (() => new Date());
  let origin = options.publicUrl?.replace(/\/+$/, "") ?? "";

  const ctx: EmulatorContext = {
    accountSid: accepted.accountSid,
    options: {
      operationDelayMs: options.operationDelayMs ?? 300,
      operationRetryAfterSeconds: options.operationRetryAfterSeconds ?? 1,
    },
    faults,
    origin: () => origin,
    now: () => clock(),
  };

  // forceCloseConnections: close() must not wait on keep-alive sockets or on a request sleeping in latency.
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, forceCloseConnections: true });
  const log = new RequestLog();
  const states = new WeakMap<FastifyRequest, RequestState>();
  let inFlight = 0;

  const stateOf = (req: FastifyRequest): RequestState => {
    let s = states.get(req);
    if (!s) {
      s = { admin: false, requestId: newRequestId(), startedAt: performance.now(), rawBody: "", routed: false, logged: false };
      states.set(req, s);
    }
    return s;
  };

  const record = (req: FastifyRequest, status: number): void => {
    const s = stateOf(req);
    if (s.admin || s.logged) return;
    s.logged = true;
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
      query[k] = Array.isArray(v) ? v.map(String).join(",") : String(v);
    }
    // Form bodies may carry push credential secrets: the log keeps their fingerprints only.
    const form = /^application\/x-www-form-urlencoded/i.test(String(req.headers["content-type"] ?? ""));
    const entry: LoggedRequest = {
      method: req.method,
      path: pathOf(req.url),
      query,
      headers: loggableHeaders(req.headers),
      body: form ? redactFormBody(s.rawBody) : s.rawBody,
      parsedBody: req.body === undefined ? (s.rawBody === "" ? undefined : s.rawBody) : form ? redactParsedForm(req.body) : req.body,
      status,
      requestId: s.requestId,
      at: ctx.now().toISOString(),
    };
    if (s.fault) entry.fault = s.fault;
    if (s.username) entry.username = s.username;
    log.add(entry);
    if (options.verbose) {
      process.stderr.write(
        `${entry.at} ${entry.method} ${req.url} -> ${status === 0 ? "dropped" : status}${s.fault ? ` [${s.fault}]` : ""}\n`,
      );
    }
  };

  const rateLimited = (reply: FastifyReply): FastifyReply => {
    // Twilio documents no Retry-After for REST 429s (https://www.twilio.com/docs/api/errors/20429
    // says only "wait for a short period"), so none is sent unless a test asks for one.
    if (faults.rateLimitRetryAfterSeconds !== undefined) reply.header("Retry-After", String(faults.rateLimitRetryAfterSeconds));
    return sendTwilioError(reply, 429, 20429, "Too Many Requests");
  };

  /** Ends the exchange without an answer, as a lost connection would. */
  const destroySocket = (req: FastifyRequest, reply: FastifyReply, fault: string): void => {
    const s = stateOf(req);
    s.fault = fault;
    record(req, 0);
    reply.hijack();
    req.raw.socket.destroy();
  };

  // Bodies: forms per Twilio v1 (`+` and `%20` are spaces, repeated keys are arrays), JSON for v2
  // (an empty body is "no body", since some clients send a JSON content type on DELETE), anything
  // else kept as text rather than refused with 415.
  await app.register(formbody, { parser: (body: string) => parseForm(body), bodyLimit: BODY_LIMIT });
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, parseJsonBody);
  app.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => done(null, String(body)));

  app.addHook("onRequest", async (req, reply) => {
    const s = stateOf(req);
    // Set first, so every answer carries it: errors from the hooks below, 404s and injected faults too.
    reply.header(REQUEST_ID_HEADER, s.requestId);
    s.admin = req.url.startsWith(ADMIN_PREFIX);
    if (s.admin) {
      if (!isLoopback(req.socket.remoteAddress)) return sendTwilioError(reply, 403, 20403, "Admin endpoints answer loopback clients only");
      return;
    }
    inFlight++;
    reply.raw.once("close", () => inFlight--);
    // The account's requests in flight, this one included, as Twilio reports them.
    reply.header(CONCURRENT_REQUESTS_HEADER, String(inFlight));
    if (overInFlightCap(faults, inFlight)) {
      s.fault = "maxInFlight";
      return rateLimited(reply);
    }
  });

  // Keeps the raw body for the request log; the stream handed on replays it to the parsers.
  app.addHook("preParsing", async (req, _reply, payload) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buf.length;
      if (size > BODY_LIMIT) throw Object.assign(new Error("Request body too large"), { statusCode: 413 });
      chunks.push(buf);
    }
    const raw = Buffer.concat(chunks);
    stateOf(req).rawBody = raw.toString("utf8");
    const replay = Readable.from(raw.length ? [raw] : []) as Readable & { receivedEncodedLength?: number };
    replay.receivedEncodedLength = raw.length;
    return replay;
  });

  // Faults, then auth: both after body parsing so the log shows what was sent even when refused.
  app.addHook("preHandler", async (req, reply) => {
    const s = stateOf(req);
    if (s.admin) return;
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const fault = takePreRouteFault(faults);
    if (fault) {
      switch (fault.kind) {
        case "drop":
          destroySocket(req, reply, "drop");
          return reply;
        case "rateLimit":
          s.fault = fault.reason;
          return rateLimited(reply);
        case "serverError":
          s.fault = "serverError";
          return sendTwilioError(reply, 500, 20500, "An internal server error has occurred");
        case "unavailable":
          s.fault = "unavailable";
          return sendTwilioError(reply, 503, 20503, "Service is unavailable. Please try again");
      }
    }
    const creds = parseBasicAuth(req.headers.authorization);
    if (creds) s.username = creds.username;
    if (!isAuthorized(creds, accepted)) {
      reply.header("WWW-Authenticate", 'Basic realm="Twilio API"');
      return sendTwilioError(reply, 401, 20003, "Authenticate");
    }
    s.routed = true;
  });

  app.addHook("onSend", async (req, reply, payload) => {
    const s = stateOf(req);
    if (!s.admin) reply.header(REQUEST_DURATION_HEADER, formatDuration(performance.now() - s.startedAt));
    // Twilio's clock, not the machine's: `Date` (RFC 9110 §6.6.1) comes from the same clock as
    // `date_created`, so a test that skews the emulator's clock skews both, as a real offset would.
    reply.header("Date", ctx.now().toUTCString());
    if (s.routed && takeDropAfterEffect(faults, req.method, pathOf(req.url))) {
      // The route already applied the change; the client never learns it did.
      s.fault = "dropAfterEffect";
      record(req, 0);
      req.raw.socket.destroy();
    }
    return payload;
  });

  app.addHook("onResponse", async (req, reply) => {
    record(req, reply.statusCode);
  });

  app.setNotFoundHandler((req, reply) => {
    sendTwilioError(reply, 404, 20404, `The requested resource ${pathOf(req.url)} was not found`);
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    const message = status === 500 ? "An internal server error has occurred" : error.message;
    sendTwilioError(reply, status, status === 500 ? 20500 : status, message);
  });

  const v1 = registerV1Routes(app, ctx);
  const v2 = registerV2Routes(app, ctx);

  const resetAll = (): void => {
    v1.reset();
    v2.reset();
    clearFaults(faults);
    log.clear();
  };
  const state = () => ({ v1: v1.dump(), v2: v2.dump() });

  registerAdminRoutes(app, {
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    faults: () => structuredClone(faults),
    setFaults: (patch) => structuredClone(applyFaults(faults, patch)),
    reset: resetAll,
    state,
  });

  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  if (!origin) origin = originFor(host, port);

  return {
    url: origin,
    accountSid: accepted.accountSid,
    authToken: accepted.authToken,
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    setFaults: (patch) => void applyFaults(faults, patch),
    resetFaults: () => void clearFaults(faults),
    reset: resetAll,
    state,
    close: () => app.close(),
  };
}
