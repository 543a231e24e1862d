import { TwilioConversationsError } from "../error";
import { TwilioConnectionError, TwilioServerError } from "../http/errors";
import { capitalize } from "./values";

/**
 * A create whose outcome is unknown: the POST reached Twilio but no usable answer came back, and
 * it was not sent again because a second POST could create a second resource (v1 has no
 * Idempotency-Key). The message says what may exist and how to find it.
 */
export class CreateOutcomeUnknownError extends TwilioConversationsError {}

/** What the user needs to look for a resource that may have been created. */
export interface LostCreate {
  /** `creating ConversationService "support"`. */
  action: string;
  /** `a conversation service`. */
  what: string;
  /** How to list candidates: `list the account's services (GET /v1/Services) and look for friendly name "support"`. */
  howToFind: string;
  /** What would have let the provider recover on its own, if anything: `With a uniqueName, ...`. */
  hint?: string;
}

/**
 * A failure after which Twilio may have applied the request: a 5xx, or no response to a request
 * that was sent. A 4xx, a 429 or a connection never made means it was not applied.
 */
export function outcomeUnknown(e: unknown): e is TwilioServerError | TwilioConnectionError {
  return TwilioServerError.isInstance(e) || (TwilioConnectionError.isInstance(e) && e.mayHaveReachedServer);
}

/**
 * Turns a failure of a non-idempotent create into {@link CreateOutcomeUnknownError} when the
 * request may have taken effect: no response after the request was sent (the connection dropped
 * or timed out), or a 5xx, after which Twilio may or may not have acted. Anything else (a 4xx, a
 * connection never made) is returned unchanged: nothing was created.
 */
export function explainLostCreate(error: unknown, lost: LostCreate): unknown {
  if (!outcomeUnknown(error)) return error;
  const why = TwilioConnectionError.isInstance(error)
    ? `no response came back (${error.reason})`
    : `Twilio answered with an error (${error.message})`;
  return new CreateOutcomeUnknownError(
    `${capitalize(lost.action)} may have succeeded: the request reached Twilio but ${why}. It was not sent again, ` +
      `because a second request could create a second one (the v1 API has no idempotency key and names are not unique). ` +
      `${capitalize(lost.what)} may now exist that Pulumi does not track: ${lost.howToFind}. Delete the stray one if it is ` +
      `there, then run again.${lost.hint ? ` ${lost.hint}` : ""}`,
  );
}
