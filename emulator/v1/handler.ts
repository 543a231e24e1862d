import type { FastifyReply, FastifyRequest } from "fastify";

import { sendTwilioError } from "../twilio-error";
import { ApiError } from "./api-error";

/** A v1 route body: returns the status and JSON to send (undefined body: empty 204). */
export type V1Handler = (req: FastifyRequest) => { status: number; body?: unknown };

/**
 * Wraps a v1 handler so a thrown {@link ApiError} becomes Twilio's error body. Handlers are
 * synchronous: the store is in memory, and a handler that never awaits cannot interleave with
 * another request between its checks and its writes.
 */
export function v1(handler: V1Handler) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      const { status, body } = handler(req);
      if (body === undefined) return reply.code(status).send();
      return reply.code(status).type("application/json").send(body);
    } catch (e) {
      if (e instanceof ApiError) return sendTwilioError(reply, e.status, e.code, e.message);
      throw e;
    }
  };
}

/** Path parameters as strings. */
export function paramsOf(req: FastifyRequest): Record<string, string> {
  return (req.params ?? {}) as Record<string, string>;
}

/** Query parameters as a plain record. */
export function queryOf(req: FastifyRequest): Record<string, unknown> {
  return (req.query ?? {}) as Record<string, unknown>;
}
