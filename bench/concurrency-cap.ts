/**
 * 300 conversation creates against an account that answers 429 beyond 5 concurrent requests, each
 * taking 50 ms (the emulator's `maxInFlight` and `latencyMs` faults): what the provider's one
 * client achieves with its default settings when 8, 32 or 64 callers share it (as resources share
 * the host process's client at `pulumi up --parallel N`), against the official `twilio` client
 * (6.x) in a pool of 5 workers, sized to the cap, measured in the same run.
 *
 * The cap's ideal rate is cap / latency (100 creates/s): every slot the account allows busy all the
 * time. Rates count the creates the API answered 201, over the wall time of the run; each figure is
 * the median of three runs, and failures, duplicates and 429s are those of that run.
 */
import twilio from "twilio";

import { type RunningEmulator, startEmulator } from "../emulator/server";
import { resolveSettings } from "../provider/config";
import { TwilioClient } from "../provider/http/client";
import type { BenchResult } from "./report";

const CREATES = 300;
const CAP = 5;
const LATENCY_MS = 50;
const IDEAL_PER_SECOND = (CAP * 1000) / LATENCY_MS;
const CALLERS = [8, 32, 64];
/** Each scenario runs this many times; the median rate is reported. */
const ROUNDS = 3;

interface Run {
  seconds: number;
  created: number;
  failed: number;
  /** Conversations beyond one per job (a job created twice). */
  duplicates: number;
  requests: number;
  refused: number;
}

/** Runs `CREATES` jobs through `callers` workers calling `create(name)`, then counts at the API. */
async function run(emulator: RunningEmulator, callers: number, create: (name: string) => Promise<unknown>): Promise<Run> {
  emulator.reset();
  emulator.setFaults({ maxInFlight: CAP, latencyMs: LATENCY_MS });
  const names = Array.from({ length: CREATES }, (_, i) => `cap-bench-${i}`);
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next < names.length) {
        const name = names[next++]!;
        await create(name).catch(() => failed++);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const log = emulator.requests().filter((r) => r.method === "POST");
  const state = emulator.state() as { v1: { conversations: { friendlyName: string | null }[] } };
  const perName = new Map<string, number>();
  for (const c of state.v1.conversations) perName.set(c.friendlyName ?? "", (perName.get(c.friendlyName ?? "") ?? 0) + 1);
  let duplicates = 0;
  for (const name of names) duplicates += Math.max(0, (perName.get(name) ?? 0) - 1);
  return {
    seconds,
    created: log.filter((r) => r.status === 201).length,
    failed,
    duplicates,
    requests: log.length,
    refused: log.filter((r) => r.status === 429).length,
  };
}

const describeRun = (r: Run) => {
  const rate = r.created / r.seconds;
  const faults = `${r.failed} failed, ${r.duplicates} duplicated`;
  const share = ((100 * r.refused) / r.requests).toFixed(1);
  return `${rate.toFixed(1)}/s = ${(rate / IDEAL_PER_SECOND).toFixed(3)} of ideal; 429s ${r.refused}/${r.requests} (${share}%); ${faults}`;
};

/** A scenario's run with the median rate over {@link ROUNDS} rounds. */
function median(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.created / a.seconds - b.created / b.seconds)[Math.floor(runs.length / 2)]!;
}

export async function benchConcurrencyCap(): Promise<BenchResult[]> {
  const emulator = await startEmulator({ port: 0 });
  try {
    const official = twilio(emulator.accountSid, emulator.authToken, { autoRetry: true, maxRetries: 10 });
    official.conversations.baseUrl = emulator.url;
    const settings = resolveSettings(undefined, {
      TWILIO_ACCOUNT_SID: emulator.accountSid,
      TWILIO_AUTH_TOKEN: emulator.authToken,
      TWILIO_CONVERSATIONS_BASE_URL: emulator.url,
    });
    const runs = { baseline: [] as Run[], ours: CALLERS.map(() => [] as Run[]) };
    // Rounds interleave the scenarios, so a busy machine slows them all alike.
    for (let round = 0; round < ROUNDS; round++) {
      runs.baseline.push(await run(emulator, CAP, (name) => official.conversations.v1.conversations.create({ friendlyName: name })));
      for (const [i, callers] of CALLERS.entries()) {
        // A fresh client each time, with the default settings (limit 10, adapted from there).
        const client = new TwilioClient(settings);
        runs.ours[i]!.push(
          await run(emulator, callers, (name) =>
            client.request({ method: "POST", path: "/v1/Conversations", form: { FriendlyName: name } }),
          ),
        );
      }
    }
    const baseline = median(runs.baseline);
    const baselineRate = baseline.created / baseline.seconds;
    const results: BenchResult[] = [
      {
        name: `${CREATES} creates, cap ${CAP}, ${LATENCY_MS} ms: twilio 6 in a pool of ${CAP} (baseline)`,
        baseline: `ideal ${IDEAL_PER_SECOND.toFixed(1)}/s (cap / latency)`,
        measured: describeRun(baseline),
        ratio: baselineRate / IDEAL_PER_SECOND,
        better: "higher",
      },
    ];
    for (const [i, callers] of CALLERS.entries()) {
      const ours = median(runs.ours[i]!);
      results.push({
        name: `${CREATES} creates, cap ${CAP}, ${LATENCY_MS} ms: provider client, ${callers} callers`,
        baseline: `twilio pool ${baselineRate.toFixed(1)}/s`,
        measured: describeRun(ours),
        ratio: ours.created / ours.seconds / baselineRate,
        better: "higher",
      });
    }
    return results;
  } finally {
    await emulator.close();
  }
}
