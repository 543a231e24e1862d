/**
 * v2 operations as this resource meets them: reading a 202, fetching an operation, waiting for it
 * through the one wait loop (provider/operations/poller.ts), and telling a fresh operation from
 * one replayed under a reused Idempotency-Key. The operation URL and wire fields live here.
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
  /** The server's clock when it answered (`Date` header), in ms; for {@link isReplayOfEarlierWrite}. */
  answeredAt?: number;
}

/** The fields of an operation this resource reads; loose on the rest. */
const operationWire = z.object({
  operationId: z.string().optional(),
  status: z.string(),
  createdAt: z.string().nullish(),
  error: z.unknown().optional(),
  related: z.object({ configurationId: z.string().optional() }).nullish(),
});

/** An operation status, as far as this resource uses it. */
export interface OperationState {
  operationId: string;
  status: string;
  phase: OperationPhase;
  /** ms since the epoch, when the server says. */
  createdAt?: number;
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

/**
 * Reads a 202: `Operation-Id` (else the last segment of `statusUrl` / `Location`), `Retry-After`,
 * `related.configurationId` and the `Date` header.
 */
export function acceptedWrite(response: TwilioResponse<unknown>, action: string): AcceptedWrite {
  const body = acceptedBody.safeParse(response.data ?? {});
  const data = body.success ? body.data : {};
  const statusUrl = data.statusUrl ?? response.headers["location"];
  const operationId = response.headers["operation-id"] || lastSegment(statusUrl);
  if (!operationId) {
    throw new Error(`Twilio accepted the request ${action} but named no operation to wait for (no Operation-Id header or statusUrl).`);
  }
  const answeredAt = Date.parse(response.headers["date"] ?? "");
  return {
    operationId,
    retryAfter: response.headers["retry-after"],
    configurationId: data.related?.configurationId || undefined,
    answeredAt: Number.isNaN(answeredAt) ? undefined : answeredAt,
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
  const createdAt = op.createdAt ? Date.parse(op.createdAt) : NaN;
  return {
    operationId: op.operationId ?? operationId,
    status: op.status,
    phase: phaseOf(op.status),
    createdAt: Number.isNaN(createdAt) ? undefined : createdAt,
    problem: problemOf(op.error),
    configurationId: op.related?.configurationId || undefined,
  };
}

/**
 * Waits until the operation is COMPLETED, FAILED or CANCELLED.
 *
 * @throws OperationTimeoutError (from the poller) when it is still running after `timeoutMs`
 */
export async function awaitOperation(
  client: TwilioClient,
  accepted: AcceptedWrite,
  timeoutMs: number,
  action: string,
): Promise<OperationState> {
  const { result } = await waitForOperation({
    operationId: accepted.operationId,
    poll: () => fetchOperation(client, accepted.operationId, action),
    statusOf: (op) => op.status,
    retryAfter: accepted.retryAfter,
    timeoutMs,
  });
  return result;
}

/**
 * How much older than the 202 an operation must be to count as an earlier write's. A fresh
 * operation is created while the server handles the request, so it is at most a second or so
 * older than the `Date` header (which has whole-second resolution).
 */
export const REPLAY_TOLERANCE_MS = 5_000;

/**
 * Whether a finished operation belongs to an earlier write replayed under the same
 * Idempotency-Key rather than to this request: it was created well before the server answered
 * this request. Both times come from the server's clock, so client clock skew does not matter.
 *
 * Used to keep a FAILED write from blocking identical re-runs for Twilio's 24-hour key window.
 * Whether Twilio replays the original `Date` header too is UNCONFIRMED; if it does, this says
 * "fresh" and the failure is reported, which is the safe side.
 */
export function isReplayOfEarlierWrite(op: OperationState, accepted: AcceptedWrite): boolean {
  if (op.createdAt === undefined || accepted.answeredAt === undefined) return false;
  return op.createdAt < accepted.answeredAt - REPLAY_TOLERANCE_MS;
}

function lastSegment(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const segment = url.split("?")[0]!.split("/").filter(Boolean).pop();
  return segment ? decodeURIComponent(segment) : undefined;
}
