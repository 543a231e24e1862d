/**
 * The wire side of ServiceRole: `/v1/Services/{IS}/Roles` (official v1 spec: create with
 * FriendlyName, Type and repeated Permission; update with Permission only, replacing the whole
 * set; fetch; delete). The only module that knows these URLs and field names.
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { isNotFound } from "../../provider/http/errors";
import { pathSegment } from "../../provider/http/paths";
import { same } from "../../provider/shared/diff";
import { createFindingLostResponse } from "../../provider/shared/lost-response";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import { listAllV1 } from "../../provider/shared/v1-list";
import { normalisePermissions, ROLE_TYPES, type ServiceRoleInputs, type ServiceRoleOutputs } from "./schema";

const serviceUrl = (serviceSid: string) => `/v1/Services/${pathSegment(serviceSid)}`;
const rolesOf = (serviceSid: string) => `${serviceUrl(serviceSid)}/Roles`;
const roleUrl = (serviceSid: string, roleSid: string) => `${rolesOf(serviceSid)}/${pathSegment(roleSid)}`;

/** A role as Twilio returns it: only the fields used, extra ones ignored. */
const roleWire = z.object({
  sid: z.string().regex(/^RL[0-9a-fA-F]{32}$/, "must be a role SID (RL...)"),
  account_sid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be an account SID (AC...)"),
  chat_service_sid: z.string().regex(/^IS[0-9a-fA-F]{32}$/, "must be a service SID (IS...)"),
  friendly_name: z.string().nullable(),
  type: z.enum(ROLE_TYPES),
  permissions: z.array(z.string()).nullable(),
  date_created: z.string().nullish(),
  date_updated: z.string().nullish(),
  url: z.string().nullish(),
});
type RoleWire = z.infer<typeof roleWire>;

/** Outputs from the wire shape, in the form check produces (permissions as a sorted set). */
function fromWire(w: RoleWire): ServiceRoleOutputs {
  return {
    sid: w.sid,
    accountSid: w.account_sid,
    chatServiceSid: w.chat_service_sid,
    friendlyName: w.friendly_name ?? "",
    type: w.type,
    permissions: normalisePermissions(w.permissions ?? []),
    dateCreated: w.date_created ?? null,
    dateUpdated: w.date_updated ?? null,
    url: w.url ?? null,
  };
}

/** The inputs that match a live role (`adoptExisting` is not Twilio's: it is carried from the recorded outputs). */
export function inputsOf(outs: ServiceRoleOutputs): ServiceRoleInputs {
  const inputs: ServiceRoleInputs = {
    chatServiceSid: outs.chatServiceSid,
    friendlyName: outs.friendlyName,
    type: outs.type,
    permissions: outs.permissions,
  };
  return outs.adoptExisting === undefined ? inputs : { ...inputs, adoptExisting: outs.adoptExisting };
}

/** `GET /v1/Services/{IS}/Roles`, every page (Twilio pages roles by 50 at most). */
export async function listRoles(
  client: TwilioClient,
  serviceSid: string,
  action: string,
  onPage?: (itemsSoFar: number) => void,
): Promise<ServiceRoleOutputs[]> {
  const items = await listAllV1(client, rolesOf(serviceSid), "roles", { pageSize: 50, action, onPage });
  return items.map((item) => fromWire(parseResponse(roleWire, item, action)));
}

/**
 * `POST /v1/Services/{IS}/Roles`. Never repeated blindly (v1 has no idempotency key): when the
 * response is lost, the role is the service's one of this name, type and permission set created
 * since the request went out, on Twilio's clock (provider/shared/lost-response.ts). Whether Twilio
 * keeps role names unique in a service is UNCONFIRMED, so the creation time is checked too.
 */
export async function createRole(client: TwilioClient, inputs: ServiceRoleInputs, action: string): Promise<ServiceRoleOutputs> {
  const service = inputs.chatServiceSid;
  return createFindingLostResponse({
    lost: {
      action,
      what: "a role",
      howToFind:
        `list the service's roles (GET ${rolesOf(service)}, or \`twilio api:conversations:v1:services:roles:list ` +
        `--chat-service-sid ${service}\`) and look for friendly name ${JSON.stringify(inputs.friendlyName)}`,
    },
    send: async () => {
      const res = await client.request({
        method: "POST",
        path: rolesOf(service),
        // Repeated `Permission` keys, one per permission (form.ts encodes arrays that way).
        form: { FriendlyName: inputs.friendlyName, Type: inputs.type, Permission: inputs.permissions },
        action,
      });
      return fromWire(parseResponse(roleWire, res.data, action));
    },
    // The service itself: one small GET that every role create can make.
    readClock: () => client.request({ method: "GET", path: serviceUrl(service), action: `${action} (reading Twilio's clock)` }),
    findSent: async () =>
      (await listRoles(client, service, `${action} (looking for the role the lost request made)`)).filter(
        (r) => r.friendlyName === inputs.friendlyName && r.type === inputs.type && same.set(r.permissions, inputs.permissions),
      ),
    createdAt: (r) => r.dateCreated,
    idOf: (r) => r.sid,
  });
}

/** `POST /v1/Services/{IS}/Roles/{RL}` with the whole permission set (the update replaces it). */
export async function updateRolePermissions(
  client: TwilioClient,
  serviceSid: string,
  roleSid: string,
  permissions: string[],
  action: string,
): Promise<ServiceRoleOutputs> {
  // Replaces the whole permission set: sending it twice leaves one state, so the client may
  // retry it after a 5xx or a lost response, like a PUT.
  const res = await client.request({
    method: "POST",
    path: roleUrl(serviceSid, roleSid),
    form: { Permission: permissions },
    action,
    idempotent: true,
  });
  return fromWire(parseResponse(roleWire, res.data, action));
}

/** `GET /v1/Services/{IS}/Roles/{RL}`; undefined when the role (or its service) is gone (404). */
export async function fetchRole(
  client: TwilioClient,
  serviceSid: string,
  roleSid: string,
  action: string,
): Promise<ServiceRoleOutputs | undefined> {
  return undefinedIfNotFound(async () => {
    const res = await client.request({ method: "GET", path: roleUrl(serviceSid, roleSid), action });
    return fromWire(parseResponse(roleWire, res.data, action));
  });
}

/** `DELETE /v1/Services/{IS}/Roles/{RL}`; a role already gone (or whose service is gone) counts as deleted. */
export async function deleteRole(client: TwilioClient, serviceSid: string, roleSid: string, action: string): Promise<void> {
  try {
    await client.request({ method: "DELETE", path: roleUrl(serviceSid, roleSid), action });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}
