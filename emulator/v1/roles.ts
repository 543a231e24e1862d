/** `/v1/Services/{IS}/Roles`: service and conversation roles (create, fetch, list, update, delete). */
import type { FastifyInstance, FastifyRequest } from "fastify";

import type { EmulatorContext } from "../context";
import { invalid, notFound } from "./api-error";
import { formatDate } from "./dates";
import { paramsOf, queryOf, v1 } from "./handler";
import { paginate } from "./paging";
import { requireService } from "./services";
import { SID_PATTERNS } from "./sids";
import type { RoleRecord, RoleType, V1Store } from "./store";
import { checkEnum, checkFriendlyName, formOf, param, params } from "./validation";

const ROLE_TYPES: readonly RoleType[] = ["conversation", "service"];

function roleJson(ctx: EmulatorContext, r: RoleRecord): Record<string, unknown> {
  return {
    sid: r.sid,
    account_sid: ctx.accountSid,
    chat_service_sid: r.serviceSid,
    friendly_name: r.friendlyName,
    type: r.type,
    permissions: [...r.permissions],
    date_created: formatDate(r.dateCreated),
    date_updated: formatDate(r.dateUpdated),
    url: `${ctx.origin()}/v1/Services/${r.serviceSid}/Roles/${r.sid}`,
  };
}

/**
 * The `Permission` values sent (at least one). Names are not checked against Twilio's list:
 * refusing a permission Twilio accepts would break a valid stack, which is worse than accepting
 * a misspelt one here.
 */
function permissionsOf(req: FastifyRequest): string[] {
  const values = params(formOf(req.body), "Permission").filter((p) => p !== "");
  if (values.length === 0) throw invalid("Missing required parameter Permission in the post body");
  return [...new Set(values)];
}

export function registerRoleRoutes(app: FastifyInstance, ctx: EmulatorContext, store: V1Store): void {
  const list = "/v1/Services/:ChatServiceSid/Roles";
  const one = `${list}/:Sid`;

  const requireRole = (req: FastifyRequest): RoleRecord => {
    const { ChatServiceSid, Sid } = paramsOf(req);
    requireService(store, ChatServiceSid, req.url);
    const role = SID_PATTERNS.RL.test(Sid) ? store.roles.get(Sid) : undefined;
    if (!role || role.serviceSid !== ChatServiceSid) throw notFound(req.url);
    return role;
  };

  app.post(
    list,
    v1((req) => {
      const service = requireService(store, paramsOf(req).ChatServiceSid, req.url);
      const form = formOf(req.body);
      const friendlyName = param(form, "FriendlyName");
      if (!friendlyName) throw invalid("Missing required parameter FriendlyName in the post body");
      const typeRaw = param(form, "Type");
      if (!typeRaw) throw invalid("Missing required parameter Type in the post body");
      const type = checkEnum("Type", typeRaw, ROLE_TYPES);
      const permissions = permissionsOf(req);
      const role = store.addRole(service.sid, checkFriendlyName(friendlyName, 64), type, permissions);
      return { status: 201, body: roleJson(ctx, role) };
    }),
  );

  app.get(
    list,
    v1((req) => {
      const service = requireService(store, paramsOf(req).ChatServiceSid, req.url);
      const page = paginate(store.rolesOf(service.sid), {
        listUrl: `${ctx.origin()}/v1/Services/${service.sid}/Roles`,
        key: "roles",
        query: queryOf(req),
        maxPageSize: 50,
      });
      return { status: 200, body: { roles: page.items.map((r) => roleJson(ctx, r)), meta: page.meta } };
    }),
  );

  app.get(
    one,
    v1((req) => ({ status: 200, body: roleJson(ctx, requireRole(req)) })),
  );

  app.post(
    one,
    v1((req) => {
      const role = requireRole(req);
      // The update replaces every permission (spec: "replaces all previously assigned permissions").
      role.permissions = permissionsOf(req);
      role.dateUpdated = store.timestamp();
      return { status: 200, body: roleJson(ctx, role) };
    }),
  );

  app.delete(
    one,
    v1((req) => {
      store.roles.delete(requireRole(req).sid);
      return { status: 204 };
    }),
  );
}
