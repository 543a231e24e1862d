/**
 * Requests per second through the one client at different in-flight limits, against the emulator
 * with added latency (standing in for the round trip to Twilio). The baseline is one request at a
 * time, measured in the same run, so the ratio says what the limit buys on this machine today.
 */
import { startEmulator } from "../emulator/server";
import { resolveSettings } from "../provider/config";
import { TwilioClient } from "../provider/http/client";
import type { BenchResult } from "./report";

const REQUESTS = 60;
const LATENCY_MS = 25;

async function timeWrites(url: string, accountSid: string, authToken: string, limit: number, round: number): Promise<number> {
  const settings = resolveSettings(
    { get: () => undefined },
    {
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_CONVERSATIONS_BASE_URL: url,
      TWILIO_MAX_CONCURRENT_REQUESTS: String(limit),
    },
  );
  const client = new TwilioClient(settings);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: REQUESTS }, (_, i) =>
      client.request({ method: "POST", path: "/v1/Conversations", form: { UniqueName: `bench-${limit}-${round}-${i}` } }),
    ),
  );
  return performance.now() - started;
}

export async function benchThroughput(): Promise<BenchResult[]> {
  const emulator = await startEmulator({ port: 0, faults: { latencyMs: LATENCY_MS } });
  try {
    const median = async (limit: number) => {
      const times: number[] = [];
      for (let round = 0; round < 3; round++)
        times.push(await timeWrites(emulator.url, emulator.accountSid, emulator.authToken, limit, round));
      return times.sort((a, b) => a - b)[1]!;
    };
    const baseline = await median(1);
    const results: BenchResult[] = [];
    for (const limit of [4, 10]) {
      const ms = await median(limit);
      results.push({
        name: `${REQUESTS} conversation creates, ${LATENCY_MS} ms latency, ${limit} in flight: wall time`,
        baseline: `${baseline.toFixed(0)} ms (1 in flight)`,
        measured: `${ms.toFixed(0)} ms`,
        ratio: ms / baseline,
      });
    }
    return results;
  } finally {
    await emulator.close();
  }
}
