/**
 * pulumi-twilio-conversations: a Twilio account's Conversations setup as Pulumi resources.
 * @packageDocumentation
 */
export { GlobalConfiguration, type GlobalConfigurationArgs } from "./global-configuration";
export { ServiceConfiguration, type ServiceConfigurationArgs } from "./service-configuration";
export { Conversation, type ConversationArgs } from "./conversation";
export { OrchestratorConfiguration, type OrchestratorConfigurationArgs } from "./orchestrator-configuration";
export { ConversationService, type ConversationServiceArgs } from "./conversation-service";
export { ServiceRole, type ServiceRoleArgs } from "./service-role";
export { ConversationsSetup, CONVERSATIONS_SETUP_TYPE, type ConversationsSetupArgs } from "./conversations-setup";
export { parseSpec, validateSpec } from "./spec/parse";
export { resolveSpec, type ResolvedSpec, type ResolveOptions } from "./spec/resolve";
export { SpecError, formatIssue, formatPath, type SpecIssue } from "./spec/issues";
export { pulumiConfigHint } from "./spec/parameters";
export type { SpecDocument } from "./spec/schema";
