/** The account's webhook settings, a singleton taken in charge (id: the account SID). */
import { z } from "zod";

import { defined } from "../../provider/shared/values";
import type { Exactly } from "../../sdk/type-checks";
import { defineKind, type ExportContext, exportPart, showOutput } from "../kind";
import { sharedWebhookEntry, sharedWebhookEntryOf, text } from "../spec-fields";
import { fetchGlobalWebhookConfiguration } from "./api";
import { globalWebhookConfigurationProvider } from "./provider";
import { GlobalWebhookConfiguration, type GlobalWebhookConfigurationEntry } from "./resource";
import { globalWebhookConfigurationSchema, type GlobalWebhookConfigurationValues } from "./schema";

const entry = {
  ...sharedWebhookEntry,
  target: text("Where the webhooks go: webhook (the URLs) or flex.").optional(),
};
true satisfies Exactly<GlobalWebhookConfigurationEntry, z.output<z.ZodObject<typeof entry>>>;

/** What a new account has (emulator/v1/store.ts `freshAccountWebhooks` models it; UNCONFIRMED beyond what it cites). */
const FRESH_METHOD = "POST";
const FRESH_TARGET = "webhook";

const entryOf = (values: GlobalWebhookConfigurationValues, context: ExportContext) =>
  defined({
    ...sharedWebhookEntryOf(values, FRESH_METHOD, context),
    target: values.target !== null && values.target !== FRESH_TARGET ? values.target : undefined,
  });

export const globalWebhookConfigurationKind = defineKind({
  name: "GlobalWebhookConfiguration",
  resource: GlobalWebhookConfiguration,
  provider: globalWebhookConfigurationProvider,
  schema: globalWebhookConfigurationSchema,
  probe: {
    livePath: () => "/v1/Configuration/Webhooks",
    summary: (outputs) => showOutput(outputs, "postWebhookUrl"),
  },
  spec: {
    placement: { section: "accountWebhooks", shape: "singleton" },
    noun: "the account webhooks",
    description:
      "The account's webhook settings (/v1/Configuration/Webhooks): method, filters, pre- and post-event URLs, target. Only the fields given are managed.",
    entry,
  },
  export: exportPart<GlobalWebhookConfigurationValues>({
    list: "account webhooks",
    read: async (client) => {
      const live = await fetchGlobalWebhookConfiguration(client, "reading the account webhooks");
      return live ? [live.values] : [];
    },
    inputs: (values) => ({ ...values }),
    // Only what differs from a new account's settings: an untouched account writes nothing.
    entry: (values, context) => entryOf(values, context),
    asCreated: (values) =>
      (values.method === null || values.method === FRESH_METHOD) &&
      values.filters === null &&
      values.preWebhookUrl === null &&
      values.postWebhookUrl === null &&
      (values.target === null || values.target === FRESH_TARGET),
  }),
});
