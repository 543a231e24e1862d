/**
 * The wire side of GlobalWebhookConfiguration: `GET|POST /v1/Configuration/Webhooks`. The only
 * place that knows its URL and its own field (`Target`); the fields the account and each service
 * share are read and written by provider/shared/webhooks.ts.
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import { type FieldValues, type LiveSingleton, settableOnWire, type Writes } from "../../provider/shared/singleton";
import { sharedWebhookToWire, sharedWebhookValues, webhookResponseFields } from "../../provider/shared/webhooks";
import type { WebhookTarget } from "./resource";
import type { GlobalWebhookConfigurationFields } from "./schema";

const PATH = "/v1/Configuration/Webhooks";

const responseSchema = z.looseObject({ ...webhookResponseFields, target: z.string().nullish() });

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
