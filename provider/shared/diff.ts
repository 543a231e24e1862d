import type * as pulumi from "@pulumi/pulumi";

import { containsUnknown } from "./check";
import { durationSeconds } from "./duration";
import { canonicalJson } from "./fields";

/** Says whether an old and a new value of one property mean the same thing. */
export type Comparator = (a: unknown, b: unknown) => boolean;

const absent = (v: unknown) => v === undefined || v === null;

/** A URL in the form WHATWG parsing gives it (`href`), or the text itself when it does not parse. */
function urlForm(text: string): string {
  try {
    return new URL(text.trim()).href;
  } catch {
    return text;
  }
}

/** Ways to compare values that Twilio (or the user) can write differently. */
export const same = {
  /** Structural equality; key order does not matter. */
  deep: ((a, b) => (absent(a) && absent(b)) || canonicalJson(a) === canonicalJson(b)) as Comparator,
  /** JSON text compared as data (whitespace and key order ignored). */
  json: ((a, b) => {
    if (absent(a) && absent(b)) return true;
    const parse = (v: unknown) => {
      if (typeof v !== "string") return v;
      try {
        return JSON.parse(v);
      } catch {
        return v;
      }
    };
    return canonicalJson(parse(a)) === canonicalJson(parse(b));
  }) as Comparator,
  /** ISO 8601 durations compared by length (`PT60S` equals `PT1M`). */
  duration: ((a, b) => {
    if (absent(a) && absent(b)) return true;
    if (typeof a !== "string" || typeof b !== "string") return false;
    const [x, y] = [durationSeconds(a), durationSeconds(b)];
    return x !== undefined && x === y;
  }) as Comparator,
  /**
   * Lists compared as sets: order and duplicates do not matter (a role's permissions, which
   * Twilio may list in its own order).
   */
  set: ((a, b) => {
    if (absent(a) && absent(b)) return true;
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const key = (v: unknown) => canonicalJson(v);
    const [x, y] = [new Set(a.map(key)), new Set(b.map(key))];
    return x.size === y.size && [...x].every((v) => y.has(v));
  }) as Comparator,
  /**
   * URLs compared as URLs: scheme and host without regard to case, a bare host with or without its
   * `/` (`https://Example.com` equals `https://example.com/`), by WHATWG URL parsing; text that
   * does not parse is compared as it is.
   */
  url: ((a, b) => (absent(a) && absent(b)) || (typeof a === "string" && typeof b === "string" && urlForm(a) === urlForm(b))) as Comparator,
  /** SIDs compared without regard to hex case. */
  sid: ((a, b) =>
    (absent(a) && absent(b)) || (typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase())) as Comparator,
};

/** A comparator that counts a new value not known yet (preview) as a change: it may turn out to be anything. */
export const whenKnown =
  (compare: Comparator): Comparator =>
  (a, b) =>
    !containsUnknown(b) && compare(a, b);

/**
 * A comparator for a property whose absence in the new inputs means "whatever Twilio holds": one
 * Twilio cannot clear, so leaving it out never asks for a change (removing a declared one is warned
 * about instead, define.ts `keptOnRemoval`).
 */
export const absentMeansAny =
  (compare: Comparator): Comparator =>
  (a, b) =>
    b === undefined || compare(a, b);

/** What a resource's diff compares, and what cannot change in place. */
export interface DiffSpec {
  /** Every input property, with how to compare it (default: `same.deep`). */
  properties: Record<string, Comparator | undefined>;
  /** Properties whose change needs a new resource. */
  replaceOnChanges?: string[];
  /**
   * Delete the old resource before creating the new one: needed where both cannot exist at once
   * (a unique name that would collide). May depend on the inputs. Reported whether or not diff
   * names a replace key: the engine also replaces on the `replaceOnChanges` resource option and on
   * `--target-replace`, and takes the order from this flag then too (pulumi/pulumi
   * pkg/resource/deploy/step_generator.go: `diff.DeleteBeforeReplace` after `applyReplaceOnChanges`).
   */
  deleteBeforeReplace?: boolean | ((olds: Record<string, unknown>, news: Record<string, unknown>) => boolean);
}

/** The names of the input properties whose normalised values differ. */
export function changedKeys(olds: Record<string, unknown>, news: Record<string, unknown>, spec: DiffSpec): string[] {
  return Object.entries(spec.properties)
    .filter(([key, compare]) => !(compare ?? same.deep)(olds[key], news[key]))
    .map(([key]) => key);
}

/**
 * Compares prior outputs with new (checked) inputs, property by property, so re-running the same
 * program reports no change. Only declared input properties are compared: outputs the server adds
 * (dates, urls) never cause a diff.
 */
export function diffInputs(olds: Record<string, unknown>, news: Record<string, unknown>, spec: DiffSpec): pulumi.dynamic.DiffResult {
  const changed = changedKeys(olds, news, spec);
  const replaces = changed.filter((key) => spec.replaceOnChanges?.includes(key));
  const dbr = typeof spec.deleteBeforeReplace === "function" ? spec.deleteBeforeReplace(olds, news) : spec.deleteBeforeReplace;
  return {
    changes: changed.length > 0,
    replaces,
    stables: Object.keys(spec.properties).filter((key) => !changed.includes(key)),
    deleteBeforeReplace: dbr === true,
  };
}
