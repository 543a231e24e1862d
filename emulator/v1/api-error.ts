/**
 * The error a v1 handler throws; `handler.ts` turns it into Twilio's error body.
 *
 * Codes: 20404 (not found), 20003 (auth) and 20429 are confirmed for Conversations. The
 * Chat-family codes below are Twilio's error pages (https://www.twilio.com/docs/api/errors/<code>),
 * each named where it is defined; where no source gave a code, the choice is marked UNCONFIRMED
 * here, in one place, so it is easy to change.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Error codes used by the v1 emulator. */
export const CODES = {
  notFound: 20404,
  /** Twilio's "Invalid FriendlyName". */
  invalidFriendlyName: 20002,
  /**
   * A parameter with a bad value (pattern, enum, page size) or a missing required one, where Twilio
   * documents no code of its own. Twilio's error dictionary lists 20001 as the warning "Unknown
   * parameters" (https://www.twilio.com/docs/api/errors/20001), yet its REST APIs answer bad
   * requests with 400 / 20001: "Missing required parameter FriendlyName in the post body"
   * (nash-md/twilio-contact-center#18, from Twilio), `{"code": 20001, "message": "Bad request",
   * "status": 400}` (danielberkompas/ex_twilio#186, a real answer), and Twilio's own helper
   * libraries use that body as their canonical 400 in their tests (twilio-python, twilio-ruby,
   * twilio-go, twilio-java: "Invalid PageSize."). So 20001 for an `IS` or `RL` SID outside its
   * pattern (`""` included): Conversations documents a pattern code only for messaging service SIDs
   * (50341, below) and Studio flow SIDs (50367).
   */
  invalidParameter: 20001,
  invalidAttributes: 50304,
  /**
   * A well-formed service SID naming no service, in a parameter: "Programmable Chat: Service
   * Instance not found" (https://www.twilio.com/docs/api/errors/50050), answered 400 as the
   * parameter is what is wrong.
   */
  serviceNotFound: 50050,
  /** "Invalid webhook format": a webhook URL that is not an absolute http(s) URL (https://www.twilio.com/docs/api/errors/50054). */
  invalidWebhookFormat: 50054,
  /** "Invalid webhook method": not GET or POST (https://www.twilio.com/docs/api/errors/50055). */
  invalidWebhookMethod: 50055,
  /** "Invalid webhook retry count" (https://www.twilio.com/docs/api/errors/50065). */
  invalidWebhookRetryCount: 50065,
  /** "Invalid pre-webhook url" (https://www.twilio.com/docs/api/errors/50077). */
  invalidPreWebhookUrl: 50077,
  /** "Invalid post-webhook url" (https://www.twilio.com/docs/api/errors/50078). */
  invalidPostWebhookUrl: 50078,
  /** "Conversations: Invalid conversation webhook filter" (https://www.twilio.com/docs/api/errors/50365). */
  invalidWebhookFilter: 50365,
  /** "Conversations: Invalid conversation webhook flow SID": not `FW` + 32 hex (https://www.twilio.com/docs/api/errors/50367). */
  invalidFlowSid: 50367,
  /**
   * "Conflict: the request could not be completed due to a conflict with the current state of the
   * target resource" (https://www.twilio.com/docs/api/errors/20409). Used for a second address
   * configuration of the same address and type; Twilio documents no dedicated code for it
   * (UNCONFIRMED which code Twilio answers).
   */
  conflict: 20409,
  /**
   * "Invalid credential content: the credential is malformed" (https://www.twilio.com/docs/api/errors/52005):
   * an APN certificate or private key that is not PEM text, or an empty secret.
   */
  invalidCredentialContent: 52005,
  /** "Programmable Chat: Invalid Date Created parameter" (https://www.twilio.com/docs/api/errors/50308). */
  invalidDateCreated: 50308,
  /** "Programmable Chat: Invalid Date Updated parameter" (https://www.twilio.com/docs/api/errors/50309). */
  invalidDateUpdated: 50309,
  /**
   * "Conversations: Invalid messaging service SID": "does not match a valid SID pattern (MGxx)"
   * (https://www.twilio.com/docs/api/errors/50341). `""` is outside the pattern too.
   */
  invalidMessagingServiceSid: 50341,
  uniqueNameExists: 50353,
  /** "'State' field can't be empty" (https://www.twilio.com/docs/api/errors/50374). */
  stateEmpty: 50374,
  /** "TimeToInactive should be greater or equal to 1 minute" (https://www.twilio.com/docs/api/errors/50375). */
  inactiveTimerTooShort: 50375,
  /** "TimeToClosed should be greater or equal to 10 minutes" (https://www.twilio.com/docs/api/errors/50376). */
  closedTimerTooShort: 50376,
  conversationClosed: 50377,
  /** "'State' parameter value is invalid" (https://www.twilio.com/docs/api/errors/50378). */
  invalidState: 50378,
  /** "TimeToInactive format is invalid": not an ISO 8601 duration; PT0S is valid (https://www.twilio.com/docs/api/errors/50379). */
  invalidInactiveTimer: 50379,
  /** "TimeToClosed format is invalid" (https://www.twilio.com/docs/api/errors/50380). */
  invalidClosedTimer: 50380,
  timersNeedState: 50382,
  /** "Initial state can't be 'closed'": a conversation cannot be created closed (https://www.twilio.com/docs/api/errors/50384). */
  createdClosed: 50384,
  /** "Conversation role not found" (https://www.twilio.com/docs/api/errors/50109). */
  roleNotFound: 50109,
  uniqueNameLooksLikeSid: 50390,
  /** UNCONFIRMED: deleting the account's default conversation service. */
  defaultServiceInUse: 50060,
} as const;

/** 404 with the message shape Twilio uses. */
export function notFound(path: string): ApiError {
  const bare = path.split("?")[0];
  return new ApiError(404, CODES.notFound, `The requested resource ${bare} was not found`);
}

/** 400 with the generic invalid-parameter code. */
export function invalid(message: string): ApiError {
  return new ApiError(400, CODES.invalidParameter, message);
}
