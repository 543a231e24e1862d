import type * as pulumi from "@pulumi/pulumi";

import { TYPE_MODULE } from "../resources/kind";
import type { KindName } from "../resources/registry";
import { shimFor } from "./shim";

/**
 * The arguments a resource class hands to `pulumi.dynamic.Resource`'s constructor
 * (`super(...dynamicResourceArgs("Conversation", OUTPUTS, name, args, opts))`): the kind's shim,
 * the inputs, and the kind as the type name, so the type token and the kind the shim loads can
 * never disagree. The classes keep extending `pulumi.dynamic.Resource` directly (the public
 * contract).
 *
 * A dynamic resource exposes as outputs only the properties it was given, so every output name
 * goes in as an undefined input first. The arguments are spread whole, never copied field by
 * field: a misspelt or unknown key then reaches `check`, which refuses it by name.
 */
export function dynamicResourceArgs(
  kind: KindName,
  outputs: readonly string[],
  name: string,
  args: object,
  opts: pulumi.CustomResourceOptions | undefined,
  internal: pulumi.Inputs = {},
): [pulumi.dynamic.ResourceProvider, string, pulumi.Inputs, pulumi.CustomResourceOptions | undefined, string, string] {
  const props: pulumi.Inputs = { ...Object.fromEntries(outputs.map((o) => [o, undefined])), ...args, ...internal };
  return [shimFor(kind), name, props, opts, TYPE_MODULE, kind];
}
