/**
 * The conversations setup document as TypeScript types: plain interfaces, so a program that uses
 * the package reads no zod declaration. This file holds the document's frame; each kind's
 * resources/<kind>/resource.ts merges its section into `SpecDocument` (or, for a kind inside a
 * service, into `SpecService`) with a `declare module` block: TypeScript's declaration merging,
 * https://www.typescriptlang.org/docs/handbook/declaration-merging.html#module-augmentation. So a
 * new kind touches its own folder, not this file, and the checks at its end keep the merged type
 * equal to what the kind registry composes (a kind without its section, or with it in the wrong
 * place or shape, fails to compile).
 */
import type { z } from "zod";

import type { ConversationServiceEntry, SpecService } from "../../resources/conversation-service/resource";
import type { KINDS } from "../../resources/registry";
import type { Exactly, SameKeys } from "../type-checks";

/** A reference between entries, resolved: an entry of the document by key, or a SID outside it. */
export type Reference = { readonly key: string } | { readonly sid: string };

/** An environment-specific value, set per stack. */
export interface SpecParameter {
  /** What the value is, for whoever sets it per stack. */
  description?: string;
  /** The value when the stack does not set one. Without a default the parameter is required. */
  default?: string;
}

/** A conversations setup document (`conversations.yaml`), as `parseSpec` returns it and `export` writes it. */
export interface SpecDocument {
  /** The JSON Schema the file follows (for editors); ignored. */
  $schema?: string;
  /** Always 1. */
  version: 1;
  /** Environment-specific values, used as `${name}` in any string value. */
  parameters?: Record<string, SpecParameter>;
}

// Compile-time checks: the sections merged in are exactly those the registry places, each holding
// its kind's entry (with the sections placed inside it).
type Kind = (typeof KINDS)[number];
type EntryOf<K extends Kind> = z.output<z.ZodObject<K["spec"]["entry"]>>;
type ParentOf<K extends Kind> = K["spec"]["placement"] extends { parent: { kind: infer P } } ? P : undefined;
type Sections<P> = {
  [K in Kind as ParentOf<K> extends P ? K["spec"]["placement"]["section"] : never]?: K["spec"]["placement"]["shape"] extends "map"
    ? Record<string, EntryOf<K> & Sections<K["name"]>>
    : EntryOf<K> & Sections<K["name"]>;
};
type Flat<T> = { [K in keyof T]: T[K] };
// Exactly alone lets a missing optional section through (an object without it is assignable both
// ways), so the keys are compared too.
true satisfies Exactly<Flat<Omit<SpecDocument, "$schema" | "version" | "parameters">>, Flat<Sections<undefined>>>;
true satisfies SameKeys<Omit<SpecDocument, "$schema" | "version" | "parameters">, Sections<undefined>>;
true satisfies SameKeys<Omit<SpecService, keyof ConversationServiceEntry>, Sections<"ConversationService">>;
