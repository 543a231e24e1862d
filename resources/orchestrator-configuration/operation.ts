/**
 * v2 operations as this resource meets them: reading a 202, fetching an operation, telling an
 * operation this request started from one an earlier request left behind under the same
 * Idempotency-Key, and waiting for it through the one wait loop (provider/operations/poller.ts).
 * The operation URL and wire fields live here.
 */
import { z } from "zod";

import type { TwilioClient, TwilioResponse } from "../../provider/http/client";
import { waitForOperation } from "../../provider/operations/poller";
import { type OperationPhase, type OperationProblem, phaseOf, problemOf } from "../../provider/operations/status";

/** What a 202 tells: which operation to wait for, how long before the first poll, what it is about. */
export interface AcceptedWrite {
  operationId: string;
  /** `Retry-After` of the 202 as sent; the poller reads it (one parser: provider/http/retry.ts). */
  retryAfter?: string;
  /** `related.configurationId`: the configuration the write creates or changes. */
  configurationId?: string;
}

/** The fields of an operation this resource reads; loose on the rest. */
const operationWire = z.object({
  operationId: z.string().optional(),
  status: z.string(),
  error: z.unknown().optional(),
  related: z.object({ configurationId: z.string().optional() }).nullish(),
});

/** An operation status, as far as this resource uses it. */
export interface OperationState {
  operationId: string;
  status: string;
  phase: OperationPhase;
  problem?: OperationProblem;
  configurationId?: string;
}

const acceptedBody = z
  .object({
    statusUrl: z.string().optional(),
    related: z.object({ configurationId: z.string().optional() }).nullish(),
  })
  .partial();

const OPERATIONS_PATH = "/v2/ControlPlane/Operations";

/** Reads a 202: `Operation-Id` (else the last segment of `statusUrl` / `Location`), `Retry-After` and `related.configurationId`. */
export function acceptedWrite(response: TwilioResponse<unknown>, action: string): AcceptedWrite {
  const body = acceptedBody.safeParse(response.data ?? {});
  const data = body.success ? body.data : {};
  const statusUrl = data.statusUrl ?? response.headers["location"];
  const operationId = response.headers["operation-id"] || lastSegment(statusUrl);
  if (!operationId) {
    throw new Error(`Twilio accepted the request ${action} but named no operation to wait for (no Operation-Id header or statusUrl).`);
  }
  return {
    operationId,
    retryAfter: response.headers["retry-after"],
    configurationId: data.related?.configurationId || undefined,
  };
}

/** Fetches an operation once. The id goes into our own base URL: a `statusUrl` on another host is never followed. */
export async function fetchOperation(client: TwilioClient, operationId: string, action: string): Promise<OperationState> {
  const response = await client.request<unknown>({
    method: "GET",
    path: `${OPERATIONS_PATH}/${encodeURIComponent(operationId)}`,
    action,
  });
  const parsed = operationWire.safeParse(response.data);
  if (!parsed.success) {
    throw new Error(`Operation ${operationId} (${action}) came back without a status; cannot tell whether it finished.`);
  }
  const op = parsed.data;
  return {
    operationId: op.operationId ?? operationId,
    status: op.status,
    phase: phaseOf(op.status),
    problem: problemOf(op.error),
    configurationId: op.related?.configurationId || undefined,
  };
}

/** What became of the operation a 202 named. */
export interface Followed {
  /** Its last known state: finished, unless the wait timed out (then the poller threw instead). */
  readonly op: OperationState;
  /**
   * True when it had already finished at the look right after the 202: started by an earlier
   * request with the same Idempotency-Key, whose response Twilio replayed (see {@link followOperation}).
   * False when it was still running: this request's own (or a crashed run's, still in progress), waited for.
   */
  readonly earlier: boolean;
}

/**
 * Looks at the operation a 202 named once, at once, then waits for it if it is still running.
 *
 * Why the look: Twilio replays the original 202 for a known Idempotency-Key and marks nothing as a
 * replay (no header; twilio-api.md), so a FAILED operation replayed from an earlier `pulumi up`
 * looks like a fresh failure. But an operation this request started cannot be finished yet: v2
 * writes "return 202 Accepted immediately and complete in the background", an operation starts
 * PENDING ("queued or running"; https://www.twilio.com/docs/conversations/orchestrator/concepts/async-operations).
 * So an operation found finished by a GET sent right after its 202 was started by an earlier request.
 * That is decided by the order of events, with no clock and no tolerance, unlike comparing the
 * operation's age with the 202's `Date` (which could not tell an immediate re-run from a fresh
 * failure). The one way it can misjudge, an operation finishing within that round trip, only costs
 * one more attempt under the next key: a FAILED operation created nothing.
 *
 * The look is not a poll of the wait loop: when the operation is running, the loop still waits the
 * 202's `Retry-After` before its first poll.
 *
 * @throws OperationTimeoutError (from the poller) when it is still running after `timeoutMs`
 */
export async function followOperation(client: TwilioClient, accepted: AcceptedWrite, timeoutMs: number, action: string): Promise<Followed> {
  const look = await fetchOperation(client, accepted.operationId, action);
  if (look.phase !== "running") return { earlier: true, op: look };
  const { result } = await waitForOperation({
    operationId: accepted.operationId,
    poll: () => fetchOperation(client, accepted.operationId, action),
    statusOf: (op) => op.status,
    retryAfter: accepted.retryAfter,
    timeoutMs,
  });
  return { earlier: false, op: result };
}

function lastSegment(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const segment = url.split("?")[0]!.split("/").filter(Boolean).pop();
  return segment ? decodeURIComponent(segment) : undefined;
}
