import type { FastifyInstance } from "fastify";
import { z } from "zod";

import type { FaultSettings, LoggedRequest } from "./context";
import { sendTwilioError } from "./twilio-error";

/** Prefix of the admin endpoints: no auth, no faults, not in the request log. */
export const ADMIN_PREFIX = "/__emulator/";

/** What the admin endpoints act on; `server.ts` wires it to the live instance. */
export interface AdminTarget {
  requests(): LoggedRequest[];
  clearRequests(): void;
  faults(): FaultSettings;
  setFaults(patch: Partial<FaultSettings>): FaultSettings;
  reset(): void;
  state(): unknown;
}

const count = z.number().int().min(0);

/** Strict, so a misspelt fault name is a 400 instead of a silently ignored setting. */
export const faultPatchSchema = z
  .object({
    latencyMs: count,
    rateLimitFraction: z.number().min(0).max(1),
    rateLimitNext: count,
    rateLimitRetryAfterSeconds: z
      .number()
      .min(0)
      .nullable()
      .transform((v) => v ?? undefined),
    serverErrorNext: count,
    unavailableNext: count,
    dropNext: count,
    dropAfterEffect: z.object({ count, method: z.string().optional(), pathPrefix: z.string().optional() }).strict(),
    maxInFlight: count,
    failOperationsNext: count,
    operationsStayPending: z.boolean(),
  })
  .partial()
  .strict();

/** True for loopback peers; admin endpoints refuse others even when the emulator binds wider. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** Registers `GET|DELETE /__emulator/requests`, `GET|PUT /__emulator/faults`, `POST /__emulator/reset`, `GET /__emulator/state`. */
export function registerAdminRoutes(app: FastifyInstance, target: AdminTarget): void {
  app.get(`${ADMIN_PREFIX}requests`, async () => ({ requests: target.requests() }));
  app.delete(`${ADMIN_PREFIX}requests`, async (_req, reply) => {
    target.clearRequests();
    return reply.code(204).send();
  });
  app.get(`${ADMIN_PREFIX}faults`, async () => target.faults());
  app.put(`${ADMIN_PREFIX}faults`, async (req, reply) => {
    const parsed = faultPatchSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
      return sendTwilioError(reply, 400, 400, `Invalid fault settings: ${detail}`);
    }
    return target.setFaults(parsed.data as Partial<FaultSettings>);
  });
  app.post(`${ADMIN_PREFIX}reset`, async (_req, reply) => {
    target.reset();
    return reply.code(204).send();
  });
  app.get(`${ADMIN_PREFIX}state`, async () => target.state());
}
