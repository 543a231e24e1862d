/**
 * How quickly the one wait loop notices a finished v2 operation, and how many polls it spends,
 * against the obvious baseline: poll once a second. Runs the real poller on a simulated clock (a
 * poll takes no time), so the figures are exact and repeatable (no machine noise).
 */
import { waitForOperation } from "../provider/operations/poller";
import type { BenchResult } from "./report";

/** Operation durations (ms after the 202) from issue 13; the poll budget is over these six. */
const DURATIONS_MS = [300, 1_000, 2_500, 6_000, 15_000, 40_000];
/** Every 10 ms from 0.3 to 3 s, then every 97 ms to 60 s: for the worst case against the bound. */
const GRID_MS = [...Array.from({ length: 271 }, (_, i) => 300 + i * 10), ...Array.from({ length: 588 }, (_, i) => 3_000 + i * 97), 60_000];

interface Outcome {
  /** Time from the 202 to the poll that saw the operation finished. */
  noticedMs: number;
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
  return { noticedMs: clock, polls };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const late = (noticedMs: number, d: number) => `${seconds(noticedMs)}, ${Math.round(noticedMs - d)} ms late`;

export async function benchPolling(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const total = { ours: 0, base: 0 };
  for (const d of DURATIONS_MS) {
    const base = await simulate(d, "fixed-1s");
    const ours = await simulate(d, "poller");
    total.ours += ours.polls;
    total.base += base.polls;
    results.push({
      name: `v2 operation done at ${seconds(d)}: time to notice`,
      baseline: `${late(base.noticedMs, d)} (poll every 1 s)`,
      measured: late(ours.noticedMs, d),
      ratio: ours.noticedMs / base.noticedMs,
    });
    results.push({
      name: `v2 operation done at ${seconds(d)}: polls`,
      baseline: `${base.polls} (poll every 1 s)`,
      measured: `${ours.polls}`,
      ratio: ours.polls / base.polls,
    });
  }
  results.push({
    name: `v2 operations done at 0.3/1/2.5/6/15/40 s: polls in all (goal: at most 2×)`,
    baseline: `${total.base} (poll every 1 s)`,
    measured: `${total.ours}`,
    ratio: total.ours / total.base,
  });
  let worst = 0;
  let worstAt = 0;
  const sum = { oursLate: 0, baseLate: 0, oursPolls: 0, basePolls: 0 };
  for (const d of GRID_MS) {
    const ours = await simulate(d, "poller");
    const base = await simulate(d, "fixed-1s");
    sum.oursLate += ours.noticedMs - d;
    sum.baseLate += base.noticedMs - d;
    sum.oursPolls += ours.polls;
    sum.basePolls += base.polls;
    const ratio = ours.noticedMs / Math.max(1.1 * d, d + 150);
    if (ratio > worst) [worst, worstAt] = [ratio, d];
  }
  const mean = (total: number) => total / GRID_MS.length;
  results.push({
    name: `v2 operations done at ${GRID_MS.length} D in 0.3..60 s: worst time to notice (goal: at most 1)`,
    baseline: "max(1.1 × D, D + 150 ms)",
    measured: `${worst.toFixed(3)} of the bound (at D = ${seconds(worstAt)})`,
    ratio: worst,
  });
  results.push({
    name: `v2 operations done at ${GRID_MS.length} D in 0.3..60 s: mean time noticed late`,
    baseline: `${mean(sum.baseLate).toFixed(0)} ms (poll every 1 s)`,
    measured: `${mean(sum.oursLate).toFixed(0)} ms`,
    ratio: sum.oursLate / sum.baseLate,
  });
  results.push({
    name: `v2 operations done at ${GRID_MS.length} D in 0.3..60 s: mean polls`,
    baseline: `${mean(sum.basePolls).toFixed(1)} (poll every 1 s)`,
    measured: `${mean(sum.oursPolls).toFixed(1)}`,
    ratio: sum.oursPolls / sum.basePolls,
  });
  return results;
}
