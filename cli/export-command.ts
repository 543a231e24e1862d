/**
 * `twilio-conversations export`: writes a live account's Conversations setup as a document
 * (YAML or JSON) for ConversationsSetup. Settings and credentials are the provider's, from the
 * environment (TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or TWILIO_API_KEY with TWILIO_API_SECRET;
 * TWILIO_REGION, TWILIO_EDGE, TWILIO_CONVERSATIONS_BASE_URL); flags override the non-secret ones.
 * Credentials are never flags, so they stay out of shell history and process lists.
 */
import * as fs from "node:fs";

import { Command, InvalidArgumentError, Option } from "commander";

import { resolveSettings } from "../provider/config";
import { TwilioClient } from "../provider/http/client";
import { CONVERSATION_SELECTIONS, type ConversationSelection, exportAccount, formatForFile, formatSpec, type OutputFormat } from "./export";
import { DEFAULT_SCHEMA_REF, OUTPUT_FORMATS } from "./export/format";
import { progressFor } from "./export/progress";

interface ExportFlags {
  output?: string;
  format?: OutputFormat;
  conversations: ConversationSelection;
  baseUrl?: string;
  region?: string;
  edge?: string;
  accountSid?: string;
  concurrency: number;
  schema: string;
  progress: boolean;
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("expected an integer >= 1");
  return Number(value);
}

/** The environment the settings are resolved from: the process's, with the flags on top. */
export function settingsEnv(
  flags: Pick<ExportFlags, "baseUrl" | "region" | "edge" | "accountSid">,
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const out = { ...env };
  if (flags.baseUrl !== undefined) out.TWILIO_CONVERSATIONS_BASE_URL = flags.baseUrl;
  if (flags.region !== undefined) out.TWILIO_REGION = flags.region;
  if (flags.edge !== undefined) out.TWILIO_EDGE = flags.edge;
  if (flags.accountSid !== undefined) out.TWILIO_ACCOUNT_SID = flags.accountSid;
  return out;
}

/** Adds the `export` subcommand to the program. */
export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("Write a live account's Conversations setup as a document for ConversationsSetup (credentials from the environment)")
    .option("-o, --output <file>", "write to this file instead of stdout")
    .addOption(
      new Option("--format <format>", "yaml or json (default: from the output file's extension, else yaml)").choices(OUTPUT_FORMATS),
    )
    .addOption(
      new Option("--conversations <which>", "which conversations to export").choices(CONVERSATION_SELECTIONS).default("unique-named"),
    )
    .option("--base-url <url>", "API base URL, e.g. the emulator (TWILIO_CONVERSATIONS_BASE_URL)")
    .option("--region <region>", "Twilio region (TWILIO_REGION)")
    .option("--edge <edge>", "Twilio edge (TWILIO_EDGE)")
    .option("--account-sid <sid>", "account to export (TWILIO_ACCOUNT_SID); the secret still comes from the environment")
    .option("--concurrency <n>", "lists read at once", positiveInteger, 4)
    .option("--schema <ref>", "JSON Schema reference written for editors", DEFAULT_SCHEMA_REF)
    .option("--no-progress", "no progress display (it only shows when stderr is a terminal anyway)")
    .action(async (flags: ExportFlags) => {
      const settings = resolveSettings(undefined, settingsEnv(flags));
      const client = new TwilioClient(settings);
      const progress = progressFor(process.stderr, flags.progress);
      let text: string;
      try {
        const doc = await exportAccount(client, {
          conversations: flags.conversations,
          concurrency: flags.concurrency,
          onProgress: (e) => progress.update(e),
        });
        text = formatSpec(doc, flags.format ?? formatForFile(flags.output), flags.schema);
      } finally {
        progress.stop();
      }
      if (flags.output === undefined) {
        process.stdout.write(text);
      } else {
        fs.writeFileSync(flags.output, text);
        process.stderr.write(`Wrote ${flags.output}\n`);
      }
    });
}
