/** One benchmark figure: a measurement and the baseline it is compared with, from the same run. */
export interface BenchResult {
  name: string;
  baseline: string;
  measured: string;
  /** measured / baseline: below 1 is better than the baseline. */
  ratio: number;
}

export function formatResults(results: BenchResult[]): string {
  const rows = results.map((r) => [r.name, r.baseline, r.measured, r.ratio.toFixed(3)]);
  const header = ["benchmark", "baseline", "measured", "ratio"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
