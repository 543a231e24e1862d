/**
 * The wire side of ConversationService: `/v1/Services` (official v1 spec: create, fetch, list,
 * delete; there is no update). The only module that knows these URLs and field names.
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { isNotFound } from "../../provider/http/errors";
import { pathSegment } from "../../provider/http/paths";
import { createFindingLostResponse } from "../../provider/shared/lost-response";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import { listAllV1 } from "../../provider/shared/v1-list";
import { deleteRole, listRoles } from "../service-role/api";
import type { ConversationServiceInputs, ConversationServiceOutputs } from "./schema";

const SERVICES = "/v1/Services";

/** A service as Twilio returns it: only the fields used, extra ones ignored. */
const serviceWire = z.object({
  sid: z.string().regex(/^IS[0-9a-fA-F]{32}$/, "must be a service SID (IS...)"),
  account_sid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be an account SID (AC...)"),
  friendly_name: z.string().nullable(),
  date_created: z.string().nullish(),
  date_updated: z.string().nullish(),
  url: z.string().nullish(),
});
type ServiceWire = z.infer<typeof serviceWire>;

/** Outputs from the wire shape. `friendlyName` is the live value, so drift shows up in a diff. */
function fromWire(w: ServiceWire): ConversationServiceOutputs {
  return {
    sid: w.sid,
    accountSid: w.account_sid,
    // The spec marks it nullable; a service always has one in practice (it is required on create).
    friendlyName: w.friendly_name ?? "",
    dateCreated: w.date_created ?? null,
    dateUpdated: w.date_updated ?? null,
    url: w.url ?? null,
  };
}

/** The inputs that match a live service (`adoptExisting` is not Twilio's: it is carried from the recorded outputs). */
export function inputsOf(outs: ConversationServiceOutputs): ConversationServiceInputs {
  return {
    friendlyName: outs.friendlyName,
    ...(outs.adoptExisting === undefined ? {} : { adoptExisting: outs.adoptExisting }),
    ...(outs.withoutDefaultRoles === undefined ? {} : { withoutDefaultRoles: outs.withoutDefaultRoles }),
  };
}

type DefaultRoleName = NonNullable<ConversationServiceInputs["withoutDefaultRoles"]>[number];

/** Of `names`, those the service has no role of: `GET /v1/Services/{IS}/Roles`, every page. */
export async function defaultRolesAbsent(
  client: TwilioClient,
  serviceSid: string,
  names: readonly DefaultRoleName[],
  action: string,
): Promise<DefaultRoleName[]> {
  const roles = await listRoles(client, serviceSid, action);
  return names.filter((name) => !roles.some((role) => role.friendlyName === name));
}

/**
 * Deletes the service's roles of these names (`DELETE /v1/Services/{IS}/Roles/{RL}` each; one
 * already gone counts as deleted) and answers, read back, those it no longer has: a deletion
 * Twilio did not apply leaves its name out, which write verification reports.
 */
export async function deleteDefaultRoles(
  client: TwilioClient,
  serviceSid: string,
  names: readonly DefaultRoleName[],
  action: string,
): Promise<DefaultRoleName[]> {
  const roles = await listRoles(client, serviceSid, `${action} (listing its roles)`);
  for (const role of roles.filter((r) => (names as readonly string[]).includes(r.friendlyName))) {
    await deleteRole(client, serviceSid, role.sid, `${action} (deleting its role ${JSON.stringify(role.friendlyName)})`);
  }
  return defaultRolesAbsent(client, serviceSid, names, `${action} (reading its roles back)`);
}

/** `GET /v1/Services`, every page. */
export async function listServices(
  client: TwilioClient,
  action: string,
  onPage?: (itemsSoFar: number) => void,
): Promise<ConversationServiceOutputs[]> {
  const items = await listAllV1(client, SERVICES, "services", { pageSize: 100, action, onPage });
  return items.map((item) => fromWire(parseResponse(serviceWire, item, action)));
}

/**
 * `POST /v1/Services`. Never repeated blindly (v1 has no idempotency key and names are not
 * unique): when the response is lost, the service is the account's one of this name created since
 * the request went out, on Twilio's clock (provider/shared/lost-response.ts). Found, it is
 * returned as created; none, the request was not applied and is sent once more; several, the
 * error names them.
 */
export async function createService(
  client: TwilioClient,
  inputs: ConversationServiceInputs,
  action: string,
): Promise<ConversationServiceOutputs> {
  return createFindingLostResponse({
    lost: {
      action,
      what: "a conversation service",
      howToFind:
        `list the account's services (GET ${SERVICES}, or \`twilio api:conversations:v1:services:list\`) and look for ` +
        `friendly name ${JSON.stringify(inputs.friendlyName)} created just now`,
    },
    send: async () => {
      const res = await client.request({ method: "POST", path: SERVICES, form: { FriendlyName: inputs.friendlyName }, action });
      return fromWire(parseResponse(serviceWire, res.data, action));
    },
    readClock: () =>
      client.request({ method: "GET", path: SERVICES, query: { PageSize: 1 }, action: `${action} (reading Twilio's clock)` }),
    findSent: async () =>
      (await listServices(client, `${action} (looking for the service the lost request made)`)).filter(
        (s) => s.friendlyName === inputs.friendlyName,
      ),
    createdAt: (s) => s.dateCreated,
    idOf: (s) => s.sid,
  });
}

/** `GET /v1/Services/{IS}`; undefined when the service is gone (404). */
export async function fetchService(client: TwilioClient, sid: string, action: string): Promise<ConversationServiceOutputs | undefined> {
  return undefinedIfNotFound(async () => {
    const res = await client.request({ method: "GET", path: `${SERVICES}/${pathSegment(sid)}`, action });
    return fromWire(parseResponse(serviceWire, res.data, action));
  });
}

/** `DELETE /v1/Services/{IS}` (deletes everything in the service); a service already gone counts as deleted. */
export async function deleteService(client: TwilioClient, sid: string, action: string): Promise<void> {
  try {
    await client.request({ method: "DELETE", path: `${SERVICES}/${pathSegment(sid)}`, action });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}
