import { TwilioConversationsError } from "../error";
import { TwilioConnectionError, TwilioServerError } from "../http/errors";

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
}

/**
 * Turns a failure of a non-idempotent create into {@link CreateOutcomeUnknownError} when the
 * request may have taken effect: no response after the request was sent (the connection dropped
 * or timed out), or a 5xx, after which Twilio may or may not have acted. Anything else (a 4xx, a
 * connection never made) is returned unchanged: nothing was created.
 */
export function explainLostCreate(error: unknown, lost: LostCreate): unknown {
  const uncertain = (TwilioConnectionError.isInstance(error) && error.mayHaveReachedServer) || TwilioServerError.isInstance(error);
  if (!uncertain) return error;
  const why = TwilioConnectionError.isInstance(error)
    ? `no response came back (${error.reason})`
    : `Twilio answered with an error (${error.message})`;
  return new CreateOutcomeUnknownError(
    `${capitalize(lost.action)} may have succeeded: the request reached Twilio but ${why}. It was not sent again, ` +
      `because a second request could create a second one (the v1 API has no idempotency key and names are not unique). ` +
      `${capitalize(lost.what)} may now exist that Pulumi does not track: ${lost.howToFind}. Delete the stray one if it is ` +
      `there, then run again.`,
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
