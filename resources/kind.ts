/**
 * What a resource kind is, in one object: everything the rest of the tree needs to know about a
 * kind comes from its descriptor (`resources/<kind>/kind.ts`), listed once in `registry.ts`. The
 * provider index, the SDK's kind union, the demo's table and the tests' live probes read the
 * registry instead of naming kinds again. See docs/adding-a-resource.md.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

/** A resource's state entry as the probes see it: its id and recorded outputs. */
export interface StateEntry {
  readonly id: string;
  readonly outputs: Readonly<Record<string, unknown>>;
}

/** A kind's SDK class: a `pulumi.dynamic.Resource` built from a name, arguments and options. */
export type ResourceClass = abstract new (name: string, args: never, opts?: pulumi.CustomResourceOptions) => pulumi.dynamic.Resource;

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
}

/** Checks a descriptor's shape where it is written, keeping its literal name. */
export function defineKind<const Name extends string>(descriptor: KindDescriptor<Name>): KindDescriptor<Name> {
  return descriptor;
}

/** `name=value` for a probe summary: strings as they are, anything else as JSON. */
export function showOutput(outputs: StateEntry["outputs"], key: string): string {
  const value = outputs[key];
  return `${key}=${typeof value === "string" ? value : JSON.stringify(value ?? null)}`;
}
