/**
 * pulumi-twilio-conversations: a Twilio account's Conversations setup as Pulumi resources.
 * @packageDocumentation
 */
export { Conversation, type ConversationArgs } from "./conversation";
export { ConversationService, type ConversationServiceArgs } from "./conversation-service";
export { CONVERSATIONS_SETUP_TYPE, ConversationsSetup, type ConversationsSetupArgs } from "./conversations-setup";
export { GlobalConfiguration, type GlobalConfigurationArgs } from "./global-configuration";
export { OrchestratorConfiguration, type OrchestratorConfigurationArgs } from "./orchestrator-configuration";
export { ServiceConfiguration, type ServiceConfigurationArgs } from "./service-configuration";
export { ServiceRole, type ServiceRoleArgs } from "./service-role";
export { formatIssue, formatPath, SpecError, type SpecIssue } from "./spec/issues";
export { pulumiConfigHint } from "./spec/parameters";
export { parseSpec, validateSpec } from "./spec/parse";
export { type ResolvedSpec, type ResolveOptions, resolveSpec } from "./spec/resolve";
export type { SpecDocument } from "./spec/schema";
