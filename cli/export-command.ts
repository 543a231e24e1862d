/**
 * `pulumi-twilio-conversations export`: writes a live account's Conversations setup as a document
 * (YAML or JSON) for ConversationsSetup. Settings and credentials are the provider's, from the
 * environment (see settings.ts); flags override the non-secret ones.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { InvalidArgumentError, Option } from "commander";

import { TwilioConversationsError } from "../provider/error";
import { TwilioClient } from "../provider/http/client";
import { CONVERSATION_SELECTIONS, type ConversationSelection, formatForFile, formatSpec, type OutputFormat } from "./export";
import { DEFAULT_SCHEMA_REF, OUTPUT_FORMATS } from "./export/format";
import { exportWithSnapshot } from "./export/index";
import { progressFor } from "./export/progress";
import { summaryOf } from "./export/summary";
import type { CliIo } from "./io";
import type { SubcommandFactory } from "./program";
import { type AccountFlags, commandSettings, withAccountFlags } from "./settings";

interface ExportFlags extends AccountFlags {
  output?: string;
  format?: OutputFormat;
  conversations: ConversationSelection;
  concurrency: number;
  schema: string;
  progress: boolean;
}

/** A count flag: a whole number of at least 1. */
export function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("expected an integer >= 1");
  return Number(value);
}

/** An error a command reports as it is (no stack trace): a wrong flag or file. */
export class CommandError extends TwilioConversationsError {}

/**
 * Checks, before anything is read from the account, that the output file can be written: its
 * folder exists and is writable, and the file (if it exists) is a writable file.
 */
export function checkWritable(file: string): void {
  const dir = path.dirname(path.resolve(file));
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    // Not there yet: its folder must take it.
  }
  if (stat?.isDirectory())
    throw new CommandError(`--output ${file} is a folder: give a file name, such as ${path.join(file, "conversations.yaml")}`);
  try {
    if (!fs.statSync(dir).isDirectory()) throw new Error("not a folder");
    fs.accessSync(stat ? file : dir, fs.constants.W_OK);
  } catch {
    throw new CommandError(
      stat
        ? `--output ${file} cannot be written (permission denied): choose another file`
        : `--output ${file} cannot be created: ${dir} does not exist or cannot be written to`,
    );
  }
}

/** Adds the `export` subcommand. */
export function registerExportCommand(command: SubcommandFactory, io: CliIo): void {
  withAccountFlags(
    command("export")
      .description("Write a live account's Conversations setup as a document for ConversationsSetup (credentials from the environment)")
      .option("-o, --output <file>", "write to this file instead of stdout")
      .addOption(
        new Option("--format <format>", "yaml or json (default: from the output file's extension, else yaml)").choices(OUTPUT_FORMATS),
      )
      .addOption(
        new Option("--conversations <which>", "which conversations to export").choices(CONVERSATION_SELECTIONS).default("unique-named"),
      ),
  )
    .option("--concurrency <n>", "lists read at once", positiveInteger, 4)
    .option("--schema <ref>", "JSON Schema reference written for editors", DEFAULT_SCHEMA_REF)
    .option("--no-progress", "no progress display (it only shows when stderr is a terminal anyway)")
    .action(async (flags: ExportFlags) => {
      // Everything that can be checked without the account is checked first.
      if (flags.output !== undefined) checkWritable(flags.output);
      const settings = commandSettings(flags, io.env);
      const progress = progressFor(io.stderr, flags.progress, "Exporting");
      let text: string;
      let summary: string;
      try {
        const { document, snapshot } = await exportWithSnapshot(new TwilioClient(settings), {
          conversations: flags.conversations,
          concurrency: flags.concurrency,
          onProgress: (e) => progress.update(e),
          onPage: (e) => progress.page(e),
        });
        text = formatSpec(document, flags.format ?? formatForFile(flags.output), flags.schema);
        summary = summaryOf(snapshot, document);
      } finally {
        progress.stop();
      }
      if (flags.output === undefined) {
        io.stdout.write(text);
        io.stderr.write(`${summary}\n`);
      } else {
        fs.writeFileSync(flags.output, text);
        io.stderr.write(`Wrote ${flags.output}: ${summary}\n`);
      }
    });
}
