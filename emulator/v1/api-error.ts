/**
 * The error a v1 handler throws; `handler.ts` turns it into Twilio's error body.
 *
 * Codes: 20404 (not found), 20003 (auth) and 20429 are confirmed for Conversations. The
 * Chat-family codes below are the ones twilio-api.md names; where no source gave a code, the
 * choice is marked UNCONFIRMED here, in one place, so it is easy to change.
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
   * A parameter with a bad value (pattern, enum, duration, page size) or a missing required one.
   * Twilio answers 400 code 20001 "Missing required parameter FriendlyName in the post body" on
   * other APIs (seen in nash-md/twilio-contact-center#18); twilio-api.md notes 20001 is also the
   * warning about ignored parameters. Per-field codes for Conversations: UNCONFIRMED.
   */
  invalidParameter: 20001,
  invalidAttributes: 50304,
  uniqueNameExists: 50353,
  conversationClosed: 50377,
  timersNeedState: 50382,
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
