/**
 * `npm run bench`: performance as ratios against baselines measured in the same run (never timed
 * assertions in tests). A ratio below 1 means better than the baseline.
 */
import { benchPolling } from "./polling";
import { benchRealEngine } from "./real-engine";
import { type BenchResult, formatResults } from "./report";
import { benchThroughput } from "./throughput";

async function main(): Promise<void> {
  const results: BenchResult[] = [];
  results.push(...(await benchPolling()));
  results.push(...(await benchThroughput()));
  const realEngine = await benchRealEngine();
  results.push(...realEngine.results);
  console.log(formatResults(results));
  if (realEngine.skipped) console.log(`real engine: skipped: ${realEngine.skipped}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
