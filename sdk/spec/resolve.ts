/**
 * A validated document plus one stack's parameter values -> every entry ready to become a resource:
 * its fields with parameters filled in, and its references left as {@link Reference}s for the
 * component to wire to resource outputs.
 *
 * Each entry is checked by its kind's own input schema (resources/<kind>/schema.ts) after
 * parameters are filled in, with every reference replaced by a SID of the right shape (a
 * placeholder for a key); the schema's issue paths are mapped back onto the document (a
 * conversation's `chatServiceSid` is its `service`). So the field rules live in one place, and a
 * spec fails before any resource is registered, let alone any request sent.
 */
import type { ReferenceField } from "../../resources/kind";
import type { Reference, SpecDocument } from "./document";
import { formatPath, SpecError, type SpecIssue } from "./issues";
import {
  creationOrder,
  type DocumentKind,
  documentPath,
  entriesOf,
  type EntryAt,
  fieldPath,
  inputsOf,
  keysFor,
  kindNamed,
  placeholderSid,
  valueAt,
  withoutAt,
} from "./kinds";
import { hasParameters, interpolateAll, parameterValues, pulumiConfigHint, type SpecPath } from "./parameters";
import { locate, sourceOf } from "./parse";
import { checkReference, referenceValue, secretParameters } from "./references";
import { zodIssues } from "./zod-issues";

/** One entry, ready for its resource. */
export interface ResolvedEntry {
  /** The kind's name, as in its type token (`Conversation`). */
  readonly kind: string;
  /** Where the entry is in the document (`["services", "support", "roles", "agent"]`). */
  readonly path: SpecPath;
  /** Its key (a singleton's is its section's name: `account`, `configuration`). */
  readonly key: string;
  /** The key of the entry it sits in (a role's service), for kinds placed inside one. */
  readonly parentKey?: string;
  /** Its fields with parameters filled in, without its references and the sections inside it. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Its references by field (`service`), each an entry's key or a SID; `null` for "none". */
  readonly references: Readonly<Record<string, Reference | null>>;
}

/** Every entry of a document, in the order their resources are made (then by key: the file's order changes nothing). */
export interface ResolvedSpec {
  readonly entries: readonly ResolvedEntry[];
}

/** Options of {@link resolveSpec}. */
export interface ResolveOptions {
  /** This stack's parameter values, by name (or a lookup); a parameter without one takes its default. */
  readonly parameters?: Readonly<Record<string, string | undefined>> | ((name: string) => string | undefined);
  /**
   * How to tell the user to set a missing parameter (default: the `pulumi config set` command);
   * `secret` when the document uses it for a secret (`pulumi config set --secret`).
   */
  readonly missingParameterHint?: (name: string, secret: boolean) => string;
  /** Named in messages; default: the source recorded by parseSpec. */
  readonly source?: string;
}

/** What {@link resolveEntries} found: the entries, and every problem (issues without lines). */
export interface Resolution {
  readonly resolved: ResolvedSpec;
  readonly issues: ReadonlyArray<Omit<SpecIssue, "line">>;
}

const byKey = (a: EntryAt, b: EntryAt) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Fills in parameters, resolves references and validates every entry with its kind's schema,
 * collecting every problem: a missing parameter is reported once, where it is first used, and its
 * entry is still checked (except at the paths the parameter stood in for).
 * @param broken entries (by path) whose structural problems were reported already: their own fields are not checked again
 */
export function resolveEntries(doc: SpecDocument, options: ResolveOptions = {}, broken: ReadonlySet<string> = new Set()): Resolution {
  const hint = options.missingParameterHint ?? pulumiConfigHint;
  const values = parameterValues(doc, options.parameters ?? {});
  const secrets = secretParameters(doc);
  const issues: Array<Omit<SpecIssue, "line">> = [];

  // 1. Parameters.
  const reportedMissing = new Set<string>();
  const missingAt: SpecPath[] = [];
  const filled = interpolateAll({ ...doc, parameters: undefined, $schema: undefined }, (name, path) => {
    const value = values.get(name);
    if (value !== undefined) return value;
    missingAt.push(path);
    if (!reportedMissing.has(name)) {
      reportedMissing.add(name);
      const what = secrets.has(name) ? "secret parameter" : "parameter";
      issues.push({
        path,
        message: `uses ${what} "${name}", which has no value for this stack and no default: ${hint(name, secrets.has(name))}`,
      });
    }
    return "";
  });
  const unknownAt = (path: readonly (string | number)[]) => missingAt.some((m) => m.every((p, n) => path[n] === p));

  // 2. References (again: a parameter may have supplied one) and 3. each entry's input schema.
  const hadParameters = (path: SpecPath): boolean => {
    const value = valueAt(doc, path);
    return typeof value === "string" && hasParameters(value);
  };
  const all = entriesOf(filled);
  const ordered = creationOrder().flatMap((kind) => all.filter((e) => e.kind === kind).sort(byKey));
  const entries: ResolvedEntry[] = [];
  for (const entry of ordered) {
    const { kind } = entry;
    const references: Record<string, Reference | null> = {};
    let fields: Record<string, unknown> = { ...entry.value };
    for (const ref of kind.spec.references ?? []) {
      fields = withoutAt(fields, fieldPath(ref.field));
      const resolved = resolveReference(filled, entry, ref, (path, message) => {
        // Without parameters, the document check already reported it.
        if (hadParameters(path) && !unknownAt(path)) issues.push({ path, message });
      });
      if (resolved !== undefined) references[ref.field] = resolved;
    }
    const resolved: ResolvedEntry = {
      kind: kind.name,
      path: entry.path,
      key: entry.key,
      ...(entry.parent ? { parentKey: entry.parent.key } : {}),
      fields,
      references,
    };
    entries.push(resolved);
    if (broken.has(formatPath(entry.path))) continue;
    const placeholders = inputsOf(
      kind,
      resolved,
      (ref, target) => ("sid" in ref ? ref.sid : placeholderSid(target)),
      parentPlaceholder(kind),
    );
    const result = kind.schema.safeParse(placeholders);
    if (!result.success) {
      for (const issue of zodIssues(result.error)) {
        const path = [...entry.path, ...documentPath(kind, issue.path)];
        if (!unknownAt(path)) issues.push({ path, message: issue.message });
      }
    }
  }
  return { resolved: { entries }, issues };
}

/** The parent's stand-in id while an entry is validated. */
function parentPlaceholder(kind: DocumentKind): string | undefined {
  const parent = kind.spec.placement.parent;
  return parent ? placeholderSid(kindNamed(parent.kind)) : undefined;
}

/** A reference field's value as a {@link Reference} (`null`: "none"; undefined: left out, or wrong, which `report` is told). */
function resolveReference(
  doc: unknown,
  entry: EntryAt,
  ref: ReferenceField,
  report: (path: SpecPath, message: string) => void,
): Reference | null | undefined {
  const value = referenceValue(entry, ref);
  if (value === null && ref.nullable) return null;
  if (typeof value !== "string") return undefined;
  const target = kindNamed(ref.kind);
  const { keys, where } = keysFor(doc, target, entry);
  const resolved = checkReference(value, target, keys, where);
  if (typeof resolved !== "string") return resolved;
  report([...entry.path, ...fieldPath(ref.field)], resolved);
  return undefined;
}

/**
 * Fills in parameters, resolves references and validates every entry with its kind's schema.
 * @throws SpecError naming each problem's path (and line, for a parsed text), including each
 *   parameter without a value (with the command that sets it)
 */
export function resolveSpec(doc: SpecDocument, options: ResolveOptions = {}): ResolvedSpec {
  const recorded = sourceOf(doc);
  const { resolved, issues } = resolveEntries(doc, options);
  if (issues.length > 0) throw new SpecError(locate(issues, recorded?.lineOf ?? (() => undefined)), options.source ?? recorded?.source);
  return resolved;
}
