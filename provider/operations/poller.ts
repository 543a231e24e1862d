/**
 * The one wait loop for v2 long-running operations. It knows nothing of payloads: the caller
 * fetches (`poll`) and reads the status (`statusOf`); this module only decides when to ask again
 * and when to give up.
 *
 * The schedule bounds how late a finished operation is noticed: the gap between two polls is at
 * most max(10% of the time waited so far, 150 ms), so an operation that ends at D is seen by
 * max(1.1 × D, D + 150 ms). Polls start 150 ms apart and grow 10% a poll after 1.5 s: about 130
 * polls over operations of 0.3, 1, 2.5, 6, 15 and 40 s together, where polling once a second sends
 * 66 and notices up to a second late (`npm run bench` measures both).
 */
import { OperationTimeoutError } from "../error";
import { parseRetryAfter } from "../http/retry";
import { type OperationPhase, phaseOf } from "./status";

/** How to wait for one operation. */
export interface WaitOptions<T> {
  operationId: string;
  /** Fetches the operation once. Its errors propagate (the client has already retried them). */
  poll(): Promise<T>;
  statusOf(result: T): string;
  /**
   * The 202's `Retry-After` header as sent (delta seconds or an HTTP date): the first poll waits
   * that long, clamped to [0, 30 s] by the client's one parser (http/retry.ts).
   */
  retryAfter?: string;
  /** Give up this long after the call. */
  timeoutMs: number;
  sleep?(ms: number): Promise<void>;
  now?(): number;
}

/** The shortest gap between polls: the first poll without a hint comes this long after the 202. */
export const MIN_POLL_GAP_MS = 150;
/** After the shortest gap, each gap is this fraction of the time waited so far. */
export const POLL_GAP_FRACTION = 0.1;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The longest gap after a poll sent `waitedMs` after the 202: the bound on how late a finished
 * operation is noticed, max(10% of the time waited, 150 ms).
 */
export function pollGapMs(waitedMs: number): number {
  return Math.max(POLL_GAP_FRACTION * waitedMs, MIN_POLL_GAP_MS);
}

/**
 * Polls until the operation is COMPLETED, FAILED or CANCELLED and returns the phase with the last
 * poll's result; the caller decides what a failure means (and throws OperationFailedError).
 *
 * Waits: the 202's `Retry-After` before the first poll (else 150 ms), then {@link pollGapMs}
 * between the starts of two polls, so a slow poll does not stretch the gap. The last wait is cut
 * short to poll once more at the deadline.
 *
 * @throws OperationTimeoutError when still running at the deadline
 */
export async function waitForOperation<T>(o: WaitOptions<T>): Promise<{ phase: OperationPhase; result: T }> {
  const sleep = o.sleep ?? realSleep;
  const now = o.now ?? Date.now;
  const started = now();
  const deadline = started + o.timeoutMs;
  let nextPollAt = started + (parseRetryAfter(o.retryAfter, started) ?? MIN_POLL_GAP_MS);
  for (;;) {
    // Whole milliseconds, rounded down: a timer rounds anyway, and never later than the bound.
    await sleep(Math.max(0, Math.floor(Math.min(nextPollAt, deadline) - now())));
    const polledAt = now();
    const result = await o.poll();
    const status = o.statusOf(result);
    const phase = phaseOf(status);
    if (phase !== "running") return { phase, result };
    if (now() >= deadline) throw new OperationTimeoutError(o.operationId, status, now() - started);
    nextPollAt = polledAt + pollGapMs(polledAt - started);
  }
}
