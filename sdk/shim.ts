import type * as pulumi from "@pulumi/pulumi";

/** The resource kinds the provider implements; the string is captured in each resource's `__provider`. */
export type ResourceKind =
  "GlobalConfiguration" | "ServiceConfiguration" | "Conversation" | "OrchestratorConfiguration" | "ConversationService" | "ServiceRole";

/**
 * The object Pulumi serializes into every resource's state as `__provider`.
 *
 * Pulumi copies locally-defined code by value into state, so this shim holds nothing but the kind
 * name: each method loads the real implementation by the package's own name at call time, inside
 * the dynamic-provider host. That keeps `__provider` small, identical for every resource of a kind,
 * free of credentials and paths, and lets old state run new releases (keep this surface stable).
 *
 * Size: each serialized function costs about 200 bytes of wrapper, so seven methods would not fit in
 * 2 KB. The host passes the resource id (a string) first to read, diff, delete and update, and an
 * object first to configure, create and check; so one function serves one method of each sort,
 * picking by the type of the first argument. Four functions, about 1.6 KB.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports --
 * Serialized code: every character lands in state, so no types and a plain require by name. */
export function providerShim(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
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
