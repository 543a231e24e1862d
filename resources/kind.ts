/**
 * What a resource kind is, in one object: everything the rest of the tree needs to know about a
 * kind comes from its descriptor (`resources/<kind>/kind.ts`), listed once in `registry.ts`. The
 * provider index, the SDK's kind union, the demo's table, the tests' live probes, the GitOps
 * document (`sdk/spec/`), `ConversationsSetup` and the exporter (`cli/export/`) read the registry
 * instead of naming kinds again. See docs/adding-a-resource.md.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

import type { TwilioClient } from "../provider/http/client";

/**
 * The module of every type token: `pulumi-nodejs:dynamic/twilio-conversations:<Kind>`. Here, in a
 * module that loads nothing, because each SDK class needs it while the registry is still loading
 * that class (registry -> kind -> resource -> dynamic-resource).
 */
export const TYPE_MODULE = "twilio-conversations";

/** A resource's state entry as the probes see it: its id and recorded outputs. */
export interface StateEntry {
  readonly id: string;
  readonly outputs: Readonly<Record<string, unknown>>;
}

/** A kind's SDK class: a `pulumi.dynamic.Resource` built from a name, arguments and options. */
export type ResourceClass = abstract new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => pulumi.dynamic.Resource;

/**
 * Where a kind's entries sit in the conversations setup document (`conversations.yaml`): a map of
 * entries by key (`services`, `conversations`) or a single entry (`account`), at the document's
 * root or inside each entry of a parent kind (a service's `roles` and `configuration`).
 */
export interface Placement {
  /** The property that holds the entries. */
  readonly section: string;
  readonly shape: "map" | "singleton";
  /**
   * Inside each entry of this kind (by name), whose id fills the `input` of every entry here (a
   * role's `chatServiceSid` is its service's SID). Absent: at the document's root.
   */
  readonly parent?: { readonly kind: string; readonly input: string };
}

/**
 * A field of an entry that names another entry by key (or an object outside the document by its
 * SID). It becomes an input holding the named object's id.
 */
export interface ReferenceField {
  /** The field's path in the entry, as the document writes it (`service`, `conversationsV1Bridge.service`). */
  readonly field: string;
  /** The input it becomes (`chatServiceSid`, `conversationsV1Bridge.serviceId`). */
  readonly input: string;
  /**
   * The kind it names. Keys are those of that kind's section: at the root, or in the same parent
   * entry when that kind sits inside one (a service configuration names roles of its own service).
   */
  readonly kind: string;
  /** What the named entry must be: its `field` must hold `value` (this field takes a `what`). */
  readonly requires?: { readonly field: string; readonly value: string; readonly what: string };
  /**
   * Left out, the field means the account's default object of its kind, which another kind sets
   * ({@link setsDefault}): such an entry depends on that one, and exports leave the field out for
   * objects in the default.
   */
  readonly omittedMeansDefault?: boolean;
  /** This field sets the account's default object of its kind. */
  readonly setsDefault?: boolean;
  /** `null` is a value: "none" (a service configuration without a default role). */
  readonly nullable?: boolean;
}

/** One entry of the document while it is checked: where it is and what it holds. */
export interface DocumentEntry {
  /** Map keys and list indexes from the document's root. */
  readonly path: readonly (string | number)[];
  readonly key: string;
  /** The entry's fields as written (a parent's child sections left out). */
  readonly value: Readonly<Record<string, unknown>>;
  /** The entry it sits in, for kinds placed inside one (a role's service). */
  readonly parent?: DocumentEntry;
}

/** What a kind's cross-entry rules may ask of the document. */
export interface RuleContext {
  /** Whether a text holds a `${parameter}` (its value is known only per stack, so it is checked later). */
  hasParameters(text: string): boolean;
  /** The value the document gives the field that sets the account's default object of a kind. */
  defaultOf(kind: string): string | undefined;
}

/** How a kind's entries read and write the conversations setup document. */
export interface SpecPart {
  readonly placement: Placement;
  /** The entry's name in messages, with its article: `a service`, `the account configuration`. */
  readonly noun: string;
  /** What the entry is, for editors (the JSON Schema's description). */
  readonly description: string;
  /**
   * The entry's own fields as the document writes them, each with a description for editors. Only
   * the structure: each field's rules are the kind's input schema's, run once references and
   * parameters are filled in.
   */
  readonly entry: z.ZodRawShape;
  readonly references?: readonly ReferenceField[];
  /** The two letters of this kind's SIDs, when entries of other kinds may name one of its objects by SID. */
  readonly sidPrefix?: string;
  /** A map kind at the root: the name of the component's output holding each entry's id by key (`serviceSids`). */
  readonly idsOutput?: string;
  /**
   * The field an `adoptExisting` entry finds its live object by: two entries of one section with the
   * same value, one of them adopting, would both take the same object.
   */
  readonly adoptBy?: string;
  /**
   * The entry's fields that hold secrets (a push credential's private key). Each must be one whole
   * `${parameter}` without a default, so no secret is ever written in the document, and a missing
   * one is reported with the command that sets a secret (`pulumi config set --secret`).
   */
  readonly secrets?: readonly string[];
  /** Rules across this kind's entries that Twilio would enforce (one unique name per service, ...). */
  rules?(entries: readonly DocumentEntry[], context: RuleContext): Array<{ path: (string | number)[]; message: string }>;
}

/** An environment-specific value the exporter writes as a `${parameter}`. */
export interface ParameterKind {
  /** The parameter's name (`memoryStoreId`); further distinct values get `memoryStoreId2`, ... */
  readonly name: string;
  readonly description: string;
}

/** What a kind's export part may ask of the exporter while it writes one entry. */
export interface ExportContext {
  /**
   * The document's value for a reference field (see {@link SpecPart.references}), given the id the
   * live object holds: the key of the entry exported for it, the id itself when that object is not
   * exported, or undefined where the field is left out (the account's default, or no value).
   */
  reference(field: string, id: string | null | undefined): string | null | undefined;
  /** An environment-specific value as `${name}`: one parameter per distinct value, with it as the default (none for a secret). */
  parameter(kind: ParameterKind, value: string | undefined): string;
  /** Text as the document must write it to read it back verbatim (`${` escaped). */
  text(value: string): string;
  /** A JSON value as the document writes it: object keys sorted at every level, every string escaped as {@link text} does. */
  json(value: unknown): unknown;
}

/** Which live objects an export reads where a kind offers a choice (the CLI's flags). */
export interface ReadOptions {
  /** Conversations: those with a unique name (default), all, or none. */
  readonly conversations?: "unique-named" | "all" | "none";
}

/** How the exporter (and `plan`) read a kind's live objects and write them as document entries. */
export interface ExportPart<Live = unknown> {
  /** The list being read, in progress lines: `services`, `roles`. */
  readonly list: string;
  /**
   * Read once per live object of this kind (by name), rather than once for the account: a
   * service's roles and conversations. The parent object is passed to {@link read}.
   */
  readonly per?: string;
  /**
   * Every live object: every page, `onPage` called with the count read so far as each page arrives.
   * A singleton answers one object (or none).
   */
  read(client: TwilioClient, parent: unknown, onPage: (itemsSoFar: number) => void, options: ReadOptions): Promise<Live[]>;
  /** How a parent names its object in progress and messages: `service "Support"`. */
  label?(live: Live): string;
  /** The id other entries reference it by (its SID). */
  id?(live: Live): string;
  /**
   * Its key in a map section: a name, slugged (`Customer Support` -> `customer-support`) unless it
   * is `verbatim` and already a valid key; `fallback` when the name has no letters or digits.
   */
  key?(live: Live): { readonly name: string; readonly verbatim?: boolean; readonly fallback: string };
  /**
   * The inputs that name a map entry's live object (`plan` matches entries to objects by them): a
   * service's `friendlyName`, a conversation's `chatServiceSid` and `uniqueName`.
   */
  readonly match?: readonly string[];
  /**
   * What its children tell of it, once they are read (`per` this kind): a service's roles say
   * which of Twilio's default roles it does without. Gets its children by kind name and answers
   * the live object to export in its place. Omitted, the object is exported as read.
   */
  withChildren?(live: Live, children: ReadonlyMap<string, readonly unknown[]>): Live;
  /** Its inputs: what a resource of this kind holding it would declare (`plan` compares these). */
  inputs(live: Live): Record<string, unknown>;
  /** Input fields Twilio does not report back (`plan` takes the document's value for them). */
  readonly unread?: readonly string[];
  /** Its document entry (child sections are added by the exporter). */
  entry(live: Live, context: ExportContext, siblings: readonly Live[]): Record<string, unknown>;
  /**
   * Whether Twilio made it by itself and it is still as Twilio made it: a new account's default
   * service, a new service's default roles and configuration. Such an object whose children are
   * also untouched, and that no exported entry names, is left out of the export (every account
   * has its own), so an empty account exports as an empty document.
   */
  asCreated?(live: Live, siblings: ReadonlyMap<string, readonly unknown[]>): boolean;
}

export interface KindDescriptor<Name extends string = string> {
  /**
   * The kind's name: the last part of its type token
   * (`pulumi-nodejs:dynamic/twilio-conversations:<name>`) and its key in the provider index that
   * every resource's serialized `__provider` requires. Frozen: stacks hold it (see CHANGELOG.md).
   */
  readonly name: Name;
  /** The SDK class users construct. */
  readonly resource: ResourceClass;
  /** The provider the dynamic-provider host runs for this kind. */
  readonly provider: pulumi.dynamic.ResourceProvider;
  /** The input schema: what `check` accepts, and what a spec entry of this kind must resolve to. */
  readonly schema: z.ZodType;
  /** How tests, the demo and `plan` look at one live object of this kind. */
  readonly probe: {
    /** The API path that reads the object a state entry stands for (`/v1/Services/IS...`). */
    livePath(entry: StateEntry): string;
    /** The one output that says most about the object, as `name=value` (the demo's table). */
    summary(outputs: StateEntry["outputs"]): string;
  };
  /** Its entries in the conversations setup document. */
  readonly spec: SpecPart;
  /** How `export` and `plan` read its live objects. */
  readonly export: ExportPart;
}

/** Checks a descriptor's shape where it is written, keeping its literal types (the document's types derive from them). */
export function defineKind<const D extends KindDescriptor>(descriptor: D): D {
  return descriptor;
}

/** A kind's export part, typed by what its `read` returns (the descriptor holds it untyped). */
export function exportPart<Live>(part: ExportPart<Live>): ExportPart {
  return part as ExportPart;
}

/** `name=value` for a probe summary: strings as they are, anything else as JSON. */
export function showOutput(outputs: StateEntry["outputs"], key: string): string {
  const value = outputs[key];
  return `${key}=${typeof value === "string" ? value : JSON.stringify(value ?? null)}`;
}
