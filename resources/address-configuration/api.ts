/**
 * The wire side of AddressConfiguration: `/v1/Configuration/Addresses[/{Sid}]` (official v1 spec:
 * create with Type, Address, FriendlyName, AddressCountry and the `AutoCreation.*` settings; update
 * with FriendlyName and the `AutoCreation.*` settings only; fetch, list, delete). The only module
 * that knows these URLs and field names.
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { isNotFound } from "../../provider/http/errors";
import type { FormValue } from "../../provider/http/form";
import { pathSegment } from "../../provider/http/paths";
import { createFindingLostResponse } from "../../provider/shared/lost-response";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import { listAllV1 } from "../../provider/shared/v1-list";
import { defined } from "../../provider/shared/values";
import {
  ADDRESS_TYPES,
  type AddressConfigurationInputs,
  type AddressConfigurationOutputs,
  AUTO_CREATION_TYPES,
  type AutoCreationSettings,
  normaliseFilters,
} from "./schema";

export const ADDRESSES = "/v1/Configuration/Addresses";
const addressUrl = (sid: string) => `${ADDRESSES}/${pathSegment(sid)}`;

/** An address configuration as Twilio returns it: only the fields used, extra ones ignored. */
const addressWire = z.object({
  sid: z.string().regex(/^IG[0-9a-fA-F]{32}$/, "must be an address configuration SID (IG...)"),
  account_sid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be an account SID (AC...)"),
  type: z
    .string()
    .transform((t) => t.toLowerCase())
    .pipe(z.enum(ADDRESS_TYPES)),
  address: z.string(),
  friendly_name: z.string().nullish(),
  address_country: z.string().nullish(),
  // The spec gives it no shape; its examples show only the settings of the type in use.
  auto_creation: z
    .object({
      enabled: z.boolean().nullish(),
      type: z
        .string()
        .transform((t) => t.toLowerCase())
        .pipe(z.enum(AUTO_CREATION_TYPES))
        .nullish(),
      conversation_service_sid: z.string().nullish(),
      webhook_url: z.string().nullish(),
      webhook_method: z.string().nullish(),
      webhook_filters: z.array(z.string()).nullish(),
      studio_flow_sid: z.string().nullish(),
      studio_retry_count: z.number().nullish(),
    })
    .nullish(),
  date_created: z.string().nullish(),
  date_updated: z.string().nullish(),
  url: z.string().nullish(),
});
type AddressWire = z.infer<typeof addressWire>;

const present = <T>(v: T | null | undefined): T | undefined => (v === null || v === "" ? undefined : v);

/** The live configuration in the provider's terms: absent rather than null, as check normalises. */
export type LiveAddressConfiguration = Omit<AddressConfigurationOutputs, "adoptExisting" | "declaredProperties">;

/** The live configuration from the wire shape. */
function fromWire(w: AddressWire): LiveAddressConfiguration {
  const ac = w.auto_creation ?? {};
  const autoCreation: AutoCreationSettings = defined({
    enabled: present(ac.enabled),
    type: present(ac.type),
    conversationServiceSid: present(ac.conversation_service_sid),
    webhookUrl: present(ac.webhook_url),
    webhookMethod: present(ac.webhook_method)?.toUpperCase() as AutoCreationSettings["webhookMethod"],
    // Events Twilio may add later are kept as reported, so they show as a difference.
    webhookFilters: ac.webhook_filters ? (normaliseFilters(ac.webhook_filters) as AutoCreationSettings["webhookFilters"]) : undefined,
    studioFlowSid: present(ac.studio_flow_sid),
    studioRetryCount: present(ac.studio_retry_count),
  });
  return defined({
    sid: w.sid,
    accountSid: w.account_sid,
    type: w.type,
    address: w.address,
    friendlyName: present(w.friendly_name),
    addressCountry: present(w.address_country)?.toUpperCase(),
    autoCreation,
    dateCreated: present(w.date_created),
    dateUpdated: present(w.date_updated),
    url: present(w.url),
  });
}

/** The `AutoCreation.*` fields of a write: every declared setting (dotted keys, form.ts flattens them). */
function autoCreationWire(ac: AutoCreationSettings | undefined): Record<string, FormValue> | undefined {
  if (!ac) return undefined;
  return {
    Enabled: ac.enabled,
    Type: ac.type,
    ConversationServiceSid: ac.conversationServiceSid,
    WebhookUrl: ac.webhookUrl,
    WebhookMethod: ac.webhookMethod,
    // Repeated `AutoCreation.WebhookFilters` keys, one per event.
    WebhookFilters: ac.webhookFilters,
    StudioFlowSid: ac.studioFlowSid,
    StudioRetryCount: ac.studioRetryCount,
  };
}

/** The create body: everything declared. */
export function createBody(inputs: AddressConfigurationInputs): Record<string, FormValue> {
  return {
    Type: inputs.type,
    Address: inputs.address,
    FriendlyName: inputs.friendlyName,
    AddressCountry: inputs.addressCountry,
    AutoCreation: autoCreationWire(inputs.autoCreation),
  };
}

/** The update body: what the update takes (not Type, Address or AddressCountry), as declared. */
export function updateBody(inputs: AddressConfigurationInputs): Record<string, FormValue> {
  return { FriendlyName: inputs.friendlyName, AutoCreation: autoCreationWire(inputs.autoCreation) };
}

/** `GET /v1/Configuration/Addresses`, every page (Twilio pages them by 50 at most). */
export async function listAddressConfigurations(
  client: TwilioClient,
  action: string,
  onPage?: (itemsSoFar: number) => void,
): Promise<LiveAddressConfiguration[]> {
  // No `Type` filter: the spec documents it for whatsapp and sms only, and an account has few of these.
  const items = await listAllV1(client, ADDRESSES, "address_configurations", { pageSize: 50, action, onPage });
  return items.map((item) => fromWire(parseResponse(addressWire, item, action)));
}

/** The account's configurations of this address and type (Twilio keeps one per address and type). */
export async function findAddressConfigurations(
  client: TwilioClient,
  type: string,
  address: string,
  action: string,
): Promise<LiveAddressConfiguration[]> {
  return (await listAddressConfigurations(client, action)).filter((a) => a.type === type && a.address === address);
}

/** How to look for a configuration, for messages that ask the user to. */
export function listHint(type: string, address: string): string {
  return (
    `list the address configurations (GET ${ADDRESSES}, or \`twilio api:conversations:v1:configuration:addresses:list\`) ` +
    `and look for ${type} address ${JSON.stringify(address)}`
  );
}

/**
 * `POST /v1/Configuration/Addresses`. Never repeated blindly (v1 has no idempotency key): when the
 * response is lost, the configuration is the account's one of this address and type created since
 * the request went out, on Twilio's clock (provider/shared/lost-response.ts).
 */
export async function createAddressConfiguration(
  client: TwilioClient,
  inputs: AddressConfigurationInputs,
  action: string,
): Promise<LiveAddressConfiguration> {
  return createFindingLostResponse({
    lost: { action, what: "an address configuration", howToFind: listHint(inputs.type, inputs.address) },
    send: async () => {
      const res = await client.request({ method: "POST", path: ADDRESSES, form: createBody(inputs), action });
      return fromWire(parseResponse(addressWire, res.data, action));
    },
    readClock: () =>
      client.request({ method: "GET", path: ADDRESSES, query: { PageSize: 1 }, action: `${action} (reading Twilio's clock)` }),
    findSent: () =>
      findAddressConfigurations(client, inputs.type, inputs.address, `${action} (looking for the configuration the lost request made)`),
    createdAt: (a) => a.dateCreated ?? null,
    idOf: (a) => a.sid,
  });
}

/**
 * `POST /v1/Configuration/Addresses/{IG}` with every declared setting: absolute values, so the client
 * may send it again after a 5xx or a lost response, like a PUT.
 */
export async function updateAddressConfiguration(
  client: TwilioClient,
  sid: string,
  inputs: AddressConfigurationInputs,
  action: string,
): Promise<LiveAddressConfiguration> {
  const res = await client.request({ method: "POST", path: addressUrl(sid), form: updateBody(inputs), action, idempotent: true });
  return fromWire(parseResponse(addressWire, res.data, action));
}

/** `GET /v1/Configuration/Addresses/{IG}`; undefined when it is gone (404). */
export async function fetchAddressConfiguration(
  client: TwilioClient,
  sid: string,
  action: string,
): Promise<LiveAddressConfiguration | undefined> {
  return undefinedIfNotFound(async () => {
    const res = await client.request({ method: "GET", path: addressUrl(sid), action });
    return fromWire(parseResponse(addressWire, res.data, action));
  });
}

/** `DELETE /v1/Configuration/Addresses/{IG}`; one already gone counts as deleted. */
export async function deleteAddressConfiguration(client: TwilioClient, sid: string, action: string): Promise<void> {
  try {
    await client.request({ method: "DELETE", path: addressUrl(sid), action });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}
