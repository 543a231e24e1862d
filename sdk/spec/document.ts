/**
 * The conversations setup document as TypeScript types: plain interfaces, so a program that uses
 * the package reads no zod declaration. Each entry's own fields are its kind's
 * (resources/<kind>/resource.ts, checked there against the kind's document schema); this file puts
 * them in their sections, and the checks at its end keep it equal to what the kind registry
 * composes (a kind added to the registry without its line here fails to compile).
 */
import type { z } from "zod";

import type { AddressConfigurationEntry } from "../../resources/address-configuration/resource";
import type { ConversationEntry } from "../../resources/conversation/resource";
import type { ConversationServiceEntry } from "../../resources/conversation-service/resource";
import type { GlobalConfigurationEntry } from "../../resources/global-configuration/resource";
import type { GlobalWebhookConfigurationEntry } from "../../resources/global-webhook-configuration/resource";
import type { OrchestratorConfigurationEntry } from "../../resources/orchestrator-configuration/resource";
import type { PushCredentialEntry } from "../../resources/push-credential/resource";
import type { KINDS } from "../../resources/registry";
import type { ServiceConfigurationEntry } from "../../resources/service-configuration/resource";
import type { ServiceNotificationConfigurationEntry } from "../../resources/service-notification-configuration/resource";
import type { ServiceRoleEntry } from "../../resources/service-role/resource";
import type { ServiceWebhookConfigurationEntry } from "../../resources/service-webhook-configuration/resource";
import type { Exactly, SameKeys } from "../type-checks";

/** A reference between entries, resolved: an entry of the document by key, or a SID outside it. */
export type Reference = { readonly key: string } | { readonly sid: string };

/** An environment-specific value, set per stack. */
export interface SpecParameter {
  /** What the value is, for whoever sets it per stack. */
  description?: string;
  /** The value when the stack does not set one. Without a default the parameter is required. */
  default?: string;
}

export type SpecRole = ServiceRoleEntry;
export type SpecServiceConfiguration = ServiceConfigurationEntry;
export type SpecConversation = ConversationEntry;
export type SpecOrchestratorConfiguration = OrchestratorConfigurationEntry;
export type SpecAccount = GlobalConfigurationEntry;
export type SpecAddressConfiguration = AddressConfigurationEntry;
export type SpecPushCredential = PushCredentialEntry;
export type SpecAccountWebhooks = GlobalWebhookConfigurationEntry;
export type SpecServiceWebhooks = ServiceWebhookConfigurationEntry;
export type SpecServiceNotifications = ServiceNotificationConfigurationEntry;

/** A conversation service with what sits inside it. */
export interface SpecService extends ConversationServiceEntry {
  /** The service's roles, by key. */
  roles?: Record<string, SpecRole>;
  /** The service's configuration. */
  configuration?: SpecServiceConfiguration;
  /** The service's webhook settings. */
  webhooks?: SpecServiceWebhooks;
  /** The service's push notification settings. */
  notifications?: SpecServiceNotifications;
}

/** A conversations setup document (`conversations.yaml`), as `parseSpec` returns it and `export` writes it. */
export interface SpecDocument {
  /** The JSON Schema the file follows (for editors); ignored. */
  $schema?: string;
  /** Always 1. */
  version: 1;
  /** Environment-specific values, used as `${name}` in any string value. */
  parameters?: Record<string, SpecParameter>;
  /** The account-wide configuration. */
  account?: SpecAccount;
  /** The account's webhook settings. */
  accountWebhooks?: SpecAccountWebhooks;
  /** Conversation services, by key. */
  services?: Record<string, SpecService>;
  /** Conversations, by key. */
  conversations?: Record<string, SpecConversation>;
  /** Conversation Orchestrator (v2) configurations, by key. */
  orchestratorConfigurations?: Record<string, SpecOrchestratorConfiguration>;
  /** Address configurations (addresses whose inbound messages auto-create conversations), by key. */
  addressConfigurations?: Record<string, SpecAddressConfiguration>;
  /** Push credentials (APN, FCM), by key; their secrets are parameters without a default. */
  pushCredentials?: Record<string, SpecPushCredential>;
}

// Compile-time checks: the sections above are exactly those the registry places, each holding its
// kind's entry (with the sections placed inside it).
type Kind = (typeof KINDS)[number];
type EntryOf<K extends Kind> = z.output<z.ZodObject<K["spec"]["entry"]>>;
type ParentOf<K extends Kind> = K["spec"]["placement"] extends { parent: { kind: infer P } } ? P : undefined;
type Sections<P> = {
  [K in Kind as ParentOf<K> extends P ? K["spec"]["placement"]["section"] : never]?: K["spec"]["placement"]["shape"] extends "map"
    ? Record<string, EntryOf<K> & Sections<K["name"]>>
    : EntryOf<K> & Sections<K["name"]>;
};
type Flat<T> = { [K in keyof T]: T[K] };
// Exactly alone lets a missing optional section through (an object without it is assignable both
// ways), so the keys are compared too.
true satisfies Exactly<Flat<Omit<SpecDocument, "$schema" | "version" | "parameters">>, Flat<Sections<undefined>>>;
true satisfies SameKeys<Omit<SpecDocument, "$schema" | "version" | "parameters">, Sections<undefined>>;
true satisfies SameKeys<Omit<SpecService, keyof ConversationServiceEntry>, Sections<"ConversationService">>;
