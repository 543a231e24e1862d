/**
 * `plan`: a read-only comparison of a conversations setup document with a live account, without
 * Pulumi state (drift detection in CI). The account is read as `export` reads it (each kind's
 * export part); each entry is matched to the live object it stands for, and compared with the
 * kind's own provider diff (what `pulumi up` itself would compare):
 *
 * - `create`: nothing live matches the entry (by name, unique name or scope);
 * - `adopt`: an `adoptExisting` entry and the one live object it would take charge of;
 * - `change`: a live object matches, and some declared value differs (`replace` when a changed
 *   value cannot change in place);
 * - `same`: a live object matches and every declared value is as declared.
 *
 * Live objects no entry stands for are listed as left alone (`up` never touches them). Conversation
 * timers are not compared: Twilio reports when they fire, not their durations.
 */
import { containsUnknown } from "../provider/shared/check";
import { compareText } from "../provider/shared/values";
import type { ReferenceField } from "../resources/kind";
import type { Reference } from "../sdk/spec/document";
import { formatPath } from "../sdk/spec/issues";
import { type DocumentKind, documentPath, fieldPath, inputsOf, kindNamed, placeholderSid, rootSections, valueAt } from "../sdk/spec/kinds";
import type { ResolvedEntry, ResolvedSpec } from "../sdk/spec/resolve";
import type { AccountSnapshot, LiveObject } from "./export/read-account";

export type PlanAction = "create" | "adopt" | "change" | "replace" | "same";

/** One difference in a declared value. */
export interface PlanChange {
  /** The field, as the document names it (`service`, `timers.closed`). */
  readonly field: string;
  readonly live: unknown;
  readonly declared: unknown;
}

/** What `up` from an empty stack would do with one entry. */
export interface PlanStep {
  readonly path: string;
  readonly kind: string;
  readonly action: PlanAction;
  /** For `adopt`, `change` and `replace`: the values that differ. */
  readonly changes: readonly PlanChange[];
}

/** A live object no entry stands for. */
export interface LeftAlone {
  readonly kind: string;
  readonly name: string;
}

export interface Plan {
  readonly steps: readonly PlanStep[];
  readonly left: readonly LeftAlone[];
  /** Whether `up` would write anything: a create, a change, or an adoption that changes a value. */
  readonly differs: boolean;
}

/** The id other entries reference a live object by. */
const liveIdOf = (o: LiveObject | undefined) => (o ? o.kind.export.id?.(o.live) : undefined);

const sameId = (a: unknown, b: unknown) => typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

/** A value as the plan shows it: absent is null (JSON has no undefined). */
const show = (value: unknown): unknown => (value === undefined ? null : value);

/** Compares the resolved document with what was read from the account. */
export async function comparePlan(resolved: ResolvedSpec, snapshot: AccountSnapshot): Promise<Plan> {
  const objects = snapshot.objects;
  const matched = new Map<string, LiveObject | undefined>(); // kind, parent key, key -> live object
  const id = (kind: string, parentKey: string | undefined, key: string) => `${kind}\u0000${parentKey ?? ""}\u0000${key}`;
  const used = new Set<LiveObject>();

  // The live default of each kind an entry may leave out (a conversation without a service), unless the document sets it.
  const liveDefaults = new Map<string, string>();
  for (const o of objects) {
    const inputs = o.kind.export.inputs(o.live);
    for (const ref of o.kind.spec.references ?? []) {
      const value = valueAt(inputs, fieldPath(ref.input));
      if (ref.setsDefault && typeof value === "string") liveDefaults.set(ref.kind, value);
    }
  }

  const steps: PlanStep[] = [];
  for (const entry of resolved.entries) {
    const kind = kindNamed(entry.kind);
    const parent = kind.spec.placement.parent;
    const parentLive = parent ? matched.get(id(parent.kind, undefined, entry.parentKey!)) : undefined;
    const targetOf = (ref: Reference, target: DocumentKind): string => {
      if ("sid" in ref) return ref.sid;
      const found = matched.get(id(target.name, target.spec.placement.parent ? entry.parentKey : undefined, ref.key));
      return liveIdOf(found) ?? placeholderSid(target);
    };
    const declaredRaw = inputsOf(
      kind,
      entry,
      targetOf,
      parent ? (liveIdOf(parentLive) ?? placeholderSid(kindNamed(parent.kind))) : undefined,
    );
    for (const ref of kind.spec.references ?? []) fillDefault(declaredRaw, ref, entry, resolved, matched, id, liveDefaults);
    const parsed = kind.schema.safeParse(declaredRaw);
    const declared = (parsed.success ? parsed.data : declaredRaw) as Record<string, unknown>;

    const candidates =
      parent && !parentLive ? [] : objects.filter((o) => o.kind === kind && !used.has(o) && (!parent || o.parent === parentLive));
    const live = await pick(kind, candidates, declared);
    matched.set(id(kind.name, entry.parentKey, entry.key), live);
    const path = formatPath(entry.path);
    if (!live) {
      steps.push({ path, kind: kind.name, action: "create", changes: [] });
      continue;
    }
    used.add(live);
    const { changes: found, replaces } = await differences(kind, live, declared);
    // A reference to an entry still to be created has no id yet: say which entry it is.
    const pending = new Map<string, string>();
    for (const ref of kind.spec.references ?? []) {
      const value = entry.references[ref.field];
      const target = kindNamed(ref.kind);
      if (value && "key" in value && !matched.get(id(target.name, target.spec.placement.parent ? entry.parentKey : undefined, value.key))) {
        pending.set(ref.field, `(${target.spec.placement.section}.${value.key}, to be created)`);
      }
    }
    const changes = found.map((c) => (pending.has(c.field) ? { ...c, declared: pending.get(c.field) } : c));
    const adopting = kind.spec.adoptBy !== undefined && entry.fields.adoptExisting === true;
    const action: PlanAction = adopting ? "adopt" : replaces ? "replace" : changes.length > 0 ? "change" : "same";
    steps.push({ path, kind: kind.name, action, changes });
  }

  // What the account holds that no entry stands for, where the document manages that kind of thing.
  const left: LeftAlone[] = objects
    .filter(
      (o) =>
        !used.has(o) &&
        o.kind.spec.placement.shape === "map" &&
        o.kind.export.key &&
        (!o.parent || used.has(o.parent) || !o.kind.spec.placement.parent),
    )
    .map((o) => ({ kind: o.kind.name, name: o.kind.export.key!(o.live).name }));
  // In the document's order: each root section, each entry followed by what sits in it.
  const rank = (step: PlanStep) =>
    rootSections().findIndex((k) => step.path === k.spec.placement.section || step.path.startsWith(`${k.spec.placement.section}.`));
  steps.sort((a, b) => rank(a) - rank(b) || compareText(a.path, b.path));
  const differs = steps.some(
    (s) => s.action === "create" || s.action === "change" || s.action === "replace" || (s.action === "adopt" && s.changes.length > 0),
  );
  return { steps, left, differs };
}

/**
 * A reference the entry leaves out that means the account's default (a conversation without a
 * service): the default the document sets, else the account's live one.
 */
function fillDefault(
  inputs: Record<string, unknown>,
  ref: ReferenceField,
  entry: ResolvedEntry,
  resolved: ResolvedSpec,
  matched: ReadonlyMap<string, LiveObject | undefined>,
  id: (kind: string, parentKey: string | undefined, key: string) => string,
  liveDefaults: ReadonlyMap<string, string>,
): void {
  if (!ref.omittedMeansDefault || entry.references[ref.field] !== undefined) return;
  let value: string | undefined = liveDefaults.get(ref.kind);
  for (const other of resolved.entries) {
    for (const setter of kindNamed(other.kind).spec.references ?? []) {
      const set = other.references[setter.field];
      if (!setter.setsDefault || setter.kind !== ref.kind || !set) continue;
      value = "sid" in set ? set.sid : (liveIdOf(matched.get(id(ref.kind, undefined, set.key))) ?? placeholderSid(kindNamed(ref.kind)));
    }
  }
  if (value === undefined) return;
  const path = fieldPath(ref.input);
  let at = inputs;
  for (const p of path.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
}

/** The live object an entry stands for: a singleton's, or the one of its name (the one that differs least, when several). */
async function pick(kind: DocumentKind, candidates: LiveObject[], declared: Record<string, unknown>): Promise<LiveObject | undefined> {
  if (kind.spec.placement.shape === "singleton") return candidates[0];
  const by = kind.export.match ?? [];
  if (by.length === 0 || by.some((f) => declared[f] === undefined)) return undefined;
  const same = candidates.filter((o) => {
    const inputs = o.kind.export.inputs(o.live);
    return by.every((f) => inputs[f] === declared[f] || sameId(inputs[f], declared[f]));
  });
  for (const o of same) if ((await differences(kind, o, declared)).changes.length === 0) return o;
  return same[0];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A singleton's live value cut to what the document declares of it: in a group of settings (a
 * service's `notifications.newMessage`), the settings left out are not managed, as at the top level.
 */
function declaredPart(live: unknown, declared: unknown): unknown {
  if (!isPlainObject(live) || !isPlainObject(declared)) return live;
  return Object.fromEntries(Object.keys(declared).map((key) => [key, declaredPart(live[key], declared[key])]));
}

/** The declared values that differ from the live object's, by the kind's provider diff. */
async function differences(
  kind: DocumentKind,
  live: LiveObject,
  declared: Record<string, unknown>,
): Promise<{ changes: PlanChange[]; replaces: boolean }> {
  const inputs = kind.export.inputs(live.live);
  const olds: Record<string, unknown> = {};
  // A singleton is compared on what the document declares; an object on everything (absent means cleared).
  const keys =
    kind.spec.placement.shape === "singleton" ? Object.keys(declared) : [...new Set([...Object.keys(inputs), ...Object.keys(declared)])];
  for (const key of keys) {
    if ((kind.export.unread ?? []).includes(key)) olds[key] = declared[key];
    else olds[key] = kind.spec.placement.shape === "singleton" ? declaredPart(inputs[key], declared[key]) : inputs[key];
  }
  // Matched within its parent: the parent is the declared one.
  const parent = kind.spec.placement.parent;
  if (parent) olds[parent.input] = declared[parent.input];
  const result = await kind.provider.diff!("plan", olds, declared);
  const stables = new Set(result.stables ?? []);
  if (result.changes === false) return { changes: [], replaces: false };
  const changes = keys
    .filter((key) => !stables.has(key) && !containsUnknown(declared[key]))
    .map((key) => ({ field: documentPath(kind, [key]).join(".") || key, live: show(olds[key]), declared: show(declared[key]) }));
  return { changes, replaces: (result.replaces ?? []).length > 0 };
}
