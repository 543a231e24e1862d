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
