/** The account's Conversations configuration, a singleton taken in charge (id: the account SID). */
import { defineKind, showOutput } from "../kind";
import { globalConfigurationProvider } from "./provider";
import { GlobalConfiguration } from "./resource";
import { globalConfigurationSchema } from "./schema";

export const globalConfigurationKind = defineKind({
  name: "GlobalConfiguration",
  resource: GlobalConfiguration,
  provider: globalConfigurationProvider,
  schema: globalConfigurationSchema,
  probe: {
    livePath: () => "/v1/Configuration",
    summary: (outputs) => showOutput(outputs, "defaultChatServiceSid"),
  },
});
