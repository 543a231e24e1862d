/**
 * The wire side of GlobalWebhookConfiguration: `GET|POST /v1/Configuration/Webhooks`. The only
 * place that knows its URL and field names, and the webhook fields the account and each service
 * share (service-webhook-configuration/api.ts reads and writes those through here).
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import { type FieldValues, type LiveSingleton, settableOnWire, type Writes } from "../../provider/shared/singleton";
import type { WebhookTarget } from "./resource";
import type { GlobalWebhookConfigurationFields } from "./schema";

const PATH = "/v1/Configuration/Webhooks";

/** The webhook fields of a response (account and service alike); everything is nullable, extra fields are ignored. */
export const webhookResponseFields = {
  account_sid: z.string().nullish(),
  method: z.string().nullish(),
  filters: z.array(z.string()).nullish(),
  pre_webhook_url: z.string().nullish(),
  post_webhook_url: z.string().nullish(),
  url: z.string().nullish(),
};

const responseSchema = z.looseObject({ ...webhookResponseFields, target: z.string().nullish() });

/** The settings the account's and a service's webhooks share. */
export interface SharedWebhookFields {
  method?: string;
  filters?: string[];
  preWebhookUrl?: string;
  postWebhookUrl?: string;
}

/**
 * The shared fields as the provider holds them: the method in capitals (the spec's enums), and an
 * empty filter list as `null` (no filters: a fresh account reports `[]`, a fresh service `null`).
 */
export function sharedWebhookValues(body: z.output<z.ZodObject<typeof webhookResponseFields>>): FieldValues<SharedWebhookFields> {
  return {
    method: body.method ? body.method.toUpperCase() : null,
    filters: body.filters && body.filters.length > 0 ? body.filters : null,
    preWebhookUrl: body.pre_webhook_url || null,
    postWebhookUrl: body.post_webhook_url || null,
  };
}

/**
 * The form body of the shared fields; fields not given are not sent. None of them is ever sent
 * empty: Twilio has no documented way to unset them (twilio-facts.ts `CANNOT_UNSET_WEBHOOK`).
 */
export function sharedWebhookToWire(writes: Writes<SharedWebhookFields>): Record<string, string | string[] | undefined> {
  return {
    Method: settableOnWire("Method", writes.method),
    Filters: settableOnWire("Filters", writes.filters),
    PreWebhookUrl: settableOnWire("PreWebhookUrl", writes.preWebhookUrl),
    PostWebhookUrl: settableOnWire("PostWebhookUrl", writes.postWebhookUrl),
  };
}

function fromWire(client: TwilioClient, data: unknown, action: string): LiveSingleton<GlobalWebhookConfigurationFields> {
  const body = parseResponse(responseSchema, data, action);
  const values: FieldValues<GlobalWebhookConfigurationFields> = {
    ...(sharedWebhookValues(body) as FieldValues<Omit<GlobalWebhookConfigurationFields, "target">>),
    // A target outside the spec's enum is kept as Twilio reports it, so it shows as drift.
    target: (body.target as WebhookTarget | null | undefined) ?? null,
  };
  return { values, accountSid: body.account_sid ?? client.accountSid, url: body.url ?? null };
}

/** The form body for a write; fields not given are not sent. */
export function toWire(writes: Writes<GlobalWebhookConfigurationFields>): Record<string, string | string[] | undefined> {
  return { ...sharedWebhookToWire(writes), Target: settableOnWire("Target", writes.target) };
}

/** The account's webhook settings; undefined on a 404 (which an account's settings never give). */
export async function fetchGlobalWebhookConfiguration(
  client: TwilioClient,
  action: string,
): Promise<LiveSingleton<GlobalWebhookConfigurationFields> | undefined> {
  return undefinedIfNotFound(async () => {
    const response = await client.request({ method: "GET", path: PATH, action });
    return fromWire(client, response.data, action);
  });
}

/** Writes the given fields; returns the settings after the write. */
export async function writeGlobalWebhookConfiguration(
  client: TwilioClient,
  writes: Writes<GlobalWebhookConfigurationFields>,
  action: string,
): Promise<LiveSingleton<GlobalWebhookConfigurationFields> | undefined> {
  return undefinedIfNotFound(async () => {
    // Sets absolute values: repeating it after a lost response or a 5xx is harmless.
    const response = await client.request({ method: "POST", path: PATH, form: toWire(writes), action, idempotent: true });
    return fromWire(client, response.data, action);
  });
}
