/**
 * Every resource kind, once. The kind union, the provider index, the SDK's shims, the demo's
 * table and the tests' probes all derive from this list; adding a kind is a folder and a line
 * here (docs/adding-a-resource.md).
 */
import { addressConfigurationKind } from "./address-configuration/kind";
import { conversationKind } from "./conversation/kind";
import { conversationServiceKind } from "./conversation-service/kind";
import { globalConfigurationKind } from "./global-configuration/kind";
import { globalWebhookConfigurationKind } from "./global-webhook-configuration/kind";
import { type KindDescriptor, TYPE_MODULE } from "./kind";
import { orchestratorConfigurationKind } from "./orchestrator-configuration/kind";
import { pushCredentialKind } from "./push-credential/kind";
import { serviceConfigurationKind } from "./service-configuration/kind";
import { serviceNotificationConfigurationKind } from "./service-notification-configuration/kind";
import { serviceRoleKind } from "./service-role/kind";
import { serviceWebhookConfigurationKind } from "./service-webhook-configuration/kind";

export const KINDS = [
  globalConfigurationKind,
  serviceConfigurationKind,
  conversationKind,
  orchestratorConfigurationKind,
  conversationServiceKind,
  serviceRoleKind,
  addressConfigurationKind,
  pushCredentialKind,
  globalWebhookConfigurationKind,
  serviceWebhookConfigurationKind,
  serviceNotificationConfigurationKind,
] as const satisfies readonly KindDescriptor[];

/** A kind's name, as in its type token (`Conversation`). */
export type KindName = (typeof KINDS)[number]["name"];

/** The type token of a kind's resources, as the dynamic-provider machinery writes it into state. */
export function typeTokenOf(name: KindName): string {
  return `pulumi-nodejs:dynamic/${TYPE_MODULE}:${name}`;
}

/** The kind a state entry's type token names, or undefined for a type that is not one of ours. */
export function kindOfType(type: string): KindDescriptor<KindName> | undefined {
  const prefix = `pulumi-nodejs:dynamic/${TYPE_MODULE}:`;
  return type.startsWith(prefix) ? KINDS.find((k) => k.name === type.slice(prefix.length)) : undefined;
}
