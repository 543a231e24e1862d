/**
 * The v1 Conversations API (form requests, snake_case JSON): configuration, services, roles and
 * conversations of one emulated account. See twilio-api.md and the official v1 spec.
 */
import type { FastifyInstance } from "fastify";

import type { EmulatorContext } from "../context";
import { registerConfigurationRoutes } from "./configuration";
import { registerConversationRoutes } from "./conversations";
import { registerRoleRoutes } from "./roles";
import { registerServiceRoutes } from "./services";
import { V1Store } from "./store";

/** Registers every v1 route; the returned handle resets and dumps the v1 state (admin endpoints). */
export function registerV1Routes(app: FastifyInstance, ctx: EmulatorContext): { reset(): void; dump(): unknown } {
  const store = new V1Store(ctx.accountSid, () => ctx.now());
  registerConfigurationRoutes(app, ctx, store);
  registerServiceRoutes(app, ctx, store);
  registerRoleRoutes(app, ctx, store);
  registerConversationRoutes(app, ctx, store);
  return { reset: () => store.reset(), dump: () => store.dump() };
}
