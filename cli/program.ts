/**
 * The `pulumi-twilio-conversations` command: each subcommand lives in its own module and is
 * registered here on one line. Every command answers `--help` and `--version`; a mistake on the
 * command line points to `--help`.
 */
import { Command } from "commander";

import { packageVersion } from "../provider/http/user-agent";
import { registerEmulatorCommand } from "./emulator-command";
import { registerExportCommand } from "./export-command";
import type { CliIo } from "./io";
import { registerPlanCommand } from "./plan-command";
import { registerValidateCommand } from "./validate-command";

/** The command's name: the package's, so `npx pulumi-twilio-conversations` runs this package whether installed or not. */
export const COMMAND_NAME = "pulumi-twilio-conversations";

/** Adds a subcommand that answers `--version` too (commander gives the flag to the program only). */
export type SubcommandFactory = (name: string) => Command;

/**
 * The program with every subcommand. `exitOverride` (for tests) makes commander throw instead of
 * exiting the process on a command-line mistake, `--help` and `--version`.
 */
export function createProgram(io: CliIo, options: { exitOverride?: boolean } = {}): Command {
  const version = packageVersion(__dirname);
  const program = new Command()
    .name(COMMAND_NAME)
    .description("Twilio Conversations as code: a local emulator of the API, and the export, validate and plan of a conversations.yaml.")
    .version(version, "-V, --version", "print the version")
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError(`(run \`${COMMAND_NAME} --help\`, or \`${COMMAND_NAME} <command> --help\`, for usage)`);
  if (options.exitOverride) program.exitOverride();
  const subcommand: SubcommandFactory = (name) => program.command(name).version(version, "-V, --version", "print the version");
  registerEmulatorCommand(subcommand, io);
  registerExportCommand(subcommand, io);
  registerValidateCommand(subcommand, io);
  registerPlanCommand(subcommand, io);
  return program;
}
