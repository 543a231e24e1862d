/**
 * Text (YAML or JSON) to a validated conversations setup document, or a {@link SpecError} that
 * names every problem by its path in the document and its line.
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";

import { SpecError, type SpecIssue } from "./issues";
import type { SpecPath } from "./parameters";
import { referenceIssues } from "./references";
import { type SpecDocument, specStructureSchema } from "./schema";

/** Where a parsed document came from, for messages about it later (resolve.ts). */
export interface SpecSource {
  /** A file name or label, such as `conversations.yaml`. */
  readonly source?: string;
  /** The 1-based line of a path, or of its nearest ancestor present in the text. */
  lineOf(path: SpecPath): number | undefined;
}

const sources = new WeakMap<object, SpecSource>();

/** The source recorded for a document returned by {@link parseSpec} or {@link validateSpec}. */
export function sourceOf(doc: SpecDocument): SpecSource | undefined {
  return sources.get(doc);
}

/** Options of {@link parseSpec}. */
export interface ParseOptions {
  /** Named in messages (`conversations.yaml:12: ...`). */
  readonly source?: string;
}

/**
 * Parses and validates a document. YAML 1.2 is a superset of JSON, so one parser reads both.
 * Duplicate keys are errors (a GitOps file must not silently lose an entry).
 *
 * @throws SpecError with every problem found, each with its path and line
 */
export function parseSpec(text: string, options: ParseOptions = {}): SpecDocument {
  const lineCounter = new LineCounter();
  const yamlDoc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (yamlDoc.errors.length > 0) {
    throw new SpecError(
      yamlDoc.errors.map((e) => ({
        path: [],
        message: `is not valid YAML or JSON: ${e.message.split("\n")[0]}`,
        line: e.linePos?.[0]?.line,
      })),
      options.source,
    );
  }
  const lineOf = (path: SpecPath) => lineOfPath(yamlDoc, lineCounter, path);
  let value: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs").
    value = yamlDoc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new SpecError([{ path: [], message: `cannot be read: ${(e as Error).message}` }], options.source);
  }
  return validateSpec(value, { source: options.source, lineOf });
}

/**
 * Validates a document already in memory (a parsed object). {@link parseSpec} calls it with the
 * text's line numbers.
 * @throws SpecError with every problem found
 */
export function validateSpec(value: unknown, options: Partial<SpecSource> = {}): SpecDocument {
  const lineOf = options.lineOf ?? (() => undefined);
  const located = (issues: Array<Omit<SpecIssue, "line">>): SpecIssue[] => locate(issues, lineOf);
  if (value === null || value === undefined) {
    throw new SpecError([{ path: [], message: "is empty: expected a mapping with at least `version: 1`" }], options.source);
  }
  const parsed = specStructureSchema.safeParse(value);
  if (!parsed.success) {
    throw new SpecError(located(zodIssues(parsed.error)), options.source);
  }
  const references = referenceIssues(parsed.data);
  if (references.length > 0) {
    throw new SpecError(located(references), options.source);
  }
  sources.set(parsed.data, { source: options.source, lineOf });
  return parsed.data;
}

/** Issues with their lines, in the order of the text (issues without a line keep their place at the end). */
export function locate(issues: ReadonlyArray<Omit<SpecIssue, "line">>, lineOf: (path: SpecPath) => number | undefined): SpecIssue[] {
  const withLines = issues.map((issue): SpecIssue => {
    const line = lineOf(issue.path);
    return line === undefined ? { ...issue } : { ...issue, line };
  });
  // Array.prototype.sort is stable: issues on one line stay in the order they were found.
  return withLines.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
}

/**
 * Zod's issues as document issues. An unknown property is reported on its own path (so its line
 * is the key's); issues nested in a union are unwrapped to the most specific one.
 */
export function zodIssues(error: z.ZodError, prefix: SpecPath = []): Array<Omit<SpecIssue, "line">> {
  const out: Array<Omit<SpecIssue, "line">> = [];
  for (const issue of error.issues) {
    const path: SpecPath = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: [...path, key], message: issue.message });
    } else if (issue.code === "invalid_key") {
      out.push({ path, message: issue.issues[0]?.message ?? issue.message });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

/** The line of a path: the key's line for a map entry, the item's for a list entry; else the nearest ancestor's. */
function lineOfPath(doc: Document, counter: LineCounter, path: SpecPath): number | undefined {
  let node: unknown = doc.contents;
  let line = lineAt(node, counter);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      line = lineAt(pair.key, counter) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      if (node === undefined) break;
      line = lineAt(node, counter) ?? line;
    } else {
      break;
    }
  }
  return line;
}

function lineAt(node: unknown, counter: LineCounter): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}
