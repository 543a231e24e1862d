import type * as pulumi from "@pulumi/pulumi";

/** The resource kinds the provider implements; the string is captured in each resource's `__provider`. */
export type ResourceKind =
  | "GlobalConfiguration"
  | "ServiceConfiguration"
  | "Conversation"
  | "OrchestratorConfiguration"
  | "ConversationService"
  | "ServiceRole";

/**
 * The object Pulumi serializes into every resource's state as `__provider`.
 *
 * Pulumi copies locally-defined code by value into state, so this shim holds nothing but the kind
 * name: each method loads the real implementation by the package's own name at call time, inside
 * the dynamic-provider host. That keeps `__provider` small, identical for every resource of a kind,
 * free of credentials and paths, and lets old state run new releases (keep these method names stable).
 */
export function providerShim(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  // One captured dispatcher, and one-line methods with one-letter names: every character here is
  // copied into each resource's state, so the serialized text stays well under 2 KB.
  const g = (m: string, a: unknown[]): any => require("pulumi-twilio-conversations/provider")[kind][m](...a);
  return {
    configure: (...a) => g("configure", a),
    check: (...a) => g("check", a),
    diff: (...a) => g("diff", a),
    create: (...a) => g("create", a),
    read: (...a) => g("read", a),
    update: (...a) => g("update", a),
    delete: (...a) => g("delete", a),
  };
}
