/** `/v1/Services`: conversation services (create, fetch, list, delete). */
import type { FastifyInstance } from "fastify";

import type { EmulatorContext } from "../context";
import { ApiError, CODES, invalid, notFound } from "./api-error";
import { formatDate } from "./dates";
import { paramsOf, queryOf, v1 } from "./handler";
import { paginate } from "./paging";
import { SID_PATTERNS } from "./sids";
import type { ServiceRecord, V1Store } from "./store";
import { checkFriendlyName, formOf, param } from "./validation";

/** The service named in a path, or 404 (a malformed SID is "not found" too, as on Twilio). */
export function requireService(store: V1Store, sid: string, path: string): ServiceRecord {
  const service = SID_PATTERNS.IS.test(sid) ? store.services.get(sid) : undefined;
  if (!service) throw notFound(path);
  return service;
}

/** The wire shape of a service, as in the official spec. */
export function serviceJson(ctx: EmulatorContext, s: ServiceRecord): Record<string, unknown> {
  const url = `${ctx.origin()}/v1/Services/${s.sid}`;
  return {
    sid: s.sid,
    account_sid: ctx.accountSid,
    friendly_name: s.friendlyName,
    date_created: formatDate(s.dateCreated),
    date_updated: formatDate(s.dateUpdated),
    url,
    links: {
      conversations: `${url}/Conversations`,
      users: `${url}/Users`,
      roles: `${url}/Roles`,
      bindings: `${url}/Bindings`,
      configuration: `${url}/Configuration`,
      participant_conversations: `${url}/ParticipantConversations`,
      conversation_with_participants: `${url}/ConversationWithParticipants`,
    },
  };
}

export function registerServiceRoutes(app: FastifyInstance, ctx: EmulatorContext, store: V1Store): void {
  app.post(
    "/v1/Services",
    v1((req) => {
      const form = formOf(req.body);
      const friendlyName = param(form, "FriendlyName");
      if (friendlyName === undefined || friendlyName === "") throw invalid("Missing required parameter FriendlyName in the post body");
      const service = store.createService(checkFriendlyName(friendlyName, 256));
      return { status: 201, body: serviceJson(ctx, service) };
    }),
  );

  app.get(
    "/v1/Services",
    v1((req) => {
      const page = paginate([...store.services.values()], { listUrl: `${ctx.origin()}/v1/Services`, key: "services", query: queryOf(req) });
      return { status: 200, body: { services: page.items.map((s) => serviceJson(ctx, s)), meta: page.meta } };
    }),
  );

  app.get(
    "/v1/Services/:Sid",
    v1((req) => ({ status: 200, body: serviceJson(ctx, requireService(store, paramsOf(req).Sid, req.url)) })),
  );

  app.delete(
    "/v1/Services/:Sid",
    v1((req) => {
      const service = requireService(store, paramsOf(req).Sid, req.url);
      // Deleting the account's default service would leave /v1/Conversations without a home.
      // What Twilio does here is UNCONFIRMED; refusing is the safe choice for users' stacks.
      if (store.configuration.defaultChatServiceSid === service.sid) {
        throw new ApiError(
          400,
          CODES.defaultServiceInUse,
          `Service ${service.sid} is the account's default conversation service; set another default before deleting it`,
        );
      }
      store.deleteService(service.sid);
      return { status: 204 };
    }),
  );
}
