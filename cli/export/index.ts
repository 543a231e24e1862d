/**
 * The exporter as a library: a live account -> a conversations setup document. The CLI command
 * (`cli/export-command.ts`) is a thin wrapper around {@link exportAccount}.
 */
import type { TwilioClient } from "../../provider/http/client";
import type { SpecDocument } from "../../sdk/spec/document";
import { validateSpec } from "../../sdk/spec/parse";
import { buildSpec } from "./build-spec";
import { type AccountSnapshot, type ConversationSelection, type PageEvent, type ProgressEvent, readAccount } from "./read-account";

export { formatForFile, formatSpec, type OutputFormat } from "./format";
export { CONVERSATION_SELECTIONS, type ConversationSelection, type PageEvent, type ProgressEvent } from "./read-account";

/** Options of {@link exportAccount}. */
export interface ExportOptions {
  /** Which conversations: with a unique name (default), all, or none. */
  readonly conversations?: ConversationSelection;
  /** Lists read at once (default 4); the client's own in-flight limit applies too. */
  readonly concurrency?: number;
  /** Called as each list finishes. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Called as each page arrives. */
  readonly onPage?: (event: PageEvent) => void;
}

/** What an export read and wrote. */
export interface ExportResult {
  readonly document: SpecDocument;
  readonly snapshot: AccountSnapshot;
}

/**
 * Reads the account behind `client` and returns its setup as a document: every kind the registry
 * exports (services, roles, service configurations, the account configuration, conversations as
 * selected, orchestrator configurations). Twilio's own default service and each service's default
 * roles are marked `adoptExisting` (left out entirely while untouched); SIDs of exported objects
 * become references by key; environment-specific values become parameters with the account's
 * values as defaults. Conversation timers are not exported (Twilio reports dates, not durations).
 *
 * The result is checked with the document schema before it is returned, so what the exporter
 * writes is always a document `parseSpec` accepts.
 */
export async function exportAccount(client: TwilioClient, options: ExportOptions = {}): Promise<SpecDocument> {
  return (await exportWithSnapshot(client, options)).document;
}

/** {@link exportAccount}, with what was read (for the summary line and `plan`). */
export async function exportWithSnapshot(client: TwilioClient, options: ExportOptions = {}): Promise<ExportResult> {
  const snapshot = await readAccount(client, options);
  return { snapshot, document: validateSpec(buildSpec(snapshot), { source: "the exported document" }) };
}
