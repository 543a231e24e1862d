import type { RunCounts, RunKind, RunStep, RunSummary, StepOp } from "./types";

const SYMBOL: Record<StepOp, string> = {
  create: "+ create",
  update: "~ update",
  replace: "+- replace",
  delete: "- delete",
  same: "  same",
};

/** Counts of zero for every op. */
export function emptyCounts(): RunCounts {
  return { create: 0, update: 0, replace: 0, delete: 0, same: 0 };
}

/** Counts steps by op. */
export function countSteps(steps: readonly RunStep[]): RunCounts {
  const counts = emptyCounts();
  for (const s of steps) {
    counts[s.op]++;
  }
  return counts;
}

/**
 * One step as the CLI shows it, e.g.
 * `~ update  pulumi-nodejs:dynamic/x:Conversation  support  (changed: friendlyName, attributes)`.
 */
export function formatStep(step: RunStep): string {
  const changed = step.changed && step.changed.length > 0 ? `  (changed: ${step.changed.join(", ")})` : "";
  return `${SYMBOL[step.op].padEnd(10)}  ${step.type}  ${step.name}${changed}`;
}

/** `Resources: 2 created, 1 updated, 3 unchanged` (preview: `2 to create, ...`). */
export function formatCounts(kind: RunKind, counts: RunCounts): string {
  const preview = kind === "preview";
  const parts: string[] = [];
  const add = (n: number, done: string, planned: string) => {
    if (n > 0) {
      parts.push(`${n} ${preview ? planned : done}`);
    }
  };
  add(counts.create, "created", "to create");
  add(counts.update, "updated", "to update");
  add(counts.replace, "replaced", "to replace");
  add(counts.delete, "deleted", "to delete");
  if (counts.same > 0) {
    parts.push(`${counts.same} unchanged`);
  }
  return `Resources: ${parts.length > 0 ? parts.join(", ") : "none"}`;
}

/** The whole run as the CLI would print it: steps, summary line, outputs, errors. */
export function formatSummary(summary: RunSummary): string {
  const lines: string[] = [`${summary.kind}:`];
  for (const step of summary.steps) {
    lines.push(`  ${formatStep(step)}`);
  }
  const outputKeys = Object.keys(summary.outputs);
  if (outputKeys.length > 0) {
    lines.push("Outputs:");
    for (const k of outputKeys) {
      lines.push(`  ${k}: ${JSON.stringify(summary.outputs[k]) ?? "undefined"}`);
    }
  }
  const shown = summary.diagnostics.filter((d) => d.severity === "warning" || d.severity === "error");
  if (shown.length > 0) {
    lines.push("Diagnostics:");
    for (const d of shown) {
      lines.push(`  ${d.severity}: ${d.message}`);
    }
  }
  lines.push(formatCounts(summary.kind, summary.counts));
  if (!summary.ok) {
    lines.push(`error: ${summary.kind} failed:`);
    for (const e of summary.errors) {
      lines.push(`  ${e}`);
    }
  }
  return lines.join("\n");
}
