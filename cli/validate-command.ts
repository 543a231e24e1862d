/**
 * `pulumi-twilio-conversations validate <spec>`: the check `ConversationsSetup` runs before it
 * creates anything (sdk/spec/check.ts, the same code), offline and without Pulumi, for CI. Every
 * problem of every stage in one run, each as `file:line: path: message`; exit 1 when there is any.
 */
import { Option } from "commander";

import { checkSpec } from "../sdk/spec/check";
import { entriesOf } from "../sdk/spec/kinds";
import type { CliIo } from "./io";
import type { SubcommandFactory } from "./program";
import {
  formatProblems,
  parameterFlagHint,
  parameterPair,
  PROBLEM_FORMATS,
  problemCount,
  type ProblemFormat,
  readSpecFile,
} from "./spec-input";

interface ValidateFlags {
  parameters?: Record<string, string>;
  format: ProblemFormat;
}

/** Adds the `validate` subcommand. */
export function registerValidateCommand(command: SubcommandFactory, io: CliIo): void {
  command("validate")
    .description("Check a conversations setup document offline, as ConversationsSetup does before pulumi up: every problem in one run")
    .argument("<spec>", "the document (conversations.yaml)")
    .option(
      "--parameters <name=value...>",
      "this environment's parameter values (a parameter without one and without a default is a problem)",
      parameterPair,
    )
    .addOption(new Option("--format <format>", "text, json, or github (workflow annotations)").choices(PROBLEM_FORMATS).default("text"))
    .action((file: string, flags: ValidateFlags) => {
      const text = readSpecFile(file);
      const { issues, document } = checkSpec(text, {
        source: file,
        parameters: flags.parameters ?? {},
        missingParameterHint: parameterFlagHint,
      });
      io.stdout.write(formatProblems(issues, file, flags.format));
      if (flags.format !== "json") {
        const entries = document ? entriesOf(document).length : 0;
        io.stdout.write(issues.length > 0 ? `${file}: ${problemCount(issues.length)}\n` : `${file}: valid (${entries} entries)\n`);
      }
      if (issues.length > 0) io.exitCode = 1;
    });
}
