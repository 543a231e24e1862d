/**
 * Singletons: settings that always exist and can only be read and changed (the account's and each
 * service's Conversations configuration). They cannot be created or deleted, so a resource for one
 * takes charge of the fields its program declares and remembers what it found:
 *
 * - create reads the current values and records every settable field in `originalValues`, then
 *   writes only the declared fields;
 * - update writes the declared fields that changed, and puts a field removed from the program back
 *   to its recorded value;
 * - delete puts back the recorded value of every field the resource manages, then forgets it;
 * - read returns live values for the managed fields, so out-of-band changes show as drift.
 *
 * Fields nobody declared are never written and never appear among the input-shaped outputs, so a
 * value someone else set for them never shows as a diff. Both singleton resources share this
 * module; each brings only its wire mapping (api.ts) and its scope (the account, or one service).
 */
import type { TwilioClient } from "../http/client";
import type { ResourceDefinition } from "./define";
import { warn } from "./diagnostics";
import type { Comparator } from "./diff";
import { PartialFailure } from "./partial";
import { CLEAR_TIMER, keptOnRemoval, type Removal } from "./twilio-facts";
import { type SentField, unapplied, writeNotApplied } from "./verify";

/** The wire value of a timer: the duration, or {@link CLEAR_TIMER} for `null` (clear). */
export function timerOnWire(value: string | null | undefined): string | undefined {
  return value === null ? CLEAR_TIMER : value;
}

/**
 * The wire value of a field Twilio cannot clear (a SID): the lifecycle never writes `null` to one
 * (see {@link FieldRule.removal}), so a `null` here is a bug, refused before anything is sent.
 */
export function settableOnWire<T>(field: string, value: T | null | undefined): T | undefined {
  if (value === null) throw new Error(`Internal error: ${field} cannot be cleared on Twilio, and nothing should try to`);
  return value;
}

/** How one settable field behaves. */
export interface FieldRule {
  /** How to compare two values (durations by length, SIDs without case). */
  readonly same: Comparator;
  /** What Twilio does when the field goes back to "no value" (twilio-facts.ts). */
  readonly removal: Removal;
  /**
   * What "no value" is written as where Twilio has a documented default rather than a clear
   * (`ReachabilityEnabled`: false). Without it, "no value" is a clear (`null`).
   */
  readonly unset?: boolean | string;
}

/** Every settable field with the value Twilio holds for it; `null` where it has none. */
export type FieldValues<V> = { [K in keyof V]-?: Exclude<V[K], undefined> | null };

/** Fields to write: a value to set, or `null` to clear. Absent fields are not sent. */
export type Writes<V> = { [K in keyof V]?: Exclude<V[K], undefined> | null };

/** Every settable field's rule. */
export type FieldRules<V> = { readonly [K in keyof V]-?: FieldRule };

/** What diff compares each field with. */
export function comparatorsOf<V>(fields: FieldRules<V>): Record<string, Comparator> {
  return Object.fromEntries(Object.entries<FieldRule>(fields).map(([key, rule]) => [key, rule.same]));
}

/** A singleton as read from (or returned by a write to) Twilio. */
export interface LiveSingleton<V> {
  values: FieldValues<V>;
  /** The account it belongs to. */
  accountSid: string;
  /** Its API URL, as Twilio reports it. */
  url: string | null;
}

/**
 * Outputs of a singleton resource: the scope (say `chatServiceSid`), the managed fields with live
 * values, the values recorded before the first write, the account and the URL.
 */
export type SingletonOutputs<S, V> = S &
  Writes<V> & {
    /** Every settable field as found before this resource first wrote it; `null` where unset. */
    originalValues: FieldValues<V>;
    accountSid: string;
    url: string | null;
  };

function keysOf<V>(fields: FieldRules<V>): (keyof V)[] {
  return Object.keys(fields) as (keyof V)[];
}

/**
 * The fields a resource manages: those with a value in its inputs, or present in its prior
 * outputs (where a managed field Twilio has since cleared is `null`, which still counts).
 */
export function managedKeys<V>(fields: FieldRules<V>, props: Partial<Record<keyof V, unknown>>): (keyof V)[] {
  return keysOf(fields).filter((key) => props[key] !== undefined);
}

/** Create: every declared field, as declared. */
export function createWrites<V>(fields: FieldRules<V>, inputs: Partial<V>): Writes<V> {
  const writes: Writes<V> = {};
  for (const key of managedKeys(fields, inputs)) writes[key] = inputs[key] as Exclude<V[typeof key], undefined>;
  return writes;
}

/**
 * What putting a field back to its recorded value writes: the value, or `null` (clear) / the
 * field's documented default where there was none; undefined where there was none and Twilio
 * cannot clear it (it is then left as it is, and reported).
 */
function restoreValue<V>(fields: FieldRules<V>, key: keyof V, original: FieldValues<V>[keyof V]): Writes<V>[keyof V] | undefined {
  if (original !== null) return original;
  const rule = fields[key];
  if (rule.unset !== undefined) return rule.unset as Writes<V>[keyof V];
  return rule.removal.kind === "clear" ? null : undefined;
}

/**
 * Update: declared fields whose value changed, and fields removed from the program put back to
 * their recorded value (`null` there means "clear"; a field Twilio cannot clear is left out).
 */
export function updateWrites<V>(fields: FieldRules<V>, olds: Writes<V>, news: Partial<V>, originals: FieldValues<V>): Writes<V> {
  const writes: Writes<V> = {};
  for (const key of keysOf(fields)) {
    const wanted = news[key];
    if (wanted !== undefined) {
      if (!fields[key].same(olds[key], wanted)) writes[key] = wanted as Exclude<V[typeof key], undefined>;
    } else if (olds[key] !== undefined) {
      const restored = restoreValue(fields, key, originals[key]);
      if (restored !== undefined) writes[key] = restored;
    }
  }
  return writes;
}

/** Delete: every managed field put back to its recorded value (a field Twilio cannot clear is left out). */
export function restoreWrites<V>(fields: FieldRules<V>, olds: Writes<V>, originals: FieldValues<V>): Writes<V> {
  const writes: Writes<V> = {};
  for (const key of managedKeys(fields, olds)) {
    const restored = restoreValue(fields, key, originals[key]);
    if (restored !== undefined) writes[key] = restored;
  }
  return writes;
}

/**
 * Managed fields that cannot be put back: no value was recorded for them and Twilio cannot clear
 * them, yet Twilio holds one now. `news` undefined: a delete (every managed field); else the
 * fields the new inputs leave out.
 */
export function unrestorable<V>(
  fields: FieldRules<V>,
  olds: Writes<V>,
  news: Partial<V> | undefined,
  originals: FieldValues<V>,
): (keyof V)[] {
  return managedKeys(fields, olds).filter(
    (key) =>
      (news === undefined || news[key] === undefined) && olds[key] !== null && restoreValue(fields, key, originals[key]) === undefined,
  );
}

/** Fields declared now that were not managed before: their original is what Twilio holds now. */
export function newlyManaged<V>(fields: FieldRules<V>, olds: Writes<V>, news: Partial<V>): (keyof V)[] {
  return keysOf(fields).filter((key) => news[key] !== undefined && olds[key] === undefined);
}

/** The recorded values with the given fields taken from `live` (their first write is about to happen). */
export function recordOriginals<V>(originals: FieldValues<V>, live: FieldValues<V>, keys: (keyof V)[]): FieldValues<V> {
  const next = { ...originals };
  for (const key of keys) next[key] = live[key];
  return next;
}

/** The managed fields with the values of `live`, in outputs (nulls kept: the field is still managed). */
export function managedValues<V>(keys: (keyof V)[], live: FieldValues<V>): Writes<V> {
  const out: Writes<V> = {};
  for (const key of keys) out[key] = live[key];
  return out;
}

/** Inputs that match live values: the managed fields Twilio holds a value for. */
export function inputsFromLive<V>(keys: (keyof V)[], live: FieldValues<V>): Partial<V> {
  const out: Partial<V> = {};
  for (const key of keys) {
    const value = live[key];
    if (value !== null) out[key] = value as V[typeof key];
  }
  return out;
}

function isEmpty(writes: object): boolean {
  return Object.keys(writes).length === 0;
}

/** A recorded-values object as found in state; anything malformed counts as absent. */
function recorded<V>(fields: FieldRules<V>, value: unknown): FieldValues<V> | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const record = value as Record<string, unknown>;
  const out = {} as FieldValues<V>;
  for (const key of keysOf(fields)) out[key] = (record[key as string] ?? null) as FieldValues<V>[typeof key];
  return out;
}

/** What a singleton resource brings: its fields, its scope and its wire calls. */
export interface SingletonSpec<S extends object, V extends object> {
  /** Every settable field, with how to compare it. */
  fields: FieldRules<V>;
  /** The scope part of inputs or outputs (`{ chatServiceSid }`; `{}` for the account); `id` for an import. */
  scope(props: Partial<S>, id?: string): S;
  /** The resource id: the account SID, or the chat service SID. */
  id(scope: S, live: LiveSingleton<V>): string;
  /**
   * Whether `live` is the singleton `id` names, when the scope cannot tell (the account's
   * configuration is the credentials' whatever the id says). Default: yes.
   */
  isNamedBy?(id: string, live: LiveSingleton<V>): boolean;
  /** For messages: `GlobalConfiguration of account AC...`. */
  describe(scope: S, accountSid: string): string;
  /** Current values; undefined when the scope does not exist (404). */
  fetch(client: TwilioClient, scope: S, action: string): Promise<LiveSingleton<V> | undefined>;
  /** Writes the fields given; returns the values after the write, undefined when the scope does not exist (404). */
  write(client: TwilioClient, scope: S, writes: Writes<V>, action: string): Promise<LiveSingleton<V> | undefined>;
  /** The error for a scope that does not exist when it must (create, update). */
  missing(scope: S, accountSid: string): Error;
}

type Lifecycle<S extends object, V extends object> = Pick<
  ResourceDefinition<S & Partial<V>, SingletonOutputs<S, V>>,
  "create" | "read" | "update" | "delete" | "keptOnRemoval"
>;

/** The fields of a write, with what Twilio reports for each after it (for write verification). */
function sentFields<V>(fields: FieldRules<V>, writes: Writes<V>, after: LiveSingleton<V>): SentField[] {
  return (Object.keys(writes) as (keyof V)[]).map((key) => ({
    field: String(key),
    sent: writes[key],
    kept: after.values[key],
    same: fields[key].same,
  }));
}

/**
 * The lifecycle of a singleton resource, as {@link ResourceDefinition} functions. Inputs are the
 * scope and the declared fields; see this module's comment for what each step does.
 *
 * Every write is verified: a field Twilio reports with another value than the one sent fails the
 * step (a PartialFailure holding the live values, so state never claims what Twilio did not take).
 * A field that must go back to "no value" but cannot be cleared on Twilio (a SID) is left as it is
 * and reported: in the diff that removes it, and by the destroy that cannot put it back.
 */
export function singletonLifecycle<S extends object, V extends object>(spec: SingletonSpec<S, V>): Lifecycle<S, V> {
  const { fields } = spec;
  const outputs = (scope: S, keys: (keyof V)[], live: LiveSingleton<V>, originals: FieldValues<V>): SingletonOutputs<S, V> => ({
    ...scope,
    ...managedValues(keys, live.values),
    originalValues: originals,
    accountSid: live.accountSid,
    url: live.url,
  });
  /** The write's fields Twilio did not apply, as a PartialFailure holding what Twilio reports. */
  const verified = (action: string, id: string, writes: Writes<V>, after: LiveSingleton<V>, outs: SingletonOutputs<S, V>) => {
    const missed = unapplied(sentFields(fields, writes, after));
    if (missed.length > 0) throw new PartialFailure(writeNotApplied(action, missed).message, id, outs);
    return outs;
  };

  return {
    async create(inputs, { client }) {
      const scope = spec.scope(inputs);
      const name = spec.describe(scope, client.accountSid);
      const action = `creating ${name}`;
      const before = await spec.fetch(client, scope, action);
      if (!before) throw spec.missing(scope, client.accountSid);
      const originals = before.values;
      const writes = createWrites(fields, inputs);
      const keys = managedKeys(fields, inputs);
      if (isEmpty(writes)) return { id: spec.id(scope, before), outs: outputs(scope, keys, before, originals) };
      let after: LiveSingleton<V> | undefined;
      try {
        after = await spec.write(client, scope, writes, action);
      } catch (e) {
        // The singleton exists and the write may have half-happened: keep the resource in state
        // with what was recorded, so a retry neither loses the originals nor records our own values.
        throw new PartialFailure(
          `${(e as Error).message} (the values found before were recorded; the next update writes the declared ones again)`,
          spec.id(scope, before),
          outputs(scope, keys, before, originals),
        );
      }
      if (!after) throw spec.missing(scope, client.accountSid);
      const id = spec.id(scope, after);
      return { id, outs: verified(action, id, writes, after, outputs(scope, keys, after, originals)) };
    },

    async read(id, olds, { client }) {
      const scope = spec.scope(olds, id);
      const live = await spec.fetch(client, scope, `reading ${spec.describe(scope, client.accountSid)}`);
      if (!live) return undefined;
      // Importing another account's configuration: it is not in the account of these credentials.
      if (spec.isNamedBy && !spec.isNamedBy(id, live)) return undefined;
      const originals = recorded(fields, olds.originalValues);
      // No recorded values: an import. It takes charge of every field that has a value, and what
      // it found is what a destroy puts back.
      const keys = originals ? managedKeys(fields, olds as Partial<Record<keyof V, unknown>>) : managedKeys(fields, live.values);
      const props = outputs(scope, keys, live, originals ?? live.values);
      return { props, inputs: { ...scope, ...inputsFromLive(keys, live.values) } };
    },

    async update(id, olds, news, { client }) {
      const scope = spec.scope(news);
      const action = `updating ${spec.describe(scope, client.accountSid)}`;
      let originals = recorded(fields, olds.originalValues);
      const added = newlyManaged(fields, olds as Writes<V>, news);
      let before: LiveSingleton<V> | undefined;
      if (!originals || added.length > 0) {
        // A field declared for the first time is first written now: record what it holds first.
        before = await spec.fetch(client, scope, action);
        if (!before) throw spec.missing(scope, client.accountSid);
        originals = recordOriginals(originals ?? before.values, before.values, added);
      }
      const writes = updateWrites(fields, olds as Writes<V>, news, originals);
      let after: LiveSingleton<V> | undefined;
      try {
        after = isEmpty(writes) ? (before ?? (await spec.fetch(client, scope, action))) : await spec.write(client, scope, writes, action);
      } catch (e) {
        if (!before) throw e; // nothing new was recorded: the prior state stays as it is
        // Originals were just recorded for newly declared fields and the write may have
        // half-happened: keep them, or the retry would record our own values as the originals.
        const kept = { ...(olds as object), ...managedValues(added, before.values), originalValues: originals } as SingletonOutputs<S, V>;
        throw new PartialFailure(`${(e as Error).message} (the next update writes the declared values again)`, id, kept);
      }
      if (!after) throw spec.missing(scope, client.accountSid);
      // A removed field that could not be put back is no longer managed: it leaves the outputs.
      return verified(action, id, writes, after, outputs(scope, managedKeys(fields, news), after, originals));
    },

    async delete(id, olds, { client }) {
      const originals = recorded(fields, olds.originalValues);
      if (!originals) return; // nothing was ever recorded, so there is nothing to put back
      const scope = spec.scope(olds, id);
      const name = spec.describe(scope, client.accountSid);
      for (const key of unrestorable(fields, olds as Writes<V>, undefined, originals)) {
        await warn(notPutBack(name, String(key), fields[key].removal, (olds as Writes<V>)[key]));
      }
      const writes = restoreWrites(fields, olds as Writes<V>, originals);
      if (isEmpty(writes)) return;
      const action = `deleting ${name} (restoring its recorded values)`;
      // undefined: the scope is gone (a deleted service), and its configuration with it.
      const after = await spec.write(client, scope, writes, action);
      if (!after) return;
      const missed = unapplied(sentFields(fields, writes, after));
      if (missed.length > 0) throw writeNotApplied(action, missed);
    },

    keptOnRemoval(olds, news) {
      const originals = recorded(fields, olds.originalValues);
      if (!originals) return [];
      const name = spec.describe(spec.scope(olds), olds.accountSid ?? "(the configured one)");
      return unrestorable(fields, olds as Writes<V>, news as Partial<V>, originals).map((key) =>
        keptOnRemoval(name, String(key), withNoOriginal(fields[key].removal), (olds as Writes<V>)[key]),
      );
    },
  };
}

/** The reason a removed field stays: Twilio cannot clear it, and there is nothing else to put back. */
function withNoOriginal(removal: Removal): { why: string } {
  const why = removal.kind === "keep" ? removal.why : "Twilio cannot clear it";
  return { why: `${why}, and it had no value before this resource first set it` };
}

/** The warning of a destroy that cannot put a field back (see {@link unrestorable}). */
function notPutBack(subject: string, property: string, removal: Removal, kept: unknown): string {
  const why = removal.kind === "keep" ? removal.why : "Twilio cannot clear it";
  return (
    `${subject}: ${property} cannot be put back: it had no value before this resource first set it, and ${why}. ` +
    `It stays ${JSON.stringify(kept)} on Twilio; change it there if it must not.`
  );
}
