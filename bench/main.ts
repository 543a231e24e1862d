/**
 * `npm run bench`: performance as ratios against baselines measured in the same run (never timed
 * assertions in tests). The "better" column says which way each ratio improves.
 */
import { benchConcurrencyCap } from "./concurrency-cap";
import { benchDeclareResources } from "./declare-resources";
import { benchPolling } from "./polling";
import { type BenchResult, formatResults } from "./report";
import { benchSteadyState } from "./steady-state";
import { benchThroughput } from "./throughput";

async function main(): Promise<void> {
  const results: BenchResult[] = [];
  results.push(...(await benchPolling()));
  results.push(...(await benchConcurrencyCap()));
  results.push(...(await benchThroughput()));
  results.push(...(await benchSteadyState()));
  results.push(...(await benchDeclareResources()));
  console.log(formatResults(results));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
