import type { FastifyRequest } from "fastify";

/**
 * Parses a JSON request body as Twilio's v2 API takes it: an empty body is "no body" (some clients
 * send a JSON content type on DELETE) and malformed JSON is a 400. Registered by the server for
 * every route and again inside the v2 plugin, which replaces the parser for its own error handling.
 */
export function parseJsonBody(_req: FastifyRequest, body: string | Buffer, done: (err: Error | null, value?: unknown) => void): void {
  const text = String(body);
  if (text.trim() === "") return done(null, undefined);
  try {
    done(null, JSON.parse(text));
  } catch {
    done(Object.assign(new Error("The request body is not valid JSON"), { statusCode: 400 }), undefined);
  }
}
