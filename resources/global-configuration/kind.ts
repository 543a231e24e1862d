/** The account's Conversations configuration, a singleton taken in charge (id: the account SID). */
import type { z } from "zod";

import { defined } from "../../provider/shared/values";
import type { Exactly } from "../../sdk/type-checks";
import { defineKind, exportPart, showOutput } from "../kind";
import { ENVIRONMENT_VALUES, text } from "../spec-fields";
import { fetchGlobalConfiguration } from "./api";
import { globalConfigurationProvider } from "./provider";
import { GlobalConfiguration, type GlobalConfigurationEntry } from "./resource";
import { globalConfigurationSchema, type GlobalConfigurationValues } from "./schema";

const entry = {
  defaultChatService: text(
    "The account's default conversation service (where conversations without a service go): a key of `services`, or an IS SID.",
  ).optional(),
  defaultMessagingServiceSid: text("The default messaging service: an MG SID, usually a `${parameter}`.").optional(),
  defaultInactiveTimer: text("Idle time before a conversation becomes inactive: an ISO 8601 duration of at least PT1M.").optional(),
  defaultClosedTimer: text("Idle time before a conversation is closed: an ISO 8601 duration of at least PT10M.").optional(),
};
true satisfies Exactly<GlobalConfigurationEntry, z.output<z.ZodObject<typeof entry>>>;

export const globalConfigurationKind = defineKind({
  name: "GlobalConfiguration",
  resource: GlobalConfiguration,
  provider: globalConfigurationProvider,
  schema: globalConfigurationSchema,
  probe: {
    livePath: () => "/v1/Configuration",
    summary: (outputs) => showOutput(outputs, "defaultChatServiceSid"),
  },
  spec: {
    placement: { section: "account", shape: "singleton" },
    noun: "the account configuration",
    description: "The account-wide Conversations configuration (/v1/Configuration). Only the fields given are managed.",
    entry,
    references: [{ field: "defaultChatService", input: "defaultChatServiceSid", kind: "ConversationService", setsDefault: true }],
  },
  export: exportPart<GlobalConfigurationValues>({
    list: "account configuration",
    read: async (client) => {
      const live = await fetchGlobalConfiguration(client, "reading the account configuration");
      return live ? [live.values] : [];
    },
    inputs: (values) => ({ ...values }),
    entry: (values, context) =>
      defined({
        defaultChatService: context.reference("defaultChatService", values.defaultChatServiceSid) ?? undefined,
        defaultMessagingServiceSid: values.defaultMessagingServiceSid
          ? context.parameter(ENVIRONMENT_VALUES.messagingServiceSid, values.defaultMessagingServiceSid)
          : undefined,
        defaultInactiveTimer: values.defaultInactiveTimer ?? undefined,
        defaultClosedTimer: values.defaultClosedTimer ?? undefined,
      }),
  }),
});
