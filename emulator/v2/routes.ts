/**
 * The v2 Conversation Orchestrator control plane: configurations and their operations.
 *
 * Auth and generic faults (429, 5xx, drops, latency) belong to `server.ts`, whose root hooks run
 * before these routes. This module owns v2 state, validation, the asynchronous-write model
 * (`operations.ts`), `Idempotency-Key` replay and the v1-bridge conflict rule.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import type { EmulatorContext } from "../context";
import { parseJsonBody } from "../json-body";
import { sendTwilioError } from "../twilio-error";
import type { Configuration } from "./configuration";
import { BRIDGE_CONFLICT, IDEMPOTENCY_MISMATCH, NOT_FOUND, type V2ErrorCode, VALIDATION_ERROR } from "./errors";
import { IdempotencyStore, isUuid, requestFingerprint, type StoredResponse } from "./idempotency";
import { newConfigurationId } from "./ids";
import { type Operation, operationPath, OperationQueue, type PendingWrite } from "./operations";
import { decodeToken, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageOf } from "./paging";
import { ConfigurationStore } from "./store";
import { createSchema, parseBody, type Parsed, patchSchema, replaceSchema } from "./validation";

const CONFIGURATIONS = "/v2/ControlPlane/Configurations";

/** What `dump()` returns: the applied configurations and every operation, for tests. */
export interface V2Dump {
  configurations: Configuration[];
  operations: Array<ReturnType<OperationQueue["toResource"]> & { write: PendingWrite["kind"] }>;
}

type IdParams = { Params: { id: string } };

/**
 * Registers the v2 routes on `app`. They live in an encapsulated plugin so their JSON body parser
 * (which accepts an empty body, as a DELETE with a JSON content type may send) and their error
 * handler (Twilio error bodies for malformed JSON) do not leak into the v1 routes.
 */
export function registerV2Routes(app: FastifyInstance, ctx: EmulatorContext): { reset(): void; dump(): V2Dump } {
  const store = new ConfigurationStore();
  const queue = new OperationQueue(ctx, store);
  const idempotency = new IdempotencyStore(() => ctx.now());
  // The response each reply sent through `send`, so `idempotent` can remember it verbatim.
  const lastSent = new WeakMap<FastifyReply, StoredResponse>();

  void app.register(async (v2) => {
    v2.removeContentTypeParser("application/json");
    v2.addContentTypeParser("application/json", { parseAs: "string" }, parseJsonBody);

    // A malformed body is a validation error like any other; other client errors (413 from the
    // server's body limit) keep their status, as the server's own handler answers them.
    v2.setErrorHandler((error: { statusCode?: number; message: string }, _req, reply) => {
      const status = error.statusCode ?? 500;
      if (status === 400) return fail(reply, VALIDATION_ERROR, error.message);
      if (status > 400 && status < 500) return sendTwilioError(reply, status, status, error.message);
      return sendTwilioError(reply, 500, 20500, "An internal server error has occurred");
    });

    // Lazy completion: every v2 request first brings operations up to date with the clock.
    v2.addHook("preHandler", async () => {
      queue.settle();
    });

    v2.post(CONFIGURATIONS, async (req, reply) =>
      idempotent(req, reply, () => {
        const parsed = parseBody(createSchema, req.body);
        if (!parsed.ok) return fail(reply, VALIDATION_ERROR, parsed.message);
        const input = parsed.value;
        if (input.conversationsV1Bridge && conflict(reply, input.conversationsV1Bridge.serviceId)) return;
        const configurationId = newConfigurationId(ctx.now());
        return accept(reply, queue.enqueue({ kind: "create", configurationId, input }));
      }),
    );

    v2.get<{ Querystring: Record<string, string | undefined> }>(CONFIGURATIONS, async (req, reply) => {
      const q = req.query;
      let pageSize = DEFAULT_PAGE_SIZE;
      if (q.pageSize !== undefined) {
        pageSize = /^\d+$/.test(q.pageSize) ? Number(q.pageSize) : NaN;
        if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
          return fail(reply, VALIDATION_ERROR, `Invalid parameter pageSize: must be an integer from 1 to ${MAX_PAGE_SIZE}`);
        }
      }
      const cursor = q.pageToken !== undefined && q.pageToken !== "" ? decodeToken(q.pageToken) : undefined;
      if (q.pageToken && !cursor) return fail(reply, VALIDATION_ERROR, "Invalid parameter pageToken: not a token this server issued");
      const matching = store.list().filter((s) => q.memoryStoreId === undefined || s.config.memoryStoreId === q.memoryStoreId);
      const page = pageOf(matching, pageSize, cursor);
      return reply.code(200).send({
        configurations: page.items.map((s) => s.config),
        meta: {
          key: "configurations",
          pageSize: page.items.length,
          ...(page.previousToken ? { previousToken: page.previousToken } : {}),
          ...(page.nextToken ? { nextToken: page.nextToken } : {}),
        },
      });
    });

    v2.get<IdParams>(`${CONFIGURATIONS}/:id`, async (req, reply) => {
      const config = store.get(req.params.id);
      if (!config) return notFound(req, reply);
      return reply.code(200).send(config);
    });

    v2.put<IdParams>(`${CONFIGURATIONS}/:id`, async (req, reply) =>
      idempotent(req, reply, () => {
        if (!store.has(req.params.id)) return notFound(req, reply);
        return acceptUpdate(req, reply, parseBody(replaceSchema, req.body), (input) => ({
          kind: "replace",
          configurationId: req.params.id,
          input,
        }));
      }),
    );

    v2.patch<IdParams>(`${CONFIGURATIONS}/:id`, async (req, reply) =>
      idempotent(req, reply, () => {
        if (!store.has(req.params.id)) return notFound(req, reply);
        return acceptUpdate(req, reply, parseBody(patchSchema, req.body), (input) => ({
          kind: "patch",
          configurationId: req.params.id,
          input,
        }));
      }),
    );

    v2.delete<IdParams>(`${CONFIGURATIONS}/:id`, async (req, reply) =>
      idempotent(req, reply, () => {
        if (!store.has(req.params.id)) return notFound(req, reply);
        return accept(reply, queue.enqueue({ kind: "delete", configurationId: req.params.id }));
      }),
    );

    v2.get<IdParams>("/v2/ControlPlane/Operations/:id", async (req, reply) => {
      const op = queue.get(req.params.id);
      if (!op) return notFound(req, reply);
      return reply.code(200).send(queue.toResource(op));
    });
  });

  /** PUT and PATCH share everything after validation. */
  function acceptUpdate<T extends { conversationsV1Bridge?: { serviceId: string } | null }>(
    req: FastifyRequest<IdParams>,
    reply: FastifyReply,
    parsed: Parsed<T>,
    toWrite: (input: T) => PendingWrite,
  ): FastifyReply | undefined {
    if (!parsed.ok) return fail(reply, VALIDATION_ERROR, parsed.message);
    const bridge = parsed.value.conversationsV1Bridge;
    if (bridge && conflict(reply, bridge.serviceId, req.params.id)) return;
    return accept(reply, queue.enqueue(toWrite(parsed.value)));
  }

  /** Sends the 409 and returns true when another configuration holds (or will hold) the service. */
  function conflict(reply: FastifyReply, serviceId: string, exceptId?: string): boolean {
    const holder = queue.bridgeHolder(serviceId, exceptId);
    if (!holder) return false;
    reply.header("X-Conflicting-Resource-Id", holder);
    fail(
      reply,
      BRIDGE_CONFLICT,
      `Invalid parameter conversationsV1Bridge.serviceId: Conversations v1 service ${serviceId} is already bridged to configuration ${holder}`,
    );
    return true;
  }

  /** The 202 every accepted write answers with. */
  function accept(reply: FastifyReply, op: Operation): FastifyReply {
    const statusUrl = ctx.origin() + operationPath(op.id);
    return send(reply, {
      status: 202,
      headers: {
        "Operation-Id": op.id,
        "Retry-After": String(ctx.options.operationRetryAfterSeconds),
        Location: statusUrl,
      },
      body: { statusUrl, related: { configurationId: op.write.configurationId } },
    });
  }

  /**
   * Runs a write under `Idempotency-Key`: a known key with the same request replays the original
   * 202; with a different request it is refused (see `IDEMPOTENCY_MISMATCH`); a new key runs the
   * handler and remembers its 202.
   */
  function idempotent(req: FastifyRequest, reply: FastifyReply, handler: () => FastifyReply | undefined): FastifyReply | undefined {
    const header = req.headers["idempotency-key"];
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined) return handler();
    if (!isUuid(key)) return fail(reply, VALIDATION_ERROR, "Invalid header Idempotency-Key: must be a UUID");
    const fingerprint = requestFingerprint(req.method, req.url.split("?")[0], req.body);
    const found = idempotency.lookup(ctx.accountSid, key, fingerprint);
    if (found.kind === "replay") return send(reply, found.response);
    if (found.kind === "mismatch") {
      return fail(
        reply,
        IDEMPOTENCY_MISMATCH,
        `Idempotency key payload mismatch: Idempotency-Key ${key} was already used for a different request; use a new key for a new request`,
      );
    }
    const sent = handler();
    if (reply.statusCode === 202) idempotency.remember(ctx.accountSid, key, fingerprint, lastSent.get(reply)!);
    return sent;
  }

  function send(reply: FastifyReply, response: StoredResponse): FastifyReply {
    lastSent.set(reply, response);
    return reply
      .code(response.status)
      .headers({ ...response.headers })
      .type("application/json")
      .send(response.body);
  }

  function fail(reply: FastifyReply, code: V2ErrorCode, message: string): FastifyReply {
    return sendTwilioError(reply, code.status, code.code, message);
  }

  function notFound(req: FastifyRequest, reply: FastifyReply): FastifyReply {
    return fail(reply, NOT_FOUND, `The requested resource ${req.url.split("?")[0]} was not found`);
  }

  return {
    reset() {
      store.clear();
      queue.clear();
      idempotency.clear();
    },
    dump(): V2Dump {
      queue.settle();
      return {
        configurations: store.list().map((s) => structuredClone(s.config)),
        operations: queue.all().map((op) => ({ ...queue.toResource(op), write: op.write.kind })),
      };
    },
  };
}
