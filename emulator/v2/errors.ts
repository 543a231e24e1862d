/**
 * Error codes and problem documents of the v2 control plane.
 *
 * Synchronous errors use Twilio's classic body (`sendTwilioError`); a FAILED operation carries an
 * RFC 9457 problem in its `error` field. The codes below that no primary source settled are
 * marked UNCONFIRMED; they live here alone so they are easy to change.
 */

/** A status + Twilio code pair. */
export interface V2ErrorCode {
  readonly status: number;
  readonly code: number;
}

/**
 * A request body (or query) that fails validation. UNCONFIRMED for v2: 20001 is a warning about
 * ignored parameters, not an error, so it is out. Twilio documents 70002 "Bad request" for a JSON
 * body that does not match the endpoint's schema, which is exactly this case.
 */
export const VALIDATION_ERROR: V2ErrorCode = { status: 400, code: 70002 };

/** Unknown configuration or operation id (documented classic code). */
export const NOT_FOUND: V2ErrorCode = { status: 404, code: 20404 };

/**
 * A second configuration bridged to the same v1 service. The 409 and its
 * `X-Conflicting-Resource-Id` header are documented; the code (20409) is UNCONFIRMED.
 */
export const BRIDGE_CONFLICT: V2ErrorCode = { status: 409, code: 20409 };

/**
 * An `Idempotency-Key` reused with a different request (method, path or body): Twilio error 17534
 * "Idempotency key payload mismatch" ("the original response is returned only when the payload
 * matches exactly", https://www.twilio.com/docs/api/errors/17534). Twilio documents no HTTP status
 * for it; 422 is what the IETF Idempotency-Key draft prescribes for exactly this case
 * (draft-ietf-httpapi-idempotency-key-header, "Error Scenarios": reuse with a different payload
 * SHOULD be answered 422), and what other APIs with the header answer (Telnyx). 409 is the draft's
 * answer to a retry while the original is still being processed, which is not this case.
 */
export const IDEMPOTENCY_MISMATCH: V2ErrorCode = { status: 422, code: 17534 };

/** RFC 9457 problem details, as a FAILED operation reports them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
}

/** A problem document whose `type` points at the Twilio error page for `code`. */
export function problem(code: V2ErrorCode & { title: string }, detail: string, instance: string): ProblemDetails {
  return {
    type: `https://www.twilio.com/docs/errors/${code.code}`,
    title: code.title,
    status: code.status,
    detail,
    instance,
  };
}

/** Injected failure (`failOperationsNext`): reported as an internal error, as a real outage would be. */
export const INJECTED_FAILURE = { status: 500, code: 20500, title: "Internal Server Error" } as const;
/** The configuration an update or delete targets was deleted before the operation ran. */
export const GONE_BEFORE_APPLY = { ...NOT_FOUND, title: "Not Found" } as const;
/** The bridge became taken before the operation ran (a racing write completed first). */
export const CONFLICT_AT_APPLY = { ...BRIDGE_CONFLICT, title: "Conflict" } as const;
