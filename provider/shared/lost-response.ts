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

/** Why a create's outcome is unknown, as a clause: `no response came back (socket hang up)`. */
function whyLost(error: TwilioServerError | TwilioConnectionError): string {
  return TwilioConnectionError.isInstance(error)
    ? `no response came back (${error.reason})`
    : `Twilio answered with an error (${error.message})`;
}

/**
 * Turns a failure of a non-idempotent create into {@link CreateOutcomeUnknownError} when the
 * request may have taken effect: no response after the request was sent (the connection dropped
 * or timed out), or a 5xx, after which Twilio may or may not have acted. Anything else (a 4xx, a
 * connection never made) is returned unchanged: nothing was created.
 */
export function explainLostCreate(error: unknown, lost: LostCreate): unknown {
  if (!outcomeUnknown(error)) return error;
  return new CreateOutcomeUnknownError(
    `${capitalize(lost.action)} may have succeeded: the request reached Twilio but ${whyLost(error)}. It was not sent again, ` +
      `because a second request could create a second one (the v1 API has no idempotency key and names are not unique). ` +
      `${capitalize(lost.what)} may now exist that Pulumi does not track: ${lost.howToFind}. Delete the stray one if it is ` +
      `there, then run again.${lost.hint ? ` ${lost.hint}` : ""}`,
  );
}

/** Milliseconds on a clock that never jumps (unlike the wall clock); only differences are used. */
const monotonicMs = (): number => performance.now();

/**
 * A lower bound on Twilio's clock (ms since the epoch) at the moment it received a request sent at
 * `sentAt`, from a response received later: that response's `Date` minus the local time elapsed
 * between sending the request and receiving the response. Undefined without a usable `Date`.
 *
 * Why it holds whatever the two clocks say: the request reached Twilio after `sentAt`, and the
 * later response was stamped before `receivedAt`, so on Twilio's clock less than
 * `receivedAt - sentAt` passed between the two (both clocks run at the same rate; only their
 * offset is unknown). `Date` is Twilio's time when it made the response, truncated to whole
 * seconds (RFC 9110 §6.6.1, https://www.rfc-editor.org/rfc/rfc9110#section-6.6.1), never later than
 * the true time. So a machine clock minutes off Twilio's changes nothing: only the elapsed time is
 * read locally. The bound is early by at most the elapsed time plus a second, a window too short
 * for another object of the same name to slip in unnoticed in practice; if one does, it shows up as
 * a second candidate and nothing is guessed.
 */
export function twilioTimeAtSend(date: string | undefined, sentAt: number, receivedAt: number): number | undefined {
  const stamped = Date.parse(date ?? "");
  if (Number.isNaN(stamped)) return undefined;
  return stamped - Math.max(0, receivedAt - sentAt);
}

/**
 * Whether an object stamped `dateCreated` (Twilio's v1 `date_created`: ISO 8601, whole seconds)
 * may have been created at or after `since` on Twilio's clock. Both are truncated to the second,
 * since the object's own stamp is.
 */
export function createdSince(dateCreated: string | null, since: number): boolean {
  const created = Date.parse(dateCreated ?? "");
  return !Number.isNaN(created) && created >= Math.floor(since / 1000) * 1000;
}

/** How a v1 create finds its object again when the response is lost (see {@link createFindingLostResponse}). */
export interface LostCreateRecovery<T> {
  /** What the user is told when the object cannot be found for sure. */
  lost: LostCreate;
  /** Sends the create (a POST that is never retried by the client). */
  send(): Promise<T>;
  /** Any cheap GET of the same API: its `Date` header reads Twilio's clock. */
  readClock(): Promise<{ headers: Record<string, string> }>;
  /** The objects that hold what the create sent (same name, same settings), listed after the loss. */
  findSent(): Promise<T[]>;
  /** The object's `date_created`. */
  createdAt(found: T): string | null;
  /** The object's SID, for messages. */
  idOf(found: T): string;
}

/** Sends of one create at most: the first, and one more when the first left nothing behind. */
const MAX_CREATE_SENDS = 2;

/**
 * A v1 create that survives a lost response where the API lets the object be found again. v1 has
 * no idempotency key, so the POST is never repeated blindly. When its outcome is unknown (no
 * response after sending, or a 5xx; {@link outcomeUnknown}), the objects holding what was sent
 * and created since the request went out (on Twilio's clock, {@link twilioTimeAtSend}) are listed:
 * - exactly one: the object this request made; it is returned as created, so nothing is orphaned;
 * - none: the request was not applied, so it is sent once more (a second loss ends in the
 *   {@link CreateOutcomeUnknownError} that says how to look);
 * - several: nothing tells which is this request's; the error names them all.
 *
 * The list is read after the loss, once Twilio has answered (a 5xx) or dropped the exchange; a
 * request Twilio is still working on when the list is read (a client-side timeout on a very slow
 * server) would be missed and the second send could then duplicate it. That window is the price of
 * recovering without a key; the create's own 30 s timeout keeps it small.
 */
export async function createFindingLostResponse<T>(recovery: LostCreateRecovery<T>): Promise<T> {
  const { lost } = recovery;
  const sentAt = monotonicMs();
  for (let send = 1; ; send++) {
    let failure: TwilioServerError | TwilioConnectionError;
    try {
      return await recovery.send();
    } catch (e) {
      if (!outcomeUnknown(e)) throw e;
      failure = e;
    }
    const clock = await recovery.readClock();
    const since = twilioTimeAtSend(clock.headers["date"], sentAt, monotonicMs());
    if (since === undefined) throw explainLostCreate(failure, lost);
    const found = (await recovery.findSent()).filter((item) => createdSince(recovery.createdAt(item), since));
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      throw new CreateOutcomeUnknownError(
        `${capitalize(lost.action)} may have succeeded: the request reached Twilio but ${whyLost(failure)}. Looking for what it ` +
          `made found ${found.length} candidates created since it was sent, each holding what was sent: ` +
          `${found.map(recovery.idOf).join(", ")}. Pulumi cannot tell which one is this request's and tracks none of them. ` +
          `Delete the stray ones (keep any that another resource manages), then run again.`,
      );
    }
    if (send >= MAX_CREATE_SENDS) {
      throw new CreateOutcomeUnknownError(
        `${capitalize(lost.action)} may have succeeded: the request was sent ${send} times and each time it reached ` +
          `Twilio but ${whyLost(failure)}; after the first, nothing it could have made existed, so it was sent again. ` +
          `${capitalize(lost.what)} may now exist that Pulumi does not track: ${lost.howToFind}. Delete the stray one if ` +
          `it is there, then run again.`,
      );
    }
  }
}
