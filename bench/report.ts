/** One benchmark figure: a measurement and the baseline it is compared with, from the same run. */
export interface BenchResult {
  name: string;
  baseline: string;
  measured: string;
  /** measured / baseline. */
  ratio: number;
  /** Which way is better for this figure: a time or a count (lower, the default), or a rate (higher). */
  better?: "lower" | "higher";
}

export function formatResults(results: BenchResult[]): string {
  const rows = results.map((r) => [r.name, r.baseline, r.measured, r.ratio.toFixed(3), r.better ?? "lower"]);
  const header = ["benchmark", "baseline", "measured", "ratio", "better"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
