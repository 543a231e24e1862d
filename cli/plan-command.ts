/**
 * `pulumi-twilio-conversations plan <spec>`: what `pulumi up` from an empty stack would create,
 * adopt, change or leave in the live account, entry by entry, without Pulumi and without writing
 * anything (plan.ts). Exit codes as `terraform plan -detailed-exitcode`: 0 no difference, 2
 * differences, 1 an error (an invalid document, a failed read).
 */
import { Option } from "commander";

import { TwilioClient } from "../provider/http/client";
import { checkSpec } from "../sdk/spec/check";
import { CONVERSATION_SELECTIONS, type ConversationSelection } from "./export";
import { progressFor } from "./export/progress";
import { readAccount } from "./export/read-account";
import { positiveInteger } from "./export-command";
import type { CliIo } from "./io";
import { comparePlan, type Plan, type PlanStep } from "./plan";
import type { SubcommandFactory } from "./program";
import { type AccountFlags, commandSettings, withAccountFlags } from "./settings";
import { formatProblems, parameterFlagHint, parameterPair, problemCount, readSpecFile } from "./spec-input";

interface PlanFlags extends AccountFlags {
  parameters?: Record<string, string>;
  format: "text" | "json";
  conversations: ConversationSelection;
  concurrency: number;
  progress: boolean;
}

const SIGNS: Record<PlanStep["action"], string> = { create: "+", adopt: "=", change: "~", replace: "±", same: " " };

/** The plan as lines for people. */
export function formatPlan(plan: Plan, file: string): string {
  const lines = [`Plan for ${file}:`];
  const width = Math.max(0, ...plan.steps.map((s) => s.path.length));
  for (const step of plan.steps) {
    lines.push(`  ${SIGNS[step.action]} ${step.action.padEnd(7)} ${step.path.padEnd(width)}  ${step.kind}`);
    for (const c of step.changes) lines.push(`      ${c.field}: ${JSON.stringify(c.live)} -> ${JSON.stringify(c.declared)}`);
  }
  for (const l of plan.left) lines.push(`  . leave   ${l.kind} ${JSON.stringify(l.name)} (in the account, not in the document)`);
  const count = (action: PlanStep["action"]) => plan.steps.filter((s) => s.action === action).length;
  lines.push(
    `Plan: ${count("create")} to create, ${count("adopt")} to adopt, ${count("change") + count("replace")} to change ` +
      `(${count("replace")} by replacement), ${count("same")} unchanged, ${plan.left.length} left alone. ` +
      (plan.differs ? "pulumi up would write to the account." : "No differences."),
  );
  return lines.map((l) => `${l}\n`).join("");
}

/** Adds the `plan` subcommand. */
export function registerPlanCommand(command: SubcommandFactory, io: CliIo): void {
  withAccountFlags(
    command("plan")
      .description(
        "Compare a conversations setup document with a live account, read-only: what pulumi up from an empty stack would " +
          "create, adopt, change or leave (exit 0: no difference, 2: differences, 1: error)",
      )
      .argument("<spec>", "the document (conversations.yaml)")
      .option("--parameters <name=value...>", "this environment's parameter values", parameterPair)
      .addOption(new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"))
      .addOption(
        new Option("--conversations <which>", "which live conversations to read").choices(CONVERSATION_SELECTIONS).default("unique-named"),
      ),
  )
    .option("--concurrency <n>", "lists read at once", positiveInteger, 4)
    .option("--no-progress", "no progress display (it only shows when stderr is a terminal anyway)")
    .action(async (file: string, flags: PlanFlags) => {
      const { issues, resolved } = checkSpec(readSpecFile(file), {
        source: file,
        parameters: flags.parameters ?? {},
        missingParameterHint: parameterFlagHint,
      });
      if (!resolved) {
        io.stderr.write(formatProblems(issues, file, "text"));
        io.stderr.write(`${file}: ${problemCount(issues.length)}; nothing was read from the account\n`);
        io.exitCode = 1;
        return;
      }
      const settings = commandSettings(flags, io.env);
      const progress = progressFor(io.stderr, flags.progress);
      let plan: Plan;
      try {
        const snapshot = await readAccount(new TwilioClient(settings), {
          conversations: flags.conversations,
          concurrency: flags.concurrency,
          onProgress: (e) => progress.update(e),
          onPage: (e) => progress.page(e),
        });
        plan = await comparePlan(resolved, snapshot);
      } finally {
        progress.stop();
      }
      io.stdout.write(flags.format === "json" ? `${JSON.stringify(plan, null, 2)}\n` : formatPlan(plan, file));
      io.exitCode = plan.differs ? 2 : 0;
    });
}
