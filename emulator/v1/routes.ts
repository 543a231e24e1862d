/**
 * The v1 Conversations API (form requests, snake_case JSON): configuration, webhooks, address
 * configurations, push credentials, services (with their configuration, webhooks, notifications
 * and roles) and conversations of one emulated account. See twilio-api.md and the official v1 spec.
 */
import type { FastifyInstance } from "fastify";

import type { EmulatorContext } from "../context";
import { registerAddressRoutes } from "./addresses";
import { registerConfigurationRoutes } from "./configuration";
import { registerConversationRoutes } from "./conversations";
import { registerCredentialRoutes } from "./credentials";
import { registerNotificationRoutes } from "./notifications";
import { registerRoleRoutes } from "./roles";
import { registerServiceRoutes } from "./services";
import { V1Store } from "./store";
import { registerWebhookRoutes } from "./webhooks";

/** Registers every v1 route; the returned handle resets and dumps the v1 state (admin endpoints). */
export function registerV1Routes(app: FastifyInstance, ctx: EmulatorContext): { reset(): void; dump(): unknown } {
  const store = new V1Store(ctx.accountSid, () => ctx.now());
  registerConfigurationRoutes(app, ctx, store);
  registerServiceRoutes(app, ctx, store);
  registerRoleRoutes(app, ctx, store);
  registerConversationRoutes(app, ctx, store);
  registerAddressRoutes(app, ctx, store);
  registerWebhookRoutes(app, ctx, store);
  registerNotificationRoutes(app, ctx, store);
  registerCredentialRoutes(app, ctx, store);
  return { reset: () => store.reset(), dump: () => store.dump() };
}
