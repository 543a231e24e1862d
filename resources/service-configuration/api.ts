/**
 * The wire side of ServiceConfiguration: `GET|POST /v1/Services/{ChatServiceSid}/Configuration`.
 * The only place that knows its URL and field names.
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { pathSegment } from "../../provider/http/paths";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import { type LiveSingleton, settableOnWire, type Writes } from "../../provider/shared/singleton";
import type { ServiceConfigurationFields, ServiceConfigurationValues } from "./schema";

const pathOf = (chatServiceSid: string) => `/v1/Services/${pathSegment(chatServiceSid)}/Configuration`;

/** The fields we use from Twilio's response; everything is nullable, extra fields are ignored. */
const responseSchema = z.looseObject({
  chat_service_sid: z.string().nullish(),
  default_conversation_creator_role_sid: z.string().nullish(),
  default_conversation_role_sid: z.string().nullish(),
  default_chat_service_role_sid: z.string().nullish(),
  reachability_enabled: z.boolean().nullish(),
  url: z.string().nullish(),
});

/** A service's configuration as read from Twilio, with the service SID it reported. */
export interface LiveServiceConfiguration extends LiveSingleton<ServiceConfigurationFields> {
  chatServiceSid: string;
}

function fromWire(client: TwilioClient, chatServiceSid: string, data: unknown, action: string): LiveServiceConfiguration {
  const body = parseResponse(responseSchema, data, action);
  const values: ServiceConfigurationValues = {
    defaultConversationCreatorRoleSid: body.default_conversation_creator_role_sid ?? null,
    defaultConversationRoleSid: body.default_conversation_role_sid ?? null,
    defaultChatServiceRoleSid: body.default_chat_service_role_sid ?? null,
    reachabilityEnabled: body.reachability_enabled ?? null,
  };
  // The response has no account_sid: the service is in the account of the credentials.
  return { values, accountSid: client.accountSid, url: body.url ?? null, chatServiceSid: body.chat_service_sid ?? chatServiceSid };
}

/**
 * The form body for a write; fields not given are not sent. Nothing here is ever cleared: the role
 * SIDs cannot be emptied on Twilio, and "no value" for reachability is written as its documented
 * default, `false` (provider.ts, twilio-facts.ts).
 */
export function toWire(writes: Writes<ServiceConfigurationFields>): Record<string, string | boolean | undefined> {
  return {
    DefaultConversationCreatorRoleSid: settableOnWire("DefaultConversationCreatorRoleSid", writes.defaultConversationCreatorRoleSid),
    DefaultConversationRoleSid: settableOnWire("DefaultConversationRoleSid", writes.defaultConversationRoleSid),
    DefaultChatServiceRoleSid: settableOnWire("DefaultChatServiceRoleSid", writes.defaultChatServiceRoleSid),
    ReachabilityEnabled: settableOnWire("ReachabilityEnabled", writes.reachabilityEnabled),
  };
}

/** The service's configuration; undefined when the service does not exist (404). */
export async function fetchServiceConfiguration(
  client: TwilioClient,
  chatServiceSid: string,
  action: string,
): Promise<LiveServiceConfiguration | undefined> {
  return undefinedIfNotFound(async () => {
    const response = await client.request({ method: "GET", path: pathOf(chatServiceSid), action });
    return fromWire(client, chatServiceSid, response.data, action);
  });
}

/** Writes the given fields; returns the configuration after the write, undefined when the service does not exist. */
export async function writeServiceConfiguration(
  client: TwilioClient,
  chatServiceSid: string,
  writes: Writes<ServiceConfigurationFields>,
  action: string,
): Promise<LiveServiceConfiguration | undefined> {
  return undefinedIfNotFound(async () => {
    // Sets absolute values: repeating it after a lost response or a 5xx is harmless.
    const response = await client.request({ method: "POST", path: pathOf(chatServiceSid), form: toWire(writes), action, idempotent: true });
    return fromWire(client, chatServiceSid, response.data, action);
  });
}
