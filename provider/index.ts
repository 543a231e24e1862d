/**
 * The provider implementations, by resource kind. This is what the serialized shim loads inside
 * the dynamic-provider host: `require("pulumi-twilio-conversations/provider")[kind][method](...)`.
 * The keys are the kinds' names from the registry, part of the state format: renaming one breaks
 * existing stacks (CHANGELOG.md).
 */
import type * as pulumi from "@pulumi/pulumi";

import { type KindName, KINDS } from "../resources/registry";

const providers = Object.fromEntries(KINDS.map((kind) => [kind.name, kind.provider])) as Record<KindName, pulumi.dynamic.ResourceProvider>;

export = providers;
