/**
 * The wire side of ServiceNotificationConfiguration:
 * `GET|POST /v1/Services/{ChatServiceSid}/Configuration/Notifications`. The only place that knows
 * its URL and field names: a leaf `newMessage.withMedia.template` is `NewMessage.WithMedia.Template`
 * in a request and `new_message.with_media.template` in a response (the official v1 spec).
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { pathSegment } from "../../provider/http/paths";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import { type LiveSingleton, settableOnWire, type Writes } from "../../provider/shared/singleton";
import { CLEAR_NOTIFICATION_TEXT } from "../../provider/shared/twilio-facts";
import { LEAVES, type ServiceNotificationFields, type ServiceNotificationFlatValues } from "./schema";

const pathOf = (chatServiceSid: string) => `/v1/Services/${pathSegment(chatServiceSid)}/Configuration/Notifications`;

/** The fields we use from Twilio's response; everything is nullable, extra fields are ignored. */
const settings = { enabled: z.boolean().nullish(), template: z.string().nullish(), sound: z.string().nullish() };
const responseSchema = z.looseObject({
  account_sid: z.string().nullish(),
  chat_service_sid: z.string().nullish(),
  log_enabled: z.boolean().nullish(),
  new_message: z
    .looseObject({
      ...settings,
      badge_count_enabled: z.boolean().nullish(),
      with_media: z.looseObject({ enabled: z.boolean().nullish(), template: z.string().nullish() }).nullish(),
    })
    .nullish(),
  added_to_conversation: z.looseObject(settings).nullish(),
  removed_from_conversation: z.looseObject(settings).nullish(),
  url: z.string().nullish(),
});

/** `newMessage.withMedia` -> `NewMessage.WithMedia` (request) or `new_message.with_media` (response). */
const requestKey = (path: string) => path.replace(/(^|\.)([a-z])/g, (_m, dot: string, c: string) => dot + c.toUpperCase());
const responsePath = (path: string) => path.split(".").map((part) => part.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

/** A service's push settings as read from Twilio, with the service SID it reported. */
export interface LiveServiceNotificationConfiguration extends LiveSingleton<ServiceNotificationFields> {
  chatServiceSid: string;
}

function fromWire(client: TwilioClient, chatServiceSid: string, data: unknown, action: string): LiveServiceNotificationConfiguration {
  const body = parseResponse(responseSchema, data, action);
  const values: Record<string, unknown> = {};
  for (const [path] of LEAVES) {
    let value: unknown = body;
    for (const part of responsePath(path))
      value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[part];
    // An empty template or sound is no template or sound (Twilio's default applies).
    values[path] = value === undefined || value === "" ? null : value;
  }
  return {
    values: values as ServiceNotificationFlatValues,
    accountSid: body.account_sid ?? client.accountSid,
    url: body.url ?? null,
    chatServiceSid: body.chat_service_sid ?? chatServiceSid,
  };
}

/**
 * The form body for a write, under Twilio's dotted keys; leaves not given are not sent. A template
 * or sound's `null` is sent as `""` (twilio-facts.ts `CLEAR_NOTIFICATION_TEXT`); a flag is never
 * cleared (its "no value" is written as `false`, or it is left as it is).
 */
export function toWire(writes: Writes<ServiceNotificationFields>): Record<string, string | boolean | undefined> {
  const body: Record<string, string | boolean | undefined> = {};
  for (const [path, type] of LEAVES) {
    const value = writes[path];
    if (value === undefined) continue;
    body[requestKey(path)] = type === "text" && value === null ? CLEAR_NOTIFICATION_TEXT : settableOnWire(requestKey(path), value);
  }
  return body;
}

/** The service's push settings; undefined when the service does not exist (404). */
export async function fetchServiceNotificationConfiguration(
  client: TwilioClient,
  chatServiceSid: string,
  action: string,
): Promise<LiveServiceNotificationConfiguration | undefined> {
  return undefinedIfNotFound(async () => {
    const response = await client.request({ method: "GET", path: pathOf(chatServiceSid), action });
    return fromWire(client, chatServiceSid, response.data, action);
  });
}

/** Writes the given leaves; returns the settings after the write, undefined when the service does not exist. */
export async function writeServiceNotificationConfiguration(
  client: TwilioClient,
  chatServiceSid: string,
  writes: Writes<ServiceNotificationFields>,
  action: string,
): Promise<LiveServiceNotificationConfiguration | undefined> {
  return undefinedIfNotFound(async () => {
    // Sets absolute values: repeating it after a lost response or a 5xx is harmless.
    const response = await client.request({ method: "POST", path: pathOf(chatServiceSid), form: toWire(writes), action, idempotent: true });
    return fromWire(client, chatServiceSid, response.data, action);
  });
}
