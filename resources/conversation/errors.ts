/**
 * The Conversation's own failures, each a sentence that says what happened and what to do.
 */
import { TwilioConversationsError } from "../../provider/error";
import { TwilioConnectionError, TwilioServerError } from "../../provider/http/errors";
import { listHint, type ServiceScope } from "./api";

/** A closed conversation cannot be updated or reopened (Twilio: 50377); refused before any request. */
export class ConversationClosedError extends TwilioConversationsError {}

/** A unique name is already held by another conversation and adoption was not asked for (Twilio: 50353). */
export class UniqueNameTakenError extends TwilioConversationsError {}

/** A create may or may not have happened, and nothing in it lets the provider find out. */
export class ConversationCreateUnknownError extends TwilioConversationsError {}

/**
 * A failure after which Twilio may have applied the request: a 5xx, or no response to a request
 * that was sent. A 4xx, a 429 or a refused connection means it was not applied.
 */
export function outcomeUnknown(e: unknown): e is TwilioServerError | TwilioConnectionError {
  return TwilioServerError.isInstance(e) || (TwilioConnectionError.isInstance(e) && e.mayHaveReachedServer);
}

export function closedError(subject: string, doing: string, sinceRefresh = false): ConversationClosedError {
  const when = sinceRefresh ? " (it closed since Pulumi last looked, probably by its closed timer)" : "";
  return new ConversationClosedError(
    `Cannot ${doing} ${subject}: it is closed${when}, and Twilio never updates or reopens a closed conversation ` +
      `(code 50377). Nothing was sent. To get a conversation with the new values, create a new one: remove this ` +
      `resource from the program and run pulumi up (which deletes the closed conversation), then add it back; or give ` +
      `the resource a new name and a new uniqueName, so the new conversation can exist before the closed one is deleted. ` +
      `To keep the closed conversation, put the program back to its current values.`,
  );
}

export function uniqueNameTakenError(
  subject: string,
  uniqueName: string,
  service: string,
  existingSid: string | undefined,
): UniqueNameTakenError {
  const holder = existingSid ? ` (${existingSid})` : "";
  return new UniqueNameTakenError(
    `Cannot create ${subject}: a conversation with unique name "${uniqueName}" already exists in service ${service}${holder} ` +
      `(Twilio code 50353). To bring that conversation under management as it is, set adoptExisting: true on this ` +
      `resource (it is then updated to the declared values, nothing is deleted); otherwise choose another uniqueName ` +
      `or delete the existing conversation.`,
  );
}

export function lostCreateError(
  action: string,
  error: TwilioServerError | TwilioConnectionError,
  service: ServiceScope,
  friendlyName: string | undefined,
): ConversationCreateUnknownError {
  const why = TwilioConnectionError.isInstance(error) ? `no response came back (${error.reason})` : `Twilio answered ${error.status}`;
  const look = friendlyName ? ` with friendly name "${friendlyName}"` : " created just now";
  return new ConversationCreateUnknownError(
    `${action.charAt(0).toUpperCase()}${action.slice(1)} may have succeeded: the request reached Twilio but ${why}. It was not sent again, because a second ` +
      `request could create a second conversation (the v1 API has no idempotency key, and this one has no uniqueName ` +
      `to look it up by). A conversation Pulumi does not track may now exist: list the conversations (${listHint(service)}) ` +
      `and look for one${look}; delete it if it is there, then run pulumi up again. ` +
      `With a uniqueName, Pulumi recovers from this on its own.`,
  );
}
