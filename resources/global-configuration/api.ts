/**
 * The wire side of GlobalConfiguration: `GET|POST /v1/Configuration`. The only place that knows
 * its URL and field names.
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import { type LiveSingleton, settableOnWire, timerOnWire, type Writes } from "../../provider/shared/singleton";
import type { GlobalConfigurationFields, GlobalConfigurationValues } from "./schema";

const PATH = "/v1/Configuration";

/** The fields we use from Twilio's response; everything is nullable, extra fields are ignored. */
const responseSchema = z.looseObject({
  account_sid: z.string().nullish(),
  default_chat_service_sid: z.string().nullish(),
  default_messaging_service_sid: z.string().nullish(),
  default_inactive_timer: z.string().nullish(),
  default_closed_timer: z.string().nullish(),
  url: z.string().nullish(),
});

function fromWire(client: TwilioClient, data: unknown, action: string): LiveSingleton<GlobalConfigurationFields> {
  const body = parseResponse(responseSchema, data, action);
  const values: GlobalConfigurationValues = {
    defaultChatServiceSid: body.default_chat_service_sid ?? null,
    defaultMessagingServiceSid: body.default_messaging_service_sid ?? null,
    defaultInactiveTimer: body.default_inactive_timer ?? null,
    defaultClosedTimer: body.default_closed_timer ?? null,
  };
  return { values, accountSid: body.account_sid ?? client.accountSid, url: body.url ?? null };
}

/**
 * The form body for a write; fields not given are not sent. A timer's `null` is sent as `PT0S`
 * (twilio-facts.ts `CLEAR_TIMER`); the SIDs are never cleared (Twilio cannot empty them).
 */
export function toWire(writes: Writes<GlobalConfigurationFields>): Record<string, string | undefined> {
  return {
    DefaultChatServiceSid: settableOnWire("DefaultChatServiceSid", writes.defaultChatServiceSid),
    DefaultMessagingServiceSid: settableOnWire("DefaultMessagingServiceSid", writes.defaultMessagingServiceSid),
    DefaultInactiveTimer: timerOnWire(writes.defaultInactiveTimer),
    DefaultClosedTimer: timerOnWire(writes.defaultClosedTimer),
  };
}

/** The account's configuration; undefined on a 404 (which an account's configuration never gives). */
export async function fetchGlobalConfiguration(
  client: TwilioClient,
  action: string,
): Promise<LiveSingleton<GlobalConfigurationFields> | undefined> {
  return undefinedIfNotFound(async () => {
    const response = await client.request({ method: "GET", path: PATH, action });
    return fromWire(client, response.data, action);
  });
}

/** Writes the given fields; returns the configuration after the write. */
export async function writeGlobalConfiguration(
  client: TwilioClient,
  writes: Writes<GlobalConfigurationFields>,
  action: string,
): Promise<LiveSingleton<GlobalConfigurationFields> | undefined> {
  return undefinedIfNotFound(async () => {
    // Sets absolute values: repeating it after a lost response or a 5xx is harmless.
    const response = await client.request({ method: "POST", path: PATH, form: toWire(writes), action, idempotent: true });
    return fromWire(client, response.data, action);
  });
}
