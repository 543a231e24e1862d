/**
 * The kind registry as the conversations setup document sees it: which kinds have sections where,
 * in what order their resources are made, and how to walk a document's entries. Every module of
 * sdk/spec, ConversationsSetup and the exporter go through here instead of naming kinds.
 */
import type { DocumentEntry, KindDescriptor, ReferenceField } from "../../resources/kind";
import { KINDS } from "../../resources/registry";
import type { Reference } from "./document";
import { formatPath } from "./issues";
import type { SpecPath } from "./parameters";
import type { ResolvedEntry } from "./resolve";

/** A kind, as the document uses it. */
export type DocumentKind = KindDescriptor;

/** Every kind, in the registry's order. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = KINDS;

/** The kind of a name; throws for a name the registry does not hold (a descriptor naming a kind that is not there). */
export function kindNamed(name: string): DocumentKind {
  const kind = DOCUMENT_KINDS.find((k) => k.name === name);
  if (!kind) throw new Error(`No resource kind named ${JSON.stringify(name)} in resources/registry.ts`);
  return kind;
}

/** The kinds whose sections sit at the document's root, or inside each entry of `parent`, in creation order. */
export function kindsIn(parent: string | undefined): DocumentKind[] {
  return creationOrder().filter((k) => k.spec.placement.parent?.kind === parent);
}

/** The SID shape of a kind's objects, for references that hold a SID instead of a key. */
export function sidPatternOf(kind: DocumentKind): RegExp | undefined {
  const prefix = kind.spec.sidPrefix;
  return prefix === undefined ? undefined : new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
}

/** A SID of the kind's shape, standing in for a key while an entry is validated. */
export function placeholderSid(kind: DocumentKind): string {
  return `${kind.spec.sidPrefix ?? "XX"}${"0".repeat(32)}`;
}

/** The reference fields of a kind whose named kind is `target`. */
export function referencesTo(kind: DocumentKind, target: string): ReferenceField[] {
  return (kind.spec.references ?? []).filter((r) => r.kind === target);
}

/**
 * The kinds in the order their resources are made: a parent before the kinds inside it, a kind
 * before the kinds that reference it, and the kind that sets an account default (the account
 * configuration) before the kinds whose entries rely on that default. Registry order otherwise.
 */
export function creationOrder(): DocumentKind[] {
  return (cachedOrder ??= computeCreationOrder());
}

let cachedOrder: DocumentKind[] | undefined;

function computeCreationOrder(): DocumentKind[] {
  const after = new Map<string, Set<string>>(DOCUMENT_KINDS.map((k) => [k.name, new Set<string>()]));
  for (const kind of DOCUMENT_KINDS) {
    const needs = after.get(kind.name)!;
    if (kind.spec.placement.parent) needs.add(kind.spec.placement.parent.kind);
    for (const ref of kind.spec.references ?? []) {
      needs.add(ref.kind);
      if (ref.omittedMeansDefault) {
        for (const other of DOCUMENT_KINDS) if (referencesTo(other, ref.kind).some((r) => r.setsDefault)) needs.add(other.name);
      }
    }
    needs.delete(kind.name);
  }
  const ordered: DocumentKind[] = [];
  const placed = new Set<string>();
  // Bounded: each pass places at least one kind, or the descriptors form a cycle.
  while (ordered.length < DOCUMENT_KINDS.length) {
    const next = DOCUMENT_KINDS.find((k) => !placed.has(k.name) && [...after.get(k.name)!].every((n) => placed.has(n)));
    if (!next) throw new Error("The kinds' references and placements form a cycle (resources/*/kind.ts)");
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

/**
 * The document's sections in the order a document is written: the root singletons, then the root
 * maps in creation order (what is referenced before what references it).
 */
export function rootSections(): DocumentKind[] {
  const roots = creationOrder().filter((k) => !k.spec.placement.parent);
  return [...roots.filter((k) => k.spec.placement.shape === "singleton"), ...roots.filter((k) => k.spec.placement.shape === "map")];
}

/** The kinds in the order the document shows them: each root section, and what sits in its entries after it. */
export function documentOrder(): DocumentKind[] {
  const withChildren = (kind: DocumentKind): DocumentKind[] => [kind, ...kindsIn(kind.name).flatMap(withChildren)];
  return rootSections().flatMap(withChildren);
}

/** One entry found in a document, with its kind and the key of the entry it sits in. */
export interface EntryAt extends DocumentEntry {
  readonly kind: DocumentKind;
  readonly path: SpecPath;
  /** The enclosing entry (a role's service), for kinds placed inside one. */
  readonly parent?: EntryAt;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The entries of one section of `holder` (the document, or a parent entry's fields as written). */
function sectionEntries(holder: Record<string, unknown>, kind: DocumentKind, at: SpecPath, parent: EntryAt | undefined): EntryAt[] {
  const { section, shape } = kind.spec.placement;
  const value = holder[section];
  if (!isRecord(value)) return [];
  const children = new Set(kindsIn(kind.name).map((k) => k.spec.placement.section));
  const own = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([k]) => !children.has(k)));
  const list: Array<[string, unknown, SpecPath]> =
    shape === "singleton" ? [[section, value, [...at, section]]] : Object.entries(value).map(([key, v]) => [key, v, [...at, section, key]]);
  const out: EntryAt[] = [];
  for (const [key, fields, path] of list) {
    if (!isRecord(fields)) continue;
    const entry: EntryAt = { kind, key, path, value: own(fields), parent };
    out.push(entry);
    for (const child of kindsIn(kind.name)) out.push(...sectionEntries(fields, child, path, entry));
  }
  return out;
}

/** Every entry of a document, parents before the entries inside them; keys in the document's order. */
export function entriesOf(doc: unknown): EntryAt[] {
  if (!isRecord(doc)) return [];
  return rootSections().flatMap((kind) => sectionEntries(doc, kind, [], undefined));
}

/**
 * The keys of the section a reference names, as seen from `from`: the root's, or those of `from`'s
 * own parent entry. `path` is the section's place in the document, `where` the same for messages.
 */
export function keysFor(doc: unknown, target: DocumentKind, from: EntryAt): { keys: string[]; where: string; path: SpecPath } {
  const { section, parent } = target.spec.placement;
  let path: SpecPath = [section];
  if (parent) {
    // A kind inside a parent is named from that same parent entry (a service's roles from its configuration).
    let holder: EntryAt | undefined = from.parent;
    while (holder && holder.kind.name !== parent.kind) holder = holder.parent;
    path = holder ? [...holder.path, section] : [];
  }
  const value = path.length > 0 ? valueAt(doc, path) : undefined;
  return { keys: isRecord(value) ? Object.keys(value) : [], where: formatPath(path), path };
}

/** The value at a path of the document (undefined when there is none). */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const p of path) value = isRecord(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[p] : undefined;
  return value;
}

/** A dotted field path (`conversationsV1Bridge.service`) as path segments. */
export function fieldPath(field: string): string[] {
  return field.split(".");
}

/** Sets a value at a dotted path of an object, creating the objects on the way. */
function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = target;
  for (const p of path.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
}

/** A copy of an object without the value at a dotted path (and without objects that path left empty). */
export function withoutAt(source: Readonly<Record<string, unknown>>, path: readonly string[]): Record<string, unknown> {
  const [head, ...rest] = path;
  const { [head!]: value, ...others } = source;
  if (rest.length === 0 || value === null || typeof value !== "object") return rest.length === 0 ? others : { ...source };
  const inner = withoutAt(value as Record<string, unknown>, rest);
  return Object.keys(inner).length === 0 ? others : { ...others, [head!]: inner };
}

/**
 * The inputs of an entry's resource: its fields, each reference at its input as the id `idOf`
 * gives, the parent's id at the parent input. The component passes resource outputs; validation
 * passes SIDs.
 */
export function inputsOf<Id>(
  kind: DocumentKind,
  entry: Pick<ResolvedEntry, "fields" | "references">,
  idOf: (ref: Reference, target: DocumentKind) => Id,
  parentId: Id | undefined,
): Record<string, unknown> {
  const inputs: Record<string, unknown> = { ...entry.fields };
  for (const ref of kind.spec.references ?? []) {
    const value = entry.references[ref.field];
    if (value !== undefined) setAt(inputs, fieldPath(ref.input), value === null ? null : idOf(value, kindNamed(ref.kind)));
  }
  const parent = kind.spec.placement.parent;
  if (parent && parentId !== undefined) inputs[parent.input] = parentId;
  return inputs;
}

/** The issue path of an input as the document writes it: a reference's input is its field, the parent input is the entry. */
export function documentPath(kind: DocumentKind, inputPath: readonly (string | number)[]): (string | number)[] {
  for (const ref of kind.spec.references ?? []) {
    const input = fieldPath(ref.input);
    if (input.every((p, n) => inputPath[n] === p)) return [...fieldPath(ref.field), ...inputPath.slice(input.length)];
  }
  return kind.spec.placement.parent && inputPath[0] === kind.spec.placement.parent.input ? [] : [...inputPath];
}
