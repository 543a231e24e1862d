import type { DiffResult } from "./grpc-client";
import type { JsonValue, PropertyMap, StateResource } from "./types";

/** What to do with a registered resource that exists in prior state, decided from its Diff. */
export type Plan =
  | { readonly op: "same" }
  | { readonly op: "update"; readonly changed: string[] }
  | { readonly op: "replace"; readonly changed: string[]; readonly deleteBeforeReplace: boolean };

/** Resource options from the registration that change the plan. */
export interface PlanOptions {
  /** `deleteBeforeReplace: true` on the resource. */
  readonly deleteBeforeReplace?: boolean;
  /** `replaceOnChanges` property names on the resource (`"*"` means any). */
  readonly replaceOnChanges?: readonly string[];
}

/** Structural equality of JSON values (key order does not matter). */
export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) {
    return true;
  }
  if (a === null || b === null || a === undefined || b === undefined || typeof a !== "object" || typeof b !== "object") {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  const ao = a as Record<string, JsonValue>;
  const bo = b as Record<string, JsonValue>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) {
    if (!deepEqual(ao[k], bo[k])) {
      return false;
    }
  }
  return true;
}

/** Top-level keys whose values differ, in a stable order (old keys first, then added ones). */
export function changedKeys(olds: PropertyMap, news: PropertyMap): string[] {
  const keys = [...Object.keys(olds), ...Object.keys(news).filter((k) => !(k in olds))];
  return keys.filter((k) => !deepEqual(olds[k], news[k]));
}

/** Reduces property paths such as `timers.closed` or `roles[0]` to their top-level name. */
function topLevel(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const head = p.split(/[.[]/)[0] ?? p;
    if (!out.includes(head)) {
      out.push(head);
    }
  }
  return out;
}

/**
 * Turns a Diff answer into a plan, the way the engine's step generator does:
 * - DIFF_UNKNOWN (a provider without `diff`) falls back to comparing old inputs with new inputs;
 * - the changed names come from the provider when it named any, else from that same comparison
 *   (the dynamic host never sends detailed diffs, so in practice it is the comparison);
 * - any replace key, or a changed `replaceOnChanges` property, means replace; `deleteBeforeReplace`
 *   from the provider or the resource option orders it.
 */
export function planFromDiff(diff: DiffResult, oldInputs: PropertyMap, newInputs: PropertyMap, options: PlanOptions = {}): Plan {
  const inputChanges = changedKeys(oldInputs, newInputs);
  const changes = diff.changes === "unknown" ? (inputChanges.length > 0 ? "some" : "none") : diff.changes;
  const named = topLevel([...diff.diffs, ...diff.replaces]);
  const changed = named.length > 0 ? named : inputChanges;
  const roc = options.replaceOnChanges ?? [];
  const replaceByOption = roc.includes("*") ? inputChanges.length > 0 : inputChanges.some((k) => roc.includes(k));
  if (diff.replaces.length > 0 || replaceByOption) {
    return { op: "replace", changed, deleteBeforeReplace: diff.deleteBeforeReplace || options.deleteBeforeReplace === true };
  }
  if (changes === "some") {
    return { op: "update", changed };
  }
  return { op: "same" };
}

/**
 * Orders resources for deletion, dependents first: walks the given list from the end (reverse
 * registration order) and, when a resource still has a dependent waiting in the set, takes the
 * dependent first. Children count as dependents of their parent.
 */
export function deletionOrder(toDelete: readonly StateResource[]): StateResource[] {
  const remaining = [...toDelete];
  const ordered: StateResource[] = [];
  const dependsOn = (r: StateResource, urn: string) => r.dependencies.includes(urn) || r.parent === urn;
  while (remaining.length > 0) {
    // The last resource no remaining resource depends on; a cycle (should not happen) falls back to the last.
    let pick = remaining.length - 1;
    for (let i = remaining.length - 1; i >= 0; i--) {
      const candidate = remaining[i]!;
      const blocked = remaining.some((other) => other !== candidate && other.urn !== candidate.urn && dependsOn(other, candidate.urn));
      if (!blocked) {
        pick = i;
        break;
      }
    }
    ordered.push(remaining.splice(pick, 1)[0]!);
  }
  return ordered;
}
