/**
 * Text (YAML or JSON) to a validated conversations setup document, or a {@link SpecError} that
 * names every problem by its path in the document and its line.
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";

import type { SpecDocument } from "./document";
import { formatPath, SpecError, type SpecIssue } from "./issues";
import { entriesOf } from "./kinds";
import type { SpecPath } from "./parameters";
import { referenceIssues } from "./references";
import { documentSchema } from "./schema";
import { zodIssues } from "./zod-issues";

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

/** A document's text, read: the value, and the line of each path. */
export interface ReadText {
  readonly value: unknown;
  lineOf(path: SpecPath): number | undefined;
}

/**
 * Reads YAML or JSON text (YAML 1.2 is a superset of JSON, so one parser reads both). Duplicate
 * keys are errors (a GitOps file must not silently lose an entry).
 * @throws SpecError when the text is not YAML, each problem with its line
 */
export function readText(text: string, source?: string): ReadText {
  const lineCounter = new LineCounter();
  const yamlDoc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (yamlDoc.errors.length > 0) {
    throw new SpecError(
      yamlDoc.errors.map((e) => ({
        path: [],
        message: `is not valid YAML or JSON: ${e.message.split("\n")[0]}`,
        line: e.linePos?.[0]?.line,
      })),
      source,
    );
  }
  try {
    // maxAliasCount bounds alias expansion ("billion laughs").
    return { value: yamlDoc.toJS({ maxAliasCount: 100 }), lineOf: (path) => lineOfPath(yamlDoc, lineCounter, path) };
  } catch (e) {
    throw new SpecError([{ path: [], message: `cannot be read: ${(e as Error).message}` }], source);
  }
}

/**
 * Parses and validates a document: its structure, then (when that holds) the references between
 * its entries and its parameter names.
 *
 * @throws SpecError with every problem found, each with its path and line
 */
export function parseSpec(text: string, options: ParseOptions = {}): SpecDocument {
  const { value, lineOf } = readText(text, options.source);
  return validateSpec(value, { source: options.source, lineOf });
}

/** The empty document's problem. */
const EMPTY = { path: [], message: "is empty: expected a mapping with at least `version: 1`" };

/** Every structural problem of a document in memory (none: it has the document's shape). */
export function structureIssues(value: unknown): Array<Omit<SpecIssue, "line">> {
  if (value === null || value === undefined) return [EMPTY];
  const parsed = documentSchema().safeParse(value);
  return parsed.success ? [] : zodIssues(parsed.error);
}

/** A document made fit for the later checks, and the entries whose own fields were set aside. */
export interface Standing {
  readonly doc: SpecDocument;
  /** The paths (as {@link formatPath} writes them) of the entries with a structural problem of their own. */
  readonly broken: ReadonlySet<string>;
}

/**
 * The document with each structurally broken entry's own fields set aside (its key and the
 * entries inside it stay: a reference to it is not a reference to a missing entry, and a role of
 * a broken service is still checked), parameters with a problem and sections that are not
 * mappings left out. The later checks run on the rest.
 */
export function withoutBroken(value: unknown, issues: ReadonlyArray<Omit<SpecIssue, "line">>): Standing {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { doc: { version: 1 }, broken: new Set() };
  const under = (path: readonly (string | number)[], prefix: SpecPath) => prefix.every((p, n) => path[n] === p);
  // A JSON copy: the document is JSON data, and structuredClone would make arrays of another realm under jest.
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  const entries = entriesOf(copy);
  const broken = new Set<string>();
  for (const issue of issues) {
    // The issue is the deepest entry's that holds its path.
    const owner = entries.filter((e) => under(issue.path, e.path)).sort((a, b) => b.path.length - a.path.length)[0];
    if (!owner || broken.has(formatPath(owner.path))) continue;
    broken.add(formatPath(owner.path));
    const fields = owner.path.reduce<unknown>((v, p) => (v as Record<string, unknown>)[p], copy) as Record<string, unknown>;
    for (const key of Object.keys(owner.value)) delete fields[key];
  }
  const parameters = copy.parameters;
  if (parameters !== null && typeof parameters === "object") {
    for (const name of Object.keys(parameters)) {
      if (issues.some((i) => under(i.path, ["parameters", name]))) delete (parameters as Record<string, unknown>)[name];
    }
  }
  for (const key of Object.keys(copy)) if (issues.some((i) => i.path.length === 1 && i.path[0] === key)) delete copy[key];
  return { doc: copy as unknown as SpecDocument, broken };
}

/**
 * Validates a document already in memory (a parsed object). {@link parseSpec} calls it with the
 * text's line numbers.
 * @throws SpecError with every problem found
 */
export function validateSpec(value: unknown, options: Partial<SpecSource> = {}): SpecDocument {
  const lineOf = options.lineOf ?? (() => undefined);
  const located = (issues: Array<Omit<SpecIssue, "line">>): SpecIssue[] => locate(issues, lineOf);
  const structure = structureIssues(value);
  if (structure.length > 0) throw new SpecError(located(structure), options.source);
  const doc = documentSchema().parse(value) as SpecDocument;
  const references = referenceIssues(doc);
  if (references.length > 0) throw new SpecError(located(references), options.source);
  recordSource(doc, { source: options.source, lineOf });
  return doc;
}

/** Remembers where a document came from, for messages about it later (resolve.ts). */
export function recordSource(doc: SpecDocument, source: SpecSource): void {
  sources.set(doc, source);
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
