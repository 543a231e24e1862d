#!/usr/bin/env node
/**
 * The `twilio-conversations` command. Each subcommand lives in its own module and is registered
 * here on one line, so adding one (export, ...) touches a single line of this file.
 */
import { Command } from "commander";

import { registerEmulatorCommand } from "./emulator-command";
import { registerExportCommand } from "./export-command";

const program = new Command()
  .name("twilio-conversations")
  .description("Tools for Twilio Conversations as code: a local emulator of the API, and more.");

registerEmulatorCommand(program);
registerExportCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
