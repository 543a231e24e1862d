/**
 * The whole check of a conversations setup document, as `ConversationsSetup` runs it before it
 * registers anything and as `pulumi-twilio-conversations validate` runs it in CI: every problem
 * of every stage in one pass. Structure (the document schema), references between entries and
 * parameter names, parameter values, then each entry through its kind's input schema; a stage
 * runs on whatever the stages before it left standing (an entry with a structural problem is left
 * out of the later ones, the others are still checked).
 */
import type { SpecDocument } from "./document";
import { SpecError, type SpecIssue } from "./issues";
import { locate, type ReadText, readText, recordSource, sourceOf, structureIssues, withoutBroken } from "./parse";
import { referenceIssues } from "./references";
import { type ResolvedSpec, resolveEntries, type ResolveOptions } from "./resolve";

/** Options of {@link checkSpec}. */
export interface CheckOptions extends ResolveOptions {
  /** Where the text came from (`conversations.yaml`), named in messages. */
  readonly source?: string;
}

/** Every problem found, in the order of the text; and, when there is none, every entry ready for its resource. */
export interface CheckResult {
  readonly issues: readonly SpecIssue[];
  /** Present when there are no issues. */
  readonly resolved?: ResolvedSpec;
  /** The document (as read from the text); absent when the text is not YAML. */
  readonly document?: SpecDocument;
}

/**
 * Checks a document: text (YAML or JSON) or a document in memory (`parseSpec`'s result keeps its
 * line numbers). Never throws for a problem of the document: each is an issue.
 */
export function checkSpec(spec: unknown, options: CheckOptions = {}): CheckResult {
  let read: ReadText;
  if (typeof spec === "string") {
    try {
      read = readText(spec, options.source);
    } catch (e) {
      if (SpecError.isInstance(e)) return { issues: e.issues };
      throw e;
    }
  } else {
    const recorded = spec !== null && typeof spec === "object" ? sourceOf(spec as SpecDocument) : undefined;
    read = { value: spec, lineOf: recorded?.lineOf ?? (() => undefined) };
  }
  const found: Array<Omit<SpecIssue, "line">> = [...structureIssues(read.value)];
  if (read.value === null || read.value === undefined) return { issues: locate(found, read.lineOf) };
  const { doc, broken } = withoutBroken(read.value, found);
  found.push(...referenceIssues(doc));
  const { resolved, issues } = resolveEntries(doc, options, broken);
  found.push(...issues);
  // One problem can be seen by two stages (a reference held in a parameter): say it once.
  const seen = new Set<string>();
  const unique = found.filter((i) => {
    const id = `${JSON.stringify(i.path)}\u0000${i.message}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
  const document = read.value as SpecDocument;
  if (typeof spec === "string" && typeof read.value === "object") recordSource(document, { source: options.source, lineOf: read.lineOf });
  const located = locate(unique, read.lineOf);
  return located.length > 0 ? { issues: located, document } : { issues: [], resolved, document };
}
