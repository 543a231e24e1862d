/**
 * The two configuration singletons: `/v1/Configuration` (account) and
 * `/v1/Services/{IS}/Configuration` (per service). Both are read with GET and changed with POST;
 * neither is created or deleted.
 *
 * Clearing, as Twilio documents it (twilio-api.md): a timer is cleared with `PT0S` (see
 * `CLEAR_TIMER`), and `""` is not a timer (50379 / 50380). SIDs cannot be cleared: the spec gives
 * each a pattern and `minLength: 34`, so `""` is refused like any malformed SID (50341 for the
 * messaging service, 20001 for the others). `ReachabilityEnabled=` reads as false.
 */
import type { FastifyInstance } from "fastify";

import type { EmulatorContext } from "../context";
import { ApiError, CODES, invalid } from "./api-error";
import { paramsOf, v1 } from "./handler";
import { requireService } from "./services";
import { SID_PATTERNS } from "./sids";
import type { ServiceConfiguration, ServiceRecord, V1Store } from "./store";
import { checkSid, checkTimer, formOf, has, param, parseBoolean } from "./validation";

function accountConfigurationJson(ctx: EmulatorContext, store: V1Store): Record<string, unknown> {
  const c = store.configuration;
  return {
    account_sid: ctx.accountSid,
    default_chat_service_sid: c.defaultChatServiceSid,
    default_messaging_service_sid: c.defaultMessagingServiceSid,
    default_inactive_timer: c.defaultInactiveTimer,
    default_closed_timer: c.defaultClosedTimer,
    url: `${ctx.origin()}/v1/Configuration`,
    links: {
      service: c.defaultChatServiceSid ? `${ctx.origin()}/v1/Services/${c.defaultChatServiceSid}/Configuration` : null,
      webhooks: `${ctx.origin()}/v1/Configuration/Webhooks`,
    },
  };
}

function serviceConfigurationJson(ctx: EmulatorContext, s: ServiceRecord): Record<string, unknown> {
  const url = `${ctx.origin()}/v1/Services/${s.sid}/Configuration`;
  const c = s.configuration;
  return {
    chat_service_sid: s.sid,
    default_conversation_creator_role_sid: c.defaultConversationCreatorRoleSid,
    default_conversation_role_sid: c.defaultConversationRoleSid,
    default_chat_service_role_sid: c.defaultChatServiceRoleSid,
    reachability_enabled: c.reachabilityEnabled,
    url,
    links: { notifications: `${url}/Notifications`, webhooks: `${url}/Webhooks` },
  };
}

export function registerConfigurationRoutes(app: FastifyInstance, ctx: EmulatorContext, store: V1Store): void {
  app.get(
    "/v1/Configuration",
    v1(() => ({ status: 200, body: accountConfigurationJson(ctx, store) })),
  );

  app.post(
    "/v1/Configuration",
    v1((req) => {
      const form = formOf(req.body);
      // Everything is checked before anything is written: a 400 leaves the configuration untouched.
      const next = { ...store.configuration };
      const chatService = param(form, "DefaultChatServiceSid");
      if (chatService !== undefined) {
        checkSid("DefaultChatServiceSid", chatService, SID_PATTERNS.IS);
        if (!store.services.has(chatService)) {
          throw new ApiError(400, CODES.serviceNotFound, `DefaultChatServiceSid: service ${chatService} does not exist`);
        }
        next.defaultChatServiceSid = chatService;
      }
      const messaging = param(form, "DefaultMessagingServiceSid");
      if (messaging !== undefined) {
        next.defaultMessagingServiceSid = checkSid(
          "DefaultMessagingServiceSid",
          messaging,
          SID_PATTERNS.MG,
          CODES.invalidMessagingServiceSid,
        );
      }
      const inactive = param(form, "DefaultInactiveTimer");
      if (inactive !== undefined) {
        next.defaultInactiveTimer = checkTimer("DefaultInactiveTimer", inactive, "inactive") === null ? null : inactive;
      }
      const closed = param(form, "DefaultClosedTimer");
      if (closed !== undefined) {
        next.defaultClosedTimer = checkTimer("DefaultClosedTimer", closed, "closed") === null ? null : closed;
      }
      store.configuration = next;
      return { status: 200, body: accountConfigurationJson(ctx, store) };
    }),
  );

  const servicePath = "/v1/Services/:ChatServiceSid/Configuration";
  app.get(
    servicePath,
    v1((req) => ({ status: 200, body: serviceConfigurationJson(ctx, requireService(store, paramsOf(req).ChatServiceSid, req.url)) })),
  );

  app.post(
    servicePath,
    v1((req) => {
      const service = requireService(store, paramsOf(req).ChatServiceSid, req.url);
      const form = formOf(req.body);
      const next: ServiceConfiguration = { ...service.configuration };
      // Each default role must be a role of this service, of the scope the setting applies to.
      const roleFields = [
        ["DefaultConversationCreatorRoleSid", "defaultConversationCreatorRoleSid", "conversation"],
        ["DefaultConversationRoleSid", "defaultConversationRoleSid", "conversation"],
        ["DefaultChatServiceRoleSid", "defaultChatServiceRoleSid", "service"],
      ] as const;
      for (const [wire, field, type] of roleFields) {
        const value = param(form, wire);
        if (value === undefined) continue;
        checkSid(wire, value, SID_PATTERNS.RL);
        const role = store.roles.get(value);
        if (!role || role.serviceSid !== service.sid) {
          throw new ApiError(400, CODES.roleNotFound, `${wire}: role ${value} does not exist in service ${service.sid}`);
        }
        if (role.type !== type) throw invalid(`${wire}: role ${value} is a ${role.type} role; a ${type} role is required`);
        next[field] = value;
      }
      if (has(form, "ReachabilityEnabled")) {
        const value = param(form, "ReachabilityEnabled") ?? "";
        next.reachabilityEnabled = value === "" ? false : parseBoolean("ReachabilityEnabled", value);
      }
      service.configuration = next;
      return { status: 200, body: serviceConfigurationJson(ctx, service) };
    }),
  );
}
