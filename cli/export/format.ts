/**
 * The exported document as text: YAML (default) with a header comment, or JSON. Neither holds a
 * credential, an account SID or a date, so exporting the same setup twice gives the same text.
 */
import { Document, isScalar, isSeq, visit } from "yaml";

import type { SpecDocument } from "../../sdk/spec/document";
import { JSON_SCHEMA_PATH } from "../../sdk/spec/json-schema";

export type OutputFormat = "yaml" | "json";
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["yaml", "json"];

/** Where editors find the schema when the package is installed next to the file. */
export const DEFAULT_SCHEMA_REF = `./node_modules/pulumi-twilio-conversations/${JSON_SCHEMA_PATH}`;

/** What the header says; each line becomes a `#` comment. */
export const HEADER_LINES: readonly string[] = [
  "Exported by `pulumi-twilio-conversations export`: this account's Twilio Conversations setup.",
  "Apply it to another account with the ConversationsSetup component (pulumi up), one stack per environment.",
  "",
  "Parameters hold this account's environment-specific values (messaging service SIDs, memory store ids,",
  "status callback URLs) as defaults: set them per stack with `pulumi config set <name> <value>`.",
  "",
  "Not exported: conversation timers. Twilio reports when a conversation's timers fire, not the",
  "durations they were set with, so add `timers: {inactive: PT1H, closed: P1D}` by hand where needed.",
  "The account's default timers (account.defaultInactiveTimer, defaultClosedTimer) are exported.",
];

/** The document as text in the format. */
export function formatSpec(doc: SpecDocument, format: OutputFormat, schemaRef: string = DEFAULT_SCHEMA_REF): string {
  if (format === "json") {
    return `${JSON.stringify({ $schema: schemaRef, ...doc }, null, 2)}\n`;
  }
  const yaml = new Document(doc);
  // Lists of plain values (permissions, ids) on one line: a role reads as one entry, not twenty lines.
  visit(yaml, {
    Seq(_key, node) {
      if (isSeq(node) && node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  yaml.commentBefore = [` yaml-language-server: $schema=${schemaRef}`, "", ...HEADER_LINES.map((l) => (l === "" ? "" : ` ${l}`))].join(
    "\n",
  );
  return yaml.toString({ lineWidth: 0 });
}

/** The format a file name implies: `.json` is JSON, anything else YAML. */
export function formatForFile(file: string | undefined): OutputFormat {
  return file !== undefined && /\.json$/i.test(file) ? "json" : "yaml";
}
