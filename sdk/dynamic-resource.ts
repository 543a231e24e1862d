import type * as pulumi from "@pulumi/pulumi";

import { providerShim, type ResourceKind } from "./shim";

/** The module of every type token: `pulumi-nodejs:dynamic/twilio-conversations:<Kind>`. */
const MODULE = "twilio-conversations";

/**
 * The arguments a resource class hands to `pulumi.dynamic.Resource`'s constructor
 * (`super(...dynamicResourceArgs("Conversation", name, props, opts))`): the provider shim of the
 * kind, and the kind as the type name, so the type token and the kind the shim loads can never
 * disagree. The classes keep extending `pulumi.dynamic.Resource` directly (the public contract).
 */
export function dynamicResourceArgs(
  kind: ResourceKind,
  name: string,
  props: pulumi.Inputs,
  opts: pulumi.CustomResourceOptions | undefined,
): [pulumi.dynamic.ResourceProvider, string, pulumi.Inputs, pulumi.CustomResourceOptions | undefined, string, string] {
  return [providerShim(kind), name, props, opts, MODULE, kind];
}
