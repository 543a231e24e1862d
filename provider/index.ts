/**
 * The provider implementations, by resource kind. This is what the serialized shim loads inside
 * the dynamic-provider host: `require("pulumi-twilio-conversations/provider")[kind][method](...)`.
 * The export names are part of the state format: renaming one breaks existing stacks.
 */
import type * as pulumi from "@pulumi/pulumi";

import { conversationProvider } from "../resources/conversation/provider";
import { conversationServiceProvider } from "../resources/conversation-service/provider";
import { globalConfigurationProvider } from "../resources/global-configuration/provider";
import { orchestratorConfigurationProvider } from "../resources/orchestrator-configuration/provider";
import { serviceConfigurationProvider } from "../resources/service-configuration/provider";
import { serviceRoleProvider } from "../resources/service-role/provider";
import type { ResourceKind } from "../sdk/shim";

export const GlobalConfiguration = globalConfigurationProvider;
export const ServiceConfiguration = serviceConfigurationProvider;
export const Conversation = conversationProvider;
export const OrchestratorConfiguration = orchestratorConfigurationProvider;
export const ConversationService = conversationServiceProvider;
export const ServiceRole = serviceRoleProvider;

// Every kind the SDK can name has an implementation here.
({
  GlobalConfiguration,
  ServiceConfiguration,
  Conversation,
  OrchestratorConfiguration,
  ConversationService,
  ServiceRole,
}) satisfies Record<ResourceKind, pulumi.dynamic.ResourceProvider>;
