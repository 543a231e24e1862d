/**
 * The one wait loop for v2 long-running operations. It knows nothing of payloads: the caller
 * fetches (`poll`) and reads the status (`statusOf`); this module only decides when to ask again
 * and when to give up.
 */
import { OperationTimeoutError } from "../error";
import { type OperationPhase, phaseOf } from "./status";

/** How to wait for one operation. */
export interface WaitOptions<T> {
  operationId: string;
  /** Fetches the operation once. Its errors propagate (the client has already retried them). */
  poll(): Promise<T>;
  statusOf(result: T): string;
  /** The 202's `Retry-After`, in seconds; clamped to [0, 30]. */
  retryAfterSeconds?: number;
  /** Give up this long after the call. */
  timeoutMs: number;
  sleep?(ms: number): Promise<void>;
  now?(): number;
}

/** First poll when the server gave no hint: operations often finish within a few hundred ms. */
export const FIRST_POLL_MS = 250;
/** Each wait is 1.5x the one before, up to this. */
export const MAX_POLL_INTERVAL_MS = 5_000;
const GROWTH = 1.5;
const RETRY_AFTER_CAP_SECONDS = 30;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until the operation is COMPLETED, FAILED or CANCELLED and returns the phase with the last
 * poll's result; the caller decides what a failure means (and throws OperationFailedError).
 *
 * Waits: the 202's `Retry-After` (else 250 ms), then 1.5x per poll up to 5 s. The last wait is
 * cut short to poll once more at the deadline.
 *
 * @throws OperationTimeoutError when still running at the deadline
 */
export async function waitForOperation<T>(o: WaitOptions<T>): Promise<{ phase: OperationPhase; result: T }> {
  const sleep = o.sleep ?? realSleep;
  const now = o.now ?? Date.now;
  const started = now();
  const deadline = started + o.timeoutMs;
  let delay = firstDelayMs(o.retryAfterSeconds);
  for (;;) {
    await sleep(Math.max(0, Math.min(Math.round(delay), deadline - now())));
    const result = await o.poll();
    const status = o.statusOf(result);
    const phase = phaseOf(status);
    if (phase !== "running") return { phase, result };
    if (now() >= deadline) throw new OperationTimeoutError(o.operationId, status, now() - started);
    // Grow from at least the default first wait, so a `Retry-After: 0` does not spin.
    delay = Math.min(Math.max(delay, FIRST_POLL_MS) * GROWTH, MAX_POLL_INTERVAL_MS);
  }
}

function firstDelayMs(retryAfterSeconds: number | undefined): number {
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds)) return FIRST_POLL_MS;
  return Math.min(RETRY_AFTER_CAP_SECONDS, Math.max(0, retryAfterSeconds)) * 1000;
}
