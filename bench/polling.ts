/**
 * How quickly the one wait loop notices a finished v2 operation, and how many polls it spends,
 * against the obvious baseline: poll once a second. Runs on a simulated clock, so the figures are
 * exact and repeatable (no machine noise).
 */
import { waitForOperation } from "../provider/operations/poller";
import type { BenchResult } from "./report";

/**
 * Bands of completion times (ms after the 202). Each band is sampled at evenly spaced points, so
 * the figures do not depend on a lucky alignment with either strategy's poll times.
 */
const BANDS: { label: string; fromMs: number; toMs: number }[] = [
  { label: "fast (50 ms to 1 s)", fromMs: 50, toMs: 1_000 },
  { label: "typical (1 s to 5 s)", fromMs: 1_000, toMs: 5_000 },
  { label: "slow (5 s to 60 s)", fromMs: 5_000, toMs: 60_000 },
];
const SAMPLES_PER_BAND = 200;

interface Outcome {
  /** Time from completion to the poll that saw it. */
  lateMs: number;
  polls: number;
}

async function simulate(completesAtMs: number, strategy: "poller" | "fixed-1s"): Promise<Outcome> {
  let clock = 0;
  let polls = 0;
  const poll = async () => {
    polls++;
    return { status: clock >= completesAtMs ? "COMPLETED" : "PENDING" };
  };
  if (strategy === "poller") {
    await waitForOperation({
      operationId: "op_bench",
      poll,
      statusOf: (r) => r.status,
      timeoutMs: 600_000,
      sleep: async (ms) => {
        clock += ms;
      },
      now: () => clock,
    });
  } else {
    for (;;) {
      clock += 1_000;
      if ((await poll()).status === "COMPLETED") break;
    }
  }
  return { lateMs: clock - completesAtMs, polls };
}

export async function benchPolling(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const band of BANDS) {
    const totals = { base: { lateMs: 0, polls: 0 }, ours: { lateMs: 0, polls: 0 } };
    for (let i = 0; i < SAMPLES_PER_BAND; i++) {
      const at = band.fromMs + ((band.toMs - band.fromMs) * (i + 0.5)) / SAMPLES_PER_BAND;
      const base = await simulate(at, "fixed-1s");
      const ours = await simulate(at, "poller");
      totals.base.lateMs += base.lateMs;
      totals.base.polls += base.polls;
      totals.ours.lateMs += ours.lateMs;
      totals.ours.polls += ours.polls;
    }
    const mean = (n: number) => n / SAMPLES_PER_BAND;
    results.push({
      name: `v2 operation ${band.label}: mean time to notice`,
      baseline: `${mean(totals.base.lateMs).toFixed(0)} ms (poll every 1 s)`,
      measured: `${mean(totals.ours.lateMs).toFixed(0)} ms`,
      ratio: totals.ours.lateMs / totals.base.lateMs,
    });
    results.push({
      name: `v2 operation ${band.label}: mean polls sent`,
      baseline: `${mean(totals.base.polls).toFixed(1)} (poll every 1 s)`,
      measured: `${mean(totals.ours.polls).toFixed(1)}`,
      ratio: totals.ours.polls / totals.base.polls,
    });
  }
  return results;
}
