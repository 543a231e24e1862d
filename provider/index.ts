/**
 * The provider implementations, by resource kind. This is what the serialized shim loads inside
 * the dynamic-provider host: `require("pulumi-twilio-conversations/provider")[kind][method](...)`.
 * The keys are the kinds' names from the registry, part of the state format: renaming one breaks
 * existing stacks (CHANGELOG.md).
 */
import type * as pulumi from "@pulumi/pulumi";

import { KINDS } from "../resources/registry";

// Typed by string, not by the registry's kind union: this module's declarations are public, and the
// registry's reach the zod schemas, whose types must stay out of a user's compilation.
const providers: Readonly<Record<string, pulumi.dynamic.ResourceProvider>> = Object.fromEntries(
  KINDS.map((kind) => [kind.name, kind.provider]),
);

export = providers;
