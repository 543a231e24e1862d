/**
 * The Conversations v1 wire: the only place that knows the URLs and field names of a conversation
 * (`/v1/Conversations`, `/v1/Services/{IS}/Conversations`, `FriendlyName`, `Timers.Inactive`...).
 * Everything above this module speaks {@link ConversationWrite} and {@link LiveConversation}.
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { isNotFound, TwilioApiError } from "../../provider/http/errors";
import type { FormValue } from "../../provider/http/form";
import { pathSegment } from "../../provider/http/paths";
import { canonicalJson } from "../../provider/shared/fields";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import { CLEAR_TIMER, CLEAR_UNIQUE_NAME, RESET_ATTRIBUTES } from "../../provider/shared/twilio-facts";
import type { ConversationState } from "./schema";

/** Twilio's code for "a conversation with this unique name already exists". */
export const CODE_UNIQUE_NAME_TAKEN = 50353;
/** Twilio's code for "the conversation is closed and cannot be updated". */
export const CODE_CONVERSATION_CLOSED = 50377;

/**
 * A change to send. `null` means "clear it" (only for what Twilio can clear); a missing key means
 * "leave it as it is". How each is cleared on the wire is one of Twilio's facts, kept in
 * provider/shared/twilio-facts.ts.
 */
export interface ConversationWrite {
  uniqueName?: string | null;
  /** Never `null`: Twilio cannot clear a friendly name. */
  friendlyName?: string;
  /** JSON text. */
  attributes?: string | null;
  messagingServiceSid?: string;
  state?: ConversationState;
  timers?: { inactive?: string | null; closed?: string | null };
  /** Never `null`: Twilio documents no way to clear an email binding. */
  bindings?: { email?: { address?: string; name?: string } };
}

/** A conversation as Twilio reports it, in the provider's terms (absent rather than null). */
export interface LiveConversation {
  sid: string;
  accountSid: string;
  chatServiceSid: string;
  messagingServiceSid?: string;
  friendlyName?: string;
  uniqueName?: string;
  /** Canonical JSON text (see `canonicalJson`), `"{}"` when unset. */
  attributes: string;
  state: ConversationState;
  dateCreated?: string;
  dateUpdated?: string;
  /** Absolute times the timers fire. */
  dateInactive?: string;
  dateClosed?: string;
  url?: string;
}

/** Where a conversation lives: a named service, or the account's default one (undefined). */
export type ServiceScope = string | undefined;

/** Options every write takes. */
export interface WriteOptions {
  /** Sent as `X-Twilio-Webhook-Enabled` when set. */
  webhooksEnabled?: boolean;
  /** `creating Conversation "support"`: names the resource in every error. */
  action: string;
}

// Only the fields the provider uses; whatever else Twilio adds is ignored.
const nullableString = z.string().nullish();
const conversationResponse = z.object({
  sid: z.string(),
  account_sid: z.string(),
  chat_service_sid: z.string(),
  messaging_service_sid: nullableString,
  friendly_name: nullableString,
  unique_name: nullableString,
  attributes: nullableString,
  state: z.enum(["initializing", "inactive", "active", "closed"]),
  date_created: nullableString,
  date_updated: nullableString,
  timers: z.object({ date_inactive: nullableString, date_closed: nullableString }).nullish(),
  url: nullableString,
});

function listPath(service: ServiceScope): string {
  return service ? `/v1/Services/${pathSegment(service)}/Conversations` : "/v1/Conversations";
}

/** `{Sid}` may be the CH SID or the unique name (encoded: a unique name may hold `/` or `?`). */
function itemPath(service: ServiceScope, sidOrUniqueName: string): string {
  return `${listPath(service)}/${pathSegment(sidOrUniqueName)}`;
}

function headers(options: WriteOptions): Record<string, string> | undefined {
  return options.webhooksEnabled === undefined ? undefined : { "X-Twilio-Webhook-Enabled": String(options.webhooksEnabled) };
}

const orCleared = <T extends string>(value: T | null | undefined, cleared: string): FormValue => (value === null ? cleared : value);

/**
 * The form body for a write: PascalCase keys, nested fields as dotted keys (form.ts flattens them).
 * A clear is sent as Twilio documents it: `UniqueName=` (empty), `Attributes={}`, `Timers.*=PT0S`.
 */
export function toWire(write: ConversationWrite): Record<string, FormValue> {
  const email = write.bindings?.email;
  return {
    FriendlyName: write.friendlyName,
    UniqueName: orCleared(write.uniqueName, CLEAR_UNIQUE_NAME),
    MessagingServiceSid: write.messagingServiceSid,
    Attributes: orCleared(write.attributes, RESET_ATTRIBUTES),
    State: write.state,
    Timers: write.timers && {
      Inactive: orCleared(write.timers.inactive, CLEAR_TIMER),
      Closed: orCleared(write.timers.closed, CLEAR_TIMER),
    },
    Bindings: email && { Email: { Address: email.address, Name: email.name } },
  };
}

/** The live conversation from a response body. */
export function fromWire(data: unknown, action: string): LiveConversation {
  const c = parseResponse(conversationResponse, data, action);
  const text = (v: string | null | undefined) => (v === null || v === undefined || v === "" ? undefined : v);
  return {
    sid: c.sid,
    accountSid: c.account_sid,
    chatServiceSid: c.chat_service_sid,
    messagingServiceSid: text(c.messaging_service_sid),
    friendlyName: text(c.friendly_name),
    uniqueName: text(c.unique_name),
    attributes: canonicalAttributes(c.attributes),
    state: c.state,
    dateCreated: text(c.date_created),
    dateUpdated: text(c.date_updated),
    dateInactive: text(c.timers?.date_inactive),
    dateClosed: text(c.timers?.date_closed),
    url: text(c.url),
  };
}

/** Attributes in the form check produces, so live and declared values compare as text. */
function canonicalAttributes(value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === "") return "{}";
  try {
    return canonicalJson(JSON.parse(value));
  } catch {
    return value; // not JSON: kept as Twilio holds it, so the difference shows
  }
}

/** `POST /v1/[Services/{IS}/]Conversations` (201). */
export async function createConversation(
  client: TwilioClient,
  service: ServiceScope,
  write: ConversationWrite,
  options: WriteOptions,
): Promise<LiveConversation> {
  const res = await client.request({
    method: "POST",
    path: listPath(service),
    form: toWire(write),
    headers: headers(options),
    action: options.action,
  });
  return fromWire(res.data, options.action);
}

/** `GET .../Conversations/{Sid}` by CH SID or unique name; undefined on 404. */
export async function fetchConversation(
  client: TwilioClient,
  service: ServiceScope,
  sidOrUniqueName: string,
  action: string,
): Promise<LiveConversation | undefined> {
  return undefinedIfNotFound(async () => {
    const res = await client.request({ method: "GET", path: itemPath(service, sidOrUniqueName), action });
    return fromWire(res.data, action);
  });
}

/** `POST .../Conversations/{Sid}` (200). */
export async function updateConversation(
  client: TwilioClient,
  service: ServiceScope,
  sid: string,
  write: ConversationWrite,
  options: WriteOptions,
): Promise<LiveConversation> {
  const res = await client.request({
    method: "POST",
    path: itemPath(service, sid),
    form: toWire(write),
    headers: headers(options),
    action: options.action,
  });
  return fromWire(res.data, options.action);
}

/** `DELETE .../Conversations/{Sid}` (204). Returns false when it was already gone (404). */
export async function deleteConversation(
  client: TwilioClient,
  service: ServiceScope,
  sid: string,
  options: WriteOptions,
): Promise<boolean> {
  try {
    await client.request({ method: "DELETE", path: itemPath(service, sid), headers: headers(options), action: options.action });
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

/** Twilio refused a unique name another conversation in the service holds. */
export function isUniqueNameTaken(e: unknown): e is TwilioApiError {
  return TwilioApiError.isInstance(e) && e.code === CODE_UNIQUE_NAME_TAKEN;
}

/** Twilio refused to update a closed conversation. */
export function isConversationClosed(e: unknown): e is TwilioApiError {
  return TwilioApiError.isInstance(e) && e.code === CODE_CONVERSATION_CLOSED;
}

/** How to list a service's conversations, for messages that ask the user to look. */
export function listHint(service: ServiceScope): string {
  return `GET ${listPath(service)}`;
}
