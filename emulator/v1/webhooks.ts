/**
 * The webhook singletons: the account's `/v1/Configuration/Webhooks` and each service's
 * `/v1/Services/{IS}/Configuration/Webhooks`. Read with GET, changed with POST, never created or
 * deleted (a service's settings come and go with the service).
 *
 * Rules and their sources (codes in `api-error.ts`):
 * - `Method` GET or POST in any case, stored upper case as the spec's enums write it, else 50055;
 * - `PreWebhookUrl` / `PostWebhookUrl` absolute http(s) URLs, else 50077 / 50078; an empty value
 *   unsets the URL (RJPearson94/terraform-provider-twilio sends `""` to unset an optional string,
 *   twilio/utils/optional_helper.go; its webhook resource does so for these URLs);
 * - `Filters` repeated (`Filters=a&Filters=b`, as twilio-node sends arrays), each from the spec's
 *   list for the endpoint, else 50365; a lone `Filters=` empties the list;
 * - `Target` (account only) `webhook` or `flex`, the spec's enum, else 20001.
 */
import type { FastifyInstance } from "fastify";

import type { EmulatorContext } from "../context";
import type { FormFields } from "../form-body";
import { CODES } from "./api-error";
import { paramsOf, v1 } from "./handler";
import { requireService } from "./services";
import type { AccountWebhooks, ServiceRecord, ServiceWebhooks, V1Store } from "./store";
import { checkEnum, checkFilters, checkUrl, checkWebhookMethod, formOf, has, param, params } from "./validation";
import { ACCOUNT_WEBHOOK_FILTERS, SERVICE_WEBHOOK_FILTERS } from "./webhook-filters";

const TARGETS: readonly AccountWebhooks["target"][] = ["webhook", "flex"];

/** The settings account and service webhooks share, read from a form onto a copy. */
function applyShared<T extends Pick<ServiceWebhooks, "preWebhookUrl" | "postWebhookUrl"> & { method: unknown; filters: unknown }>(
  form: FormFields,
  next: T,
  allowedFilters: readonly string[],
): void {
  const method = param(form, "Method");
  if (method !== undefined) next.method = checkWebhookMethod("Method", method);
  if (has(form, "Filters")) next.filters = checkFilters("Filters", params(form, "Filters"), allowedFilters);
  const pre = param(form, "PreWebhookUrl");
  if (pre !== undefined) next.preWebhookUrl = pre === "" ? null : checkUrl("PreWebhookUrl", pre, CODES.invalidPreWebhookUrl);
  const post = param(form, "PostWebhookUrl");
  if (post !== undefined) next.postWebhookUrl = post === "" ? null : checkUrl("PostWebhookUrl", post, CODES.invalidPostWebhookUrl);
}

function accountWebhooksJson(ctx: EmulatorContext, w: AccountWebhooks): Record<string, unknown> {
  return {
    account_sid: ctx.accountSid,
    method: w.method,
    filters: [...w.filters],
    pre_webhook_url: w.preWebhookUrl,
    post_webhook_url: w.postWebhookUrl,
    target: w.target,
    url: `${ctx.origin()}/v1/Configuration/Webhooks`,
  };
}

function serviceWebhooksJson(ctx: EmulatorContext, s: ServiceRecord): Record<string, unknown> {
  const w = s.webhooks;
  return {
    account_sid: ctx.accountSid,
    chat_service_sid: s.sid,
    pre_webhook_url: w.preWebhookUrl,
    post_webhook_url: w.postWebhookUrl,
    filters: w.filters === null ? null : [...w.filters],
    method: w.method,
    url: `${ctx.origin()}/v1/Services/${s.sid}/Configuration/Webhooks`,
  };
}

export function registerWebhookRoutes(app: FastifyInstance, ctx: EmulatorContext, store: V1Store): void {
  app.get(
    "/v1/Configuration/Webhooks",
    v1(() => ({ status: 200, body: accountWebhooksJson(ctx, store.accountWebhooks) })),
  );

  app.post(
    "/v1/Configuration/Webhooks",
    v1((req) => {
      const form = formOf(req.body);
      // Everything is checked on a copy: a 400 leaves the settings as they were.
      const next: AccountWebhooks = { ...store.accountWebhooks, filters: [...store.accountWebhooks.filters] };
      applyShared(form, next, ACCOUNT_WEBHOOK_FILTERS);
      const target = param(form, "Target");
      if (target !== undefined) next.target = checkEnum("Target", target, TARGETS);
      store.accountWebhooks = next;
      return { status: 200, body: accountWebhooksJson(ctx, next) };
    }),
  );

  const servicePath = "/v1/Services/:ChatServiceSid/Configuration/Webhooks";
  app.get(
    servicePath,
    v1((req) => ({ status: 200, body: serviceWebhooksJson(ctx, requireService(store, paramsOf(req).ChatServiceSid, req.url)) })),
  );

  app.post(
    servicePath,
    v1((req) => {
      const service = requireService(store, paramsOf(req).ChatServiceSid, req.url);
      const next: ServiceWebhooks = { ...service.webhooks, filters: service.webhooks.filters && [...service.webhooks.filters] };
      applyShared(formOf(req.body), next, SERVICE_WEBHOOK_FILTERS);
      service.webhooks = next;
      return { status: 200, body: serviceWebhooksJson(ctx, service) };
    }),
  );
}
