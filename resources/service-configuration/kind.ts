/** A conversation service's configuration, a singleton taken in charge (id: the service SID). */
import { defineKind, showOutput } from "../kind";
import { serviceConfigurationProvider } from "./provider";
import { ServiceConfiguration } from "./resource";
import { serviceConfigurationSchema } from "./schema";

export const serviceConfigurationKind = defineKind({
  name: "ServiceConfiguration",
  resource: ServiceConfiguration,
  provider: serviceConfigurationProvider,
  schema: serviceConfigurationSchema,
  probe: {
    livePath: (entry) => `/v1/Services/${entry.id}/Configuration`,
    summary: (outputs) => showOutput(outputs, "defaultConversationRoleSid"),
  },
});
