/**
 * pulumi-twilio-conversations: a Twilio account's Conversations setup as Pulumi resources.
 * @packageDocumentation
 */
export {
  type AddressAutoCreationArgs,
  AddressConfiguration,
  type AddressConfigurationArgs,
  type SpecAddressConfiguration,
} from "../resources/address-configuration/resource";
export { Conversation, type ConversationArgs, type SpecConversation } from "../resources/conversation/resource";
export { ConversationService, type ConversationServiceArgs, type SpecService } from "../resources/conversation-service/resource";
export { GlobalConfiguration, type GlobalConfigurationArgs, type SpecAccount } from "../resources/global-configuration/resource";
export {
  type AccountWebhookEvent,
  GlobalWebhookConfiguration,
  type GlobalWebhookConfigurationArgs,
  type SpecAccountWebhooks,
  type WebhookTarget,
} from "../resources/global-webhook-configuration/resource";
export {
  OrchestratorConfiguration,
  type OrchestratorConfigurationArgs,
  type SpecOrchestratorConfiguration,
} from "../resources/orchestrator-configuration/resource";
export { PushCredential, type PushCredentialArgs, type SpecPushCredential } from "../resources/push-credential/resource";
export {
  ServiceConfiguration,
  type ServiceConfigurationArgs,
  type SpecServiceConfiguration,
} from "../resources/service-configuration/resource";
export {
  type NewMessagePushArgs,
  type PushEventArgs,
  ServiceNotificationConfiguration,
  type ServiceNotificationConfigurationArgs,
  type SpecServiceNotifications,
} from "../resources/service-notification-configuration/resource";
export { ServiceRole, type ServiceRoleArgs, type SpecRole } from "../resources/service-role/resource";
export {
  ServiceWebhookConfiguration,
  type ServiceWebhookConfigurationArgs,
  type SpecServiceWebhooks,
} from "../resources/service-webhook-configuration/resource";
export { CONVERSATIONS_SETUP_TYPE, ConversationsSetup, type ConversationsSetupArgs } from "./conversations-setup";
export { type CheckOptions, type CheckResult, checkSpec } from "./spec/check";
export type { SpecDocument, SpecParameter } from "./spec/document";
export { formatIssue, formatPath, SpecError, type SpecIssue } from "./spec/issues";
export { pulumiConfigHint } from "./spec/parameters";
export { parseSpec, validateSpec } from "./spec/parse";
export { type ResolvedEntry, type ResolvedSpec, type ResolveOptions, resolveSpec } from "./spec/resolve";
export type { ServiceWebhookEvent } from "./webhook-events";
