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
import type { Comparator } from "./diff";
import { PartialFailure } from "./partial";

/**
 * The wire value that clears a field (sets it back to "none").
 *
 * @remarks UNCONFIRMED (docs/twilio-api.md): Twilio documents no way to clear a configuration value.
 * We send an empty string, which the emulator treats as "clear". This is the only place that
 * choice is made: api.ts modules map a `null` write through {@link wireValue}.
 */
export const CLEAR_WIRE_VALUE = "";

/** What to send for one field: the value, or {@link CLEAR_WIRE_VALUE} for `null` (clear). */
export function wireValue<T extends string | boolean>(value: T | null | undefined): T | typeof CLEAR_WIRE_VALUE | undefined {
  if (value === undefined) return undefined;
  return value === null ? CLEAR_WIRE_VALUE : value;
}

/** Every settable field with the value Twilio holds for it; `null` where it has none. */
export type FieldValues<V> = { [K in keyof V]-?: Exclude<V[K], undefined> | null };

/** Fields to write: a value to set, or `null` to clear. Absent fields are not sent. */
export type Writes<V> = { [K in keyof V]?: Exclude<V[K], undefined> | null };

/** How to compare each settable field (durations by length, SIDs without case). */
export type FieldComparators<V> = { readonly [K in keyof V]-?: Comparator };

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

function keysOf<V>(fields: FieldComparators<V>): (keyof V)[] {
  return Object.keys(fields) as (keyof V)[];
}

/**
 * The fields a resource manages: those with a value in its inputs, or present in its prior
 * outputs (where a managed field Twilio has since cleared is `null`, which still counts).
 */
export function managedKeys<V>(fields: FieldComparators<V>, props: Partial<Record<keyof V, unknown>>): (keyof V)[] {
  return keysOf(fields).filter((key) => props[key] !== undefined);
}

/** Create: every declared field, as declared. */
export function createWrites<V>(fields: FieldComparators<V>, inputs: Partial<V>): Writes<V> {
  const writes: Writes<V> = {};
  for (const key of managedKeys(fields, inputs)) writes[key] = inputs[key] as Exclude<V[typeof key], undefined>;
  return writes;
}

/**
 * Update: declared fields whose value changed, and fields removed from the program put back to
 * their recorded value (`null` there means "clear").
 */
export function updateWrites<V>(fields: FieldComparators<V>, olds: Writes<V>, news: Partial<V>, originals: FieldValues<V>): Writes<V> {
  const writes: Writes<V> = {};
  for (const key of keysOf(fields)) {
    const wanted = news[key];
    if (wanted !== undefined) {
      if (!fields[key](olds[key], wanted)) writes[key] = wanted as Exclude<V[typeof key], undefined>;
    } else if (olds[key] !== undefined) {
      writes[key] = originals[key];
    }
  }
  return writes;
}

/** Delete: every managed field put back to its recorded value. */
export function restoreWrites<V>(fields: FieldComparators<V>, olds: Writes<V>, originals: FieldValues<V>): Writes<V> {
  const writes: Writes<V> = {};
  for (const key of managedKeys(fields, olds)) writes[key] = originals[key];
  return writes;
}

/** Fields declared now that were not managed before: their original is what Twilio holds now. */
export function newlyManaged<V>(fields: FieldComparators<V>, olds: Writes<V>, news: Partial<V>): (keyof V)[] {
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
function recorded<V>(fields: FieldComparators<V>, value: unknown): FieldValues<V> | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const record = value as Record<string, unknown>;
  const out = {} as FieldValues<V>;
  for (const key of keysOf(fields)) out[key] = (record[key as string] ?? null) as FieldValues<V>[typeof key];
  return out;
}

/** What a singleton resource brings: its fields, its scope and its wire calls. */
export interface SingletonSpec<S extends object, V extends object> {
  /** Every settable field, with how to compare it. */
  fields: FieldComparators<V>;
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
  "create" | "read" | "update" | "delete"
>;

/**
 * The lifecycle of a singleton resource, as {@link ResourceDefinition} functions. Inputs are the
 * scope and the declared fields; see this module's comment for what each step does.
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

  return {
    async create(inputs, { client }) {
      const scope = spec.scope(inputs);
      const name = spec.describe(scope, client.accountSid);
      const before = await spec.fetch(client, scope, `creating ${name}`);
      if (!before) throw spec.missing(scope, client.accountSid);
      const originals = before.values;
      const writes = createWrites(fields, inputs);
      const keys = managedKeys(fields, inputs);
      if (isEmpty(writes)) return { id: spec.id(scope, before), outs: outputs(scope, keys, before, originals) };
      let after: LiveSingleton<V> | undefined;
      try {
        after = await spec.write(client, scope, writes, `creating ${name}`);
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
      return { id: spec.id(scope, after), outs: outputs(scope, keys, after, originals) };
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
      return outputs(scope, managedKeys(fields, news), after, originals);
    },

    async delete(id, olds, { client }) {
      const originals = recorded(fields, olds.originalValues);
      if (!originals) return; // nothing was ever recorded, so there is nothing to put back
      const writes = restoreWrites(fields, olds as Writes<V>, originals);
      if (isEmpty(writes)) return;
      const scope = spec.scope(olds, id);
      // undefined: the scope is gone (a deleted service), and its configuration with it.
      await spec.write(client, scope, writes, `deleting ${spec.describe(scope, client.accountSid)} (restoring its recorded values)`);
    },
  };
}
