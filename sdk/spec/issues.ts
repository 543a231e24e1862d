/**
 * Problems found in a conversations setup document, each tied to its place in the document
 * (`conversations.support.timers.closed`) and, for YAML text, its line.
 */
import { TwilioConversationsError } from "../../provider/error";
import type { SpecPath } from "./parameters";

/** One problem in the document. */
export interface SpecIssue {
  /** Where: map keys and list indexes from the document's root. */
  readonly path: SpecPath;
  readonly message: string;
  /** 1-based line in the source text, when the document came from text. */
  readonly line?: number;
}

const PLAIN_SEGMENT = /^[A-Za-z0-9_@+-]+$/;

/**
 * A path as users read it: `services.support.roles.agent.permissions.0`. A key that would be
 * ambiguous in dotted form (a dot or a space in it) is quoted: `conversations."queue.billing".state`.
 */
export function formatPath(path: SpecPath): string {
  if (path.length === 0) return "(document)";
  return path.map((p) => (typeof p === "number" || PLAIN_SEGMENT.test(p) ? String(p) : JSON.stringify(p))).join(".");
}

/** One issue as a line: `conversations.yaml:12: conversations.support.state: must be one of ...`. */
export function formatIssue(issue: SpecIssue, source?: string): string {
  const where = source
    ? issue.line !== undefined
      ? `${source}:${issue.line}: `
      : `${source}: `
    : issue.line !== undefined
      ? `line ${issue.line}: `
      : "";
  return `${where}${formatPath(issue.path)}: ${issue.message}`;
}

/** The document is invalid. `issues` lists every problem found; the message lists them too. */
export class SpecError extends TwilioConversationsError {
  constructor(
    readonly issues: readonly SpecIssue[],
    readonly source?: string,
  ) {
    super(
      `${source ?? "The conversations setup document"} is not valid (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((i) => `  ${formatIssue(i, source)}`).join("\n"),
    );
  }
}
