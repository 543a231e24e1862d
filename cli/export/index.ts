/**
 * The exporter as a library: a live account -> a conversations setup document. The CLI command
 * (`cli/export-command.ts`) is a thin wrapper around {@link exportAccount}.
 */
import type { TwilioClient } from "../../provider/http/client";
import { validateSpec } from "../../sdk/spec/parse";
import type { SpecDocument } from "../../sdk/spec/schema";
import { buildSpec } from "./build-spec";
import { type ConversationSelection, type ProgressEvent, readAccount } from "./read-account";

export { formatForFile, formatSpec, type OutputFormat } from "./format";
export { CONVERSATION_SELECTIONS, type ConversationSelection, type ProgressEvent } from "./read-account";

/** Options of {@link exportAccount}. */
export interface ExportOptions {
  /** Which conversations: with a unique name (default), all, or none. */
  readonly conversations?: ConversationSelection;
  /** Lists read at once (default 4); the client's own in-flight limit applies too. */
  readonly concurrency?: number;
  readonly onProgress?: (event: ProgressEvent) => void;
}

/**
 * Reads the account behind `client` and returns its setup as a document: services (the default
 * one and each service's default roles marked `adoptExisting`), roles, service configurations,
 * the account configuration, conversations as selected and orchestrator configurations. SIDs of
 * exported objects become references by key; environment-specific values become parameters with
 * the account's values as defaults. Conversation timers are not exported (Twilio reports dates,
 * not durations).
 *
 * The result is checked with the document schema before it is returned, so what the exporter
 * writes is always a document `parseSpec` accepts.
 */
export async function exportAccount(client: TwilioClient, options: ExportOptions = {}): Promise<SpecDocument> {
  const snapshot = await readAccount(client, options);
  return validateSpec(buildSpec(snapshot), { source: "the exported document" });
}
