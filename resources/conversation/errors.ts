/**
 * The Conversation's own failures, each a sentence that says what happened and what to do.
 */
import { TwilioConversationsError } from "../../provider/error";
import type { TwilioConnectionError, TwilioServerError } from "../../provider/http/errors";
import { explainLostCreate } from "../../provider/shared/lost-response";
import { listHint, type ServiceScope } from "./api";

/** A closed conversation cannot be updated or reopened (Twilio: 50377); refused before any request. */
export class ConversationClosedError extends TwilioConversationsError {}

/** A unique name is already held by another conversation and adoption was not asked for (Twilio: 50353). */
export class UniqueNameTakenError extends TwilioConversationsError {}

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

/** A lost create of a conversation without a unique name: nothing lets the provider look it up. */
export function lostCreateError(
  action: string,
  error: TwilioServerError | TwilioConnectionError,
  service: ServiceScope,
  friendlyName: string | undefined,
): unknown {
  const look = friendlyName ? ` with friendly name "${friendlyName}"` : " created just now";
  return explainLostCreate(error, {
    action,
    what: "a conversation",
    howToFind: `list the conversations (${listHint(service)}) and look for one${look}`,
    hint: "With a uniqueName, Pulumi recovers from this on its own.",
  });
}
