/**
 * An account snapshot -> a conversations setup document, kind by kind as the registry describes
 * them (each kind's `export` part writes one entry). Deterministic: entries are keyed by names
 * (never SIDs or creation order), ties between equal names broken by what the entries hold and
 * what names them, and written in key order; ids of exported objects become references by key, and
 * environment-specific values become parameters met in a fixed walk of the sorted document. Two
 * accounts with the same setup give equal documents.
 *
 * Objects Twilio made by itself and nobody touched (a new account's default service with its
 * default roles and configuration) are left out: every account has its own, so an empty account
 * exports as an empty document and a clone adopts the target's instead.
 */
import { canonicalJson } from "../../provider/shared/fields";
import { compareText } from "../../provider/shared/values";
import type { ExportContext, ReferenceField } from "../../resources/kind";
import type { SpecDocument } from "../../sdk/spec/document";
import {
  creationOrder,
  DOCUMENT_KINDS,
  type DocumentKind,
  fieldPath,
  kindNamed,
  kindsIn,
  rootSections,
  valueAt,
} from "../../sdk/spec/kinds";
import { SPEC_VERSION } from "../../sdk/spec/schema";
import { assignKeys, keyOrSlug, slug } from "./naming";
import { escapeDeep, escapeText, ParameterRegistry } from "./parameters";
import type { AccountSnapshot, LiveObject } from "./read-account";

/** The entry's scope in the document: the parent object it sits in, or the root. */
const ROOT = Symbol("root");
type Scope = LiveObject | typeof ROOT;
const scopeOf = (o: LiveObject): Scope => (o.kind.spec.placement.parent ? (o.parent ?? ROOT) : ROOT);

/** A JSON value with object keys sorted at every level (the document's order must not depend on Twilio's). */
function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort(compareText)
      .map((k) => [k, sortKeysDeep((value as Record<string, unknown>)[k])]),
  );
}

/** The ids an object's references hold, by reference field. */
function readReferences(o: LiveObject): Array<[ReferenceField, string]> {
  const inputs = o.kind.export.inputs(o.live);
  return (o.kind.spec.references ?? []).flatMap((ref): Array<[ReferenceField, string]> => {
    const id = valueAt(inputs, fieldPath(ref.input));
    return typeof id === "string" ? [[ref, id]] : [];
  });
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Builds the document. */
export function buildSpec(snapshot: AccountSnapshot): SpecDocument {
  const objects = snapshot.objects;
  const references = new Map(objects.map((o) => [o, readReferences(o)]));
  const referencedIds = (o: LiveObject) => references.get(o)!;
  const idOf = (o: LiveObject) => o.kind.export.id?.(o.live);
  const childrenOf = (parent: LiveObject) => objects.filter((o) => o.kind.spec.placement.parent && o.parent === parent);
  const inScope = (scope: Scope) => {
    const byKind = new Map<string, unknown[]>();
    for (const o of objects) if (scopeOf(o) === scope) byKind.set(o.kind.name, [...(byKind.get(o.kind.name) ?? []), o.live]);
    return byKind;
  };
  const siblingsOf = (o: LiveObject) => inScope(scopeOf(o)).get(o.kind.name) ?? [];

  // The id each kind's account default holds (the account configuration's default service).
  const defaults = new Map<string, string>();
  for (const o of objects) for (const [ref, id] of referencedIds(o)) if (ref.setsDefault) defaults.set(ref.kind, id);

  // Left out: untouched objects Twilio made by itself, with untouched children, that no exported entry names.
  const named = new Set<LiveObject>();
  for (const o of objects) {
    for (const [ref, id] of referencedIds(o)) {
      if (ref.setsDefault) continue;
      const target = objects.find((t) => t.kind.name === ref.kind && idOf(t) !== undefined && sameId(idOf(t)!, id));
      if (target) named.add(target);
    }
  }
  const untouched = (o: LiveObject): boolean =>
    o.kind.export.asCreated?.(o.live, inScope(scopeOf(o))) === true && childrenOf(o).every(untouched);
  const omitted = new Set<LiveObject>();
  for (const o of objects) {
    if (scopeOf(o) === ROOT && !named.has(o) && untouched(o)) {
      omitted.add(o);
      for (const child of childrenOf(o)) omitted.add(child);
    }
  }
  const kept = objects.filter((o) => !omitted.has(o));

  const keys = new Map<LiveObject, string>();
  const params = new ParameterRegistry();
  /** The context an entry is written in; `provisional` while keys are still being given (for tie-breaking content). */
  const contextFor = (o: LiveObject, provisional: boolean): ExportContext => ({
    reference(field, id) {
      const ref = (o.kind.spec.references ?? []).find((r) => r.field === field);
      if (!ref) throw new Error(`${o.kind.name} has no reference field ${JSON.stringify(field)} (resources/*/kind.ts)`);
      if (id === null) return ref.nullable ? null : undefined;
      if (id === undefined) return undefined;
      const fallback = defaults.get(ref.kind);
      if (ref.omittedMeansDefault && fallback !== undefined && sameId(id, fallback)) return undefined;
      const target = kindNamed(ref.kind);
      const scope = target.spec.placement.parent ? scopeOf(o) : ROOT;
      const found = objects.find((t) => t.kind === target && scopeOf(t) === scope && idOf(t) !== undefined && sameId(idOf(t)!, id));
      if (!found) return id; // not exported: the SID stays
      if (omitted.has(found)) return undefined;
      return keys.get(found) ?? (provisional ? "\u0000unkeyed" : id);
    },
    parameter: (kind, value) =>
      provisional ? `\u0000${kind.name}\u0000${value ?? ""}` : params.reference(kind.name, value, kind.description),
    text: escapeText,
    json: (value) => escapeDeep(sortKeysDeep(value)),
  });
  const entryOf = (o: LiveObject, provisional: boolean) => o.kind.export.entry(o.live, contextFor(o, provisional), siblingsOf(o));

  // Keys: what sits inside a parent first (its content tells same-named parents apart), then the
  // root kinds, each after the kinds it references (their keys are part of its content).
  // The entry in its fields' order (the kind's: names first), then what it holds, then what names
  // it; joined so that holding less sorts first (an empty list is the empty string).
  const contentOf = (o: LiveObject): string =>
    [
      JSON.stringify(entryOf(o, true)),
      childrenOf(o)
        .filter((c) => !omitted.has(c))
        .map((c) => `${c.kind.name}:${keys.get(c) ?? ""}:${canonicalJson(entryOf(c, true))}`)
        .sort(compareText)
        .join("\u0002"),
      kept
        .flatMap((r) =>
          referencedIds(r)
            .filter(([ref, id]) => ref.kind === o.kind.name && idOf(o) !== undefined && sameId(idOf(o)!, id))
            .map(([ref]) => `${r.kind.name}.${ref.field}:${canonicalJson(entryOf(r, true))}`),
        )
        .sort(compareText)
        .join("\u0002"),
    ].join("\u0001");
  const order = creationOrder();
  const keyed = [...order.filter((k) => k.spec.placement.parent), ...order.filter((k) => !k.spec.placement.parent)];
  for (const kind of keyed) {
    if (kind.spec.placement.shape !== "map" || !kind.export.key) continue;
    const scopes = new Set(kept.filter((o) => o.kind === kind).map(scopeOf));
    for (const scope of scopes) {
      const group = kept.filter((o) => o.kind === kind && scopeOf(o) === scope);
      const base = (o: LiveObject) => {
        const { name, verbatim, fallback } = kind.export.key!(o.live);
        return verbatim ? keyOrSlug(name, fallback) : slug(name, fallback);
      };
      // Only names held twice need their content to order them (it is the costly part).
      const counts = new Map<string, number>();
      for (const o of group) counts.set(base(o), (counts.get(base(o)) ?? 0) + 1);
      const order = (o: LiveObject) => (counts.get(base(o))! > 1 ? contentOf(o) : "");
      for (const [o, key] of assignKeys(group, base, order)) keys.set(o, key);
    }
  }

  // Entries, in the walk that names parameters: kinds in the registry's order, entries in key order.
  const entries = new Map<LiveObject, Record<string, unknown>>();
  for (const kind of DOCUMENT_KINDS) {
    const ofKind = kept.filter((o) => o.kind === kind).sort((a, b) => compareText(keys.get(a) ?? "", keys.get(b) ?? ""));
    for (const o of ofKind) entries.set(o, entryOf(o, false));
  }

  /** The sections `kinds` hold within `scope`, each entry with its own sections inside it. */
  const sections = (kinds: DocumentKind[], scope: Scope): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const kind of kinds) {
      const within = kept.filter((o) => o.kind === kind && scopeOf(o) === scope);
      const full = (o: LiveObject) => ({ ...entries.get(o)!, ...sections(kindsIn(kind.name), o) });
      if (kind.spec.placement.shape === "singleton") {
        const only = within[0];
        const entry = only && full(only);
        if (entry && Object.keys(entry).length > 0) out[kind.spec.placement.section] = entry;
      } else if (within.length > 0) {
        const sorted = [...within].sort((a, b) => compareText(keys.get(a)!, keys.get(b)!));
        out[kind.spec.placement.section] = Object.fromEntries(sorted.map((o) => [keys.get(o)!, full(o)]));
      }
    }
    return out;
  };
  const parameters = params.section();
  return {
    version: SPEC_VERSION,
    ...(parameters ? { parameters } : {}),
    ...sections(rootSections(), ROOT),
  } as SpecDocument;
}
