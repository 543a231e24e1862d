/**
 * pulumi-twilio-conversations: a Twilio account's Conversations setup as Pulumi resources.
 * @packageDocumentation
 */
export {
  type AddressAutoCreationArgs,
  AddressConfiguration,
  type AddressConfigurationArgs,
} from "../resources/address-configuration/resource";
export { Conversation, type ConversationArgs } from "../resources/conversation/resource";
export { ConversationService, type ConversationServiceArgs } from "../resources/conversation-service/resource";
export { GlobalConfiguration, type GlobalConfigurationArgs } from "../resources/global-configuration/resource";
export {
  type AccountWebhookEvent,
  GlobalWebhookConfiguration,
  type GlobalWebhookConfigurationArgs,
  type ServiceWebhookEvent,
  type WebhookTarget,
} from "../resources/global-webhook-configuration/resource";
export { OrchestratorConfiguration, type OrchestratorConfigurationArgs } from "../resources/orchestrator-configuration/resource";
export { PushCredential, type PushCredentialArgs } from "../resources/push-credential/resource";
export { ServiceConfiguration, type ServiceConfigurationArgs } from "../resources/service-configuration/resource";
export {
  type NewMessagePushArgs,
  type PushEventArgs,
  ServiceNotificationConfiguration,
  type ServiceNotificationConfigurationArgs,
} from "../resources/service-notification-configuration/resource";
export { ServiceRole, type ServiceRoleArgs } from "../resources/service-role/resource";
export { ServiceWebhookConfiguration, type ServiceWebhookConfigurationArgs } from "../resources/service-webhook-configuration/resource";
export { CONVERSATIONS_SETUP_TYPE, ConversationsSetup, type ConversationsSetupArgs } from "./conversations-setup";
export { type CheckOptions, type CheckResult, checkSpec } from "./spec/check";
export type {
  SpecAccount,
  SpecAccountWebhooks,
  SpecAddressConfiguration,
  SpecConversation,
  SpecDocument,
  SpecOrchestratorConfiguration,
  SpecParameter,
  SpecPushCredential,
  SpecRole,
  SpecService,
  SpecServiceConfiguration,
  SpecServiceNotifications,
  SpecServiceWebhooks,
} from "./spec/document";
export { formatIssue, formatPath, SpecError, type SpecIssue } from "./spec/issues";
export { pulumiConfigHint } from "./spec/parameters";
export { parseSpec, validateSpec } from "./spec/parse";
export { type ResolvedEntry, type ResolvedSpec, type ResolveOptions, resolveSpec } from "./spec/resolve";
