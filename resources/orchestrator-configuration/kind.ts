/** A Conversation Orchestrator (v2) configuration (id: conv_configuration_...). */
import { defineKind, showOutput } from "../kind";
import { orchestratorConfigurationProvider } from "./provider";
import { OrchestratorConfiguration } from "./resource";
import { orchestratorConfigurationSchema } from "./schema";

export const orchestratorConfigurationKind = defineKind({
  name: "OrchestratorConfiguration",
  resource: OrchestratorConfiguration,
  provider: orchestratorConfigurationProvider,
  schema: orchestratorConfigurationSchema,
  probe: {
    livePath: (entry) => `/v2/ControlPlane/Configurations/${entry.id}`,
    summary: (outputs) => `${showOutput(outputs, "displayName")} version=${String(outputs.version)}`,
  },
});
