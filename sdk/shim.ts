import type * as pulumi from "@pulumi/pulumi";

import type { KindName } from "../resources/registry";

/**
 * The object Pulumi serializes into every resource's state as `__provider`.
 *
 * Pulumi copies locally-defined code by value into state, so this shim holds nothing but the kind
 * name: each method loads the real implementation by the package's own name at call time, inside
 * the dynamic-provider host. That keeps `__provider` small, identical for every resource of a kind,
 * free of credentials and paths, and lets old state run new releases (keep this surface stable:
 * state written by 0.1.0 holds this text, tests/fixtures/shim-v0.json).
 *
 * Size: each serialized function costs about 200 bytes of wrapper, so seven methods would not fit in
 * 2 KB. The host passes the resource id (a string) first to read, diff, delete and update, and an
 * object first to configure, create and check; so one function serves one method of each sort,
 * picking by the type of the first argument. Four functions, about 1.5 KB.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports --
 * Serialized code: every character lands in state, so no types and a plain require by name. */
export function providerShim(kind: KindName): pulumi.dynamic.ResourceProvider {
  const g = (a: unknown[], noId: string, byId: string): any =>
    require("pulumi-twilio-conversations/provider")[kind][typeof a[0] == "string" ? byId : noId](...a);
  const configureOrRead = (...a: any[]) => g(a, "configure", "read");
  const checkOrDelete = (...a: any[]) => g(a, "check", "delete");
  const createOrDiff = (...a: any[]) => g(a, "create", "diff");
  const update = (...a: any[]) => g(a, "update", "update");
  return {
    configure: configureOrRead,
    read: configureOrRead,
    check: checkOrDelete,
    delete: checkOrDelete,
    create: createOrDiff,
    diff: createOrDiff,
    update,
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */

const shims = new Map<KindName, pulumi.dynamic.ResourceProvider>();

/**
 * The provider object every resource of a kind hands to Pulumi: one object per kind, because
 * Pulumi caches a provider's serialization per object (`@pulumi/pulumi` dynamic/index.js
 * `providerCache`), so a stack of 1,000 resources serializes six shims, not 1,000.
 *
 * Built, it is the export of the kind's own module `dist/provider/kinds/<Kind>.js` (written by
 * scripts/write-kind-modules.js): when the package is installed under `node_modules`, Pulumi's
 * closure serializer finds that module in the require cache and captures the object as
 * `require("pulumi-twilio-conversations/provider/kinds/<Kind>")` (it maps the file back through
 * the package's `exports`; runtime/closure/createClosure.js `captureModuleAsync`), a few hundred
 * bytes; elsewhere (a linked checkout, jest on the sources) it falls back to the by-value shim.
 */
export function shimFor(kind: KindName): pulumi.dynamic.ResourceProvider {
  let shim = shims.get(kind);
  if (shim === undefined) {
    shim = kindModule(kind) ?? providerShim(kind);
    shims.set(kind, shim);
  }
  return shim;
}

function kindModule(kind: KindName): pulumi.dynamic.ResourceProvider | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a generated module, present only in dist/
    return require(`../provider/kinds/${kind}`) as pulumi.dynamic.ResourceProvider;
  } catch {
    return undefined;
  }
}
