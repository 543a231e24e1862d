/**
 * The wire side of ServiceWebhookConfiguration: `GET|POST /v1/Services/{ChatServiceSid}/Configuration/Webhooks`.
 * The only place that knows its URL; the fields it shares with the account's webhooks are read and
 * written by provider/shared/webhooks.ts.
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { pathSegment } from "../../provider/http/paths";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import type { FieldValues, LiveSingleton, Writes } from "../../provider/shared/singleton";
import { sharedWebhookToWire, sharedWebhookValues, webhookResponseFields } from "../../provider/shared/webhooks";
import type { ServiceWebhookConfigurationFields } from "./schema";

const pathOf = (chatServiceSid: string) => `/v1/Services/${pathSegment(chatServiceSid)}/Configuration/Webhooks`;

const responseSchema = z.looseObject({ ...webhookResponseFields, chat_service_sid: z.string().nullish() });

/** A service's webhook settings as read from Twilio, with the service SID it reported. */
export interface LiveServiceWebhookConfiguration extends LiveSingleton<ServiceWebhookConfigurationFields> {
  chatServiceSid: string;
}

function fromWire(client: TwilioClient, chatServiceSid: string, data: unknown, action: string): LiveServiceWebhookConfiguration {
  const body = parseResponse(responseSchema, data, action);
  return {
    values: sharedWebhookValues(body) as FieldValues<ServiceWebhookConfigurationFields>,
    accountSid: body.account_sid ?? client.accountSid,
    url: body.url ?? null,
    chatServiceSid: body.chat_service_sid ?? chatServiceSid,
  };
}

/** The form body for a write; fields not given are not sent, and none is ever sent empty. */
export function toWire(writes: Writes<ServiceWebhookConfigurationFields>): Record<string, string | string[] | undefined> {
  return sharedWebhookToWire(writes);
}

/** The service's webhook settings; undefined when the service does not exist (404). */
export async function fetchServiceWebhookConfiguration(
  client: TwilioClient,
  chatServiceSid: string,
  action: string,
): Promise<LiveServiceWebhookConfiguration | undefined> {
  return undefinedIfNotFound(async () => {
    const response = await client.request({ method: "GET", path: pathOf(chatServiceSid), action });
    return fromWire(client, chatServiceSid, response.data, action);
  });
}

/** Writes the given fields; returns the settings after the write, undefined when the service does not exist. */
export async function writeServiceWebhookConfiguration(
  client: TwilioClient,
  chatServiceSid: string,
  writes: Writes<ServiceWebhookConfigurationFields>,
  action: string,
): Promise<LiveServiceWebhookConfiguration | undefined> {
  return undefinedIfNotFound(async () => {
    // Sets absolute values: repeating it after a lost response or a 5xx is harmless.
    const response = await client.request({ method: "POST", path: pathOf(chatServiceSid), form: toWire(writes), action, idempotent: true });
    return fromWire(client, chatServiceSid, response.data, action);
  });
}
