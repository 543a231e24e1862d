/**
 * Address configurations, `/v1/Configuration/Addresses[/{Sid}]` (`IG` SIDs): an address (SMS number,
 * WhatsApp sender, ...) whose inbound messages auto-create conversations. Create 201, list, fetch,
 * update 200, delete 204; `{Sid}` is the IG SID or the address itself, as the spec says.
 *
 * Rules and their sources (codes in `api-error.ts`):
 * - `Type` and `Address` are required (400 / 20001 "Missing required parameter", as Twilio words it);
 *   `Type` is one of the spec's enum in any case (the spec's `createWhatsappCaseInsensitive` example
 *   sends `whAtsAPP`) and is stored lower case; neither changes on update (the update schema lacks them).
 * - a second configuration of the same address and type: 409 / 20409 (no dedicated code documented).
 * - `AutoCreation.Type` one of webhook/studio/default; `AutoCreation.WebhookMethod` get/post in any
 *   case (the spec's enum is lower case, its responses upper case: stored upper case), else 50055.
 * - `AutoCreation.WebhookUrl` an absolute http(s) URL, else 50054; `AutoCreation.WebhookFilters`
 *   from the spec's list, else 50365; `AutoCreation.StudioFlowSid` `FW` + 32 hex, else 50367;
 *   `AutoCreation.StudioRetryCount` 0 to 3, else 50065 (the bound RJPearson94/terraform-provider-twilio
 *   validates, resource_conversations_address_configuration_studio.go; Twilio's is UNCONFIRMED);
 *   `AutoCreation.ConversationServiceSid` `IS` + 32 hex (20001) naming a service (50050).
 * - a `webhook` auto-creation needs a webhook URL and a `studio` one a flow SID once the write is
 *   applied (400 / 20001; UNCONFIRMED: the spec marks them "for type ..." without saying required).
 * - clearing: `AutoCreation.WebhookUrl=` unsets the URL (an empty string is how Twilio's form APIs
 *   unset an optional string: RJPearson94/terraform-provider-twilio, twilio/utils/optional_helper.go,
 *   "setting this to an empty string to force the value to be unset in Twilio");
 *   `AutoCreation.WebhookFilters=` empties the list; `FriendlyName=` is ignored, as Twilio ignores it
 *   on conversations (issue 10; inference for addresses); SIDs cannot be emptied (`""` is outside the
 *   spec's pattern and `minLength: 34`).
 * Defaults on create (UNCONFIRMED, the spec gives none): auto-creation disabled, type `default`,
 * method POST (the method of the spec's examples), no filters.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";

import type { EmulatorContext } from "../context";
import type { FormFields } from "../form-body";
import { ApiError, CODES, invalid, notFound } from "./api-error";
import { formatDate } from "./dates";
import { paramsOf, queryOf, v1 } from "./handler";
import { paginate } from "./paging";
import { newSid, SID_PATTERNS } from "./sids";
import { ADDRESS_TYPES, type AddressConfigurationRecord, AUTO_CREATION_TYPES, type V1Store } from "./store";
import {
  checkEnumIgnoringCase,
  checkFilters,
  checkFriendlyName,
  checkSid,
  checkUrl,
  checkWebhookMethod,
  formOf,
  has,
  param,
  params,
  parseBoolean,
} from "./validation";
import { ADDRESS_WEBHOOK_FILTERS } from "./webhook-filters";

const LIST = "/v1/Configuration/Addresses";

/** Largest `PageSize` of this list: the spec says "The default is 50, and the maximum is 50". */
const MAX_PAGE_SIZE = 50;

function addressJson(ctx: EmulatorContext, a: AddressConfigurationRecord): Record<string, unknown> {
  const ac = a.autoCreation;
  // The spec's examples show only the settings of the auto-creation type in use.
  const autoCreation: Record<string, unknown> = { enabled: ac.enabled, type: ac.type };
  if (ac.conversationServiceSid !== null) autoCreation.conversation_service_sid = ac.conversationServiceSid;
  if (ac.type === "webhook") {
    autoCreation.webhook_url = ac.webhookUrl;
    autoCreation.webhook_method = ac.webhookMethod;
    autoCreation.webhook_filters = [...ac.webhookFilters];
  }
  if (ac.type === "studio") {
    autoCreation.studio_flow_sid = ac.studioFlowSid;
    autoCreation.studio_retry_count = ac.studioRetryCount;
  }
  return {
    account_sid: ctx.accountSid,
    sid: a.sid,
    address: a.address,
    type: a.type,
    friendly_name: a.friendlyName,
    address_country: a.addressCountry,
    auto_creation: autoCreation,
    date_created: formatDate(a.dateCreated),
    date_updated: formatDate(a.dateUpdated),
    url: `${ctx.origin()}${LIST}/${a.sid}`,
  };
}

function required(form: FormFields, key: string): string {
  const value = param(form, key);
  if (value === undefined || value === "") throw invalid(`Missing required parameter ${key} in the post body`);
  return value;
}

/** Applies the `AutoCreation.*` and `FriendlyName` parameters to `next` (create and update share them). */
function applySettings(store: V1Store, form: FormFields, next: AddressConfigurationRecord): void {
  const ac = next.autoCreation;
  const friendlyName = param(form, "FriendlyName");
  if (friendlyName !== undefined && friendlyName !== "") next.friendlyName = checkFriendlyName(friendlyName, 256);

  const enabled = param(form, "AutoCreation.Enabled");
  if (enabled !== undefined) ac.enabled = parseBoolean("AutoCreation.Enabled", enabled);
  const type = param(form, "AutoCreation.Type");
  if (type !== undefined) ac.type = checkEnumIgnoringCase("AutoCreation.Type", type, AUTO_CREATION_TYPES);

  const service = param(form, "AutoCreation.ConversationServiceSid");
  if (service !== undefined) {
    checkSid("AutoCreation.ConversationServiceSid", service, SID_PATTERNS.IS);
    if (!store.services.has(service)) {
      throw new ApiError(400, CODES.serviceNotFound, `AutoCreation.ConversationServiceSid: service ${service} does not exist`);
    }
    ac.conversationServiceSid = service;
  }

  const url = param(form, "AutoCreation.WebhookUrl");
  if (url !== undefined) ac.webhookUrl = url === "" ? null : checkUrl("AutoCreation.WebhookUrl", url, CODES.invalidWebhookFormat);
  const method = param(form, "AutoCreation.WebhookMethod");
  if (method !== undefined) ac.webhookMethod = checkWebhookMethod("AutoCreation.WebhookMethod", method);
  if (has(form, "AutoCreation.WebhookFilters")) {
    ac.webhookFilters = checkFilters("AutoCreation.WebhookFilters", params(form, "AutoCreation.WebhookFilters"), ADDRESS_WEBHOOK_FILTERS);
  }

  const flow = param(form, "AutoCreation.StudioFlowSid");
  if (flow !== undefined) {
    if (!SID_PATTERNS.FW.test(flow)) {
      throw new ApiError(
        400,
        CODES.invalidFlowSid,
        `Invalid AutoCreation.StudioFlowSid: ${JSON.stringify(flow)} is not a Studio flow SID (FW + 32 hex)`,
      );
    }
    ac.studioFlowSid = flow;
  }
  const retries = param(form, "AutoCreation.StudioRetryCount");
  if (retries !== undefined) {
    if (!/^\d+$/.test(retries) || Number(retries) > 3) {
      throw new ApiError(
        400,
        CODES.invalidWebhookRetryCount,
        `Invalid AutoCreation.StudioRetryCount: ${JSON.stringify(retries)} is not an integer from 0 to 3`,
      );
    }
    ac.studioRetryCount = Number(retries);
  }

  if (ac.type === "webhook" && ac.webhookUrl === null) {
    throw invalid("Missing required parameter AutoCreation.WebhookUrl: a webhook auto-creation needs a URL");
  }
  if (ac.type === "studio" && ac.studioFlowSid === null) {
    throw invalid("Missing required parameter AutoCreation.StudioFlowSid: a studio auto-creation needs a flow");
  }
}

function checkUnique(store: V1Store, candidate: AddressConfigurationRecord): void {
  for (const other of store.addressConfigurations.values()) {
    if (other.sid !== candidate.sid && other.type === candidate.type && other.address === candidate.address) {
      throw new ApiError(
        409,
        CODES.conflict,
        `An address configuration for ${candidate.type} address ${JSON.stringify(candidate.address)} already exists (${other.sid})`,
      );
    }
  }
}

export function registerAddressRoutes(app: FastifyInstance, ctx: EmulatorContext, store: V1Store): void {
  /** The configuration named by `{Sid}`: its IG SID or its address. */
  const find = (req: FastifyRequest): AddressConfigurationRecord => {
    const id = paramsOf(req).Sid;
    const found = SID_PATTERNS.IG.test(id)
      ? store.addressConfigurations.get(id)
      : [...store.addressConfigurations.values()].find((a) => a.address === id);
    if (!found) throw notFound(req.url);
    return found;
  };

  app.post(
    LIST,
    v1((req) => {
      const form = formOf(req.body);
      const type = checkEnumIgnoringCase("Type", required(form, "Type"), ADDRESS_TYPES);
      const address = required(form, "Address");
      const country = param(form, "AddressCountry");
      if (country !== undefined && country !== "" && !/^[A-Za-z]{2}$/.test(country)) {
        throw invalid(`Invalid AddressCountry: ${JSON.stringify(country)} is not an ISO 3166-1 alpha-2 country code`);
      }
      const at = store.timestamp();
      const created: AddressConfigurationRecord = {
        seq: 0,
        sid: newSid("IG"),
        type,
        address,
        friendlyName: null,
        addressCountry: country ? country.toUpperCase() : null,
        autoCreation: {
          enabled: false,
          type: "default",
          conversationServiceSid: null,
          webhookUrl: null,
          webhookMethod: "POST",
          webhookFilters: [],
          studioFlowSid: null,
          studioRetryCount: null,
        },
        dateCreated: at,
        dateUpdated: at,
      };
      applySettings(store, form, created);
      checkUnique(store, created);
      created.seq = store.nextSeq();
      store.addressConfigurations.set(created.sid, created);
      return { status: 201, body: addressJson(ctx, created) };
    }),
  );

  app.get(
    LIST,
    v1((req) => {
      const query = queryOf(req);
      const typeRaw = query.Type === undefined || query.Type === "" ? undefined : String(query.Type);
      const type = typeRaw === undefined ? undefined : checkEnumIgnoringCase("Type", typeRaw, ADDRESS_TYPES);
      const page = paginate(
        [...store.addressConfigurations.values()].filter((a) => !type || a.type === type),
        { listUrl: `${ctx.origin()}${LIST}`, key: "address_configurations", query, carry: { Type: type }, maxPageSize: MAX_PAGE_SIZE },
      );
      return { status: 200, body: { address_configurations: page.items.map((a) => addressJson(ctx, a)), meta: page.meta } };
    }),
  );

  app.get(
    `${LIST}/:Sid`,
    v1((req) => ({ status: 200, body: addressJson(ctx, find(req)) })),
  );

  app.post(
    `${LIST}/:Sid`,
    v1((req) => {
      const existing = find(req);
      // Checked on a copy: a 400 leaves the configuration as it was.
      const next: AddressConfigurationRecord = {
        ...existing,
        autoCreation: { ...existing.autoCreation, webhookFilters: [...existing.autoCreation.webhookFilters] },
      };
      applySettings(store, formOf(req.body), next);
      next.dateUpdated = store.timestamp();
      store.addressConfigurations.set(next.sid, next);
      return { status: 200, body: addressJson(ctx, next) };
    }),
  );

  app.delete(
    `${LIST}/:Sid`,
    v1((req) => {
      store.addressConfigurations.delete(find(req).sid);
      return { status: 204 };
    }),
  );
}
