/** The account's webhook settings, a singleton taken in charge (id: the account SID). */
import { z } from "zod";

import { defined } from "../../provider/shared/values";
import type { Exactly } from "../../sdk/type-checks";
import { defineKind, type ExportContext, exportPart, showOutput } from "../kind";
import { ENVIRONMENT_VALUES, text } from "../spec-fields";
import { fetchGlobalWebhookConfiguration, type SharedWebhookFields } from "./api";
import { globalWebhookConfigurationProvider } from "./provider";
import { GlobalWebhookConfiguration, type GlobalWebhookConfigurationEntry } from "./resource";
import { globalWebhookConfigurationSchema, type GlobalWebhookConfigurationValues } from "./schema";

/** The entry fields the account's and a service's webhooks share (service-webhook-configuration/kind.ts uses them too). */
export const sharedWebhookEntry = {
  method: text("The HTTP method of the webhook requests: GET or POST.").optional(),
  filters: z
    .array(z.string({ error: "must be an event name" }), { error: "must be a list of event names" })
    .describe("The events that fire the webhooks (a set): onMessageAdded, onConversationUpdated, ...")
    .optional(),
  preWebhookUrl: text("The pre-event webhook URL: an absolute http(s) URL, usually a `${parameter}`.").optional(),
  postWebhookUrl: text("The post-event webhook URL: an absolute http(s) URL, usually a `${parameter}`.").optional(),
};

const entry = {
  ...sharedWebhookEntry,
  target: text("Where the webhooks go: webhook (the URLs) or flex.").optional(),
};
true satisfies Exactly<GlobalWebhookConfigurationEntry, z.output<z.ZodObject<typeof entry>>>;

/**
 * The shared fields of an entry, written only where they differ from what Twilio gives a new
 * account or service (`fresh`): the filters sorted (a set, in an order that does not depend on
 * Twilio's), the URLs as `${webhookUrl}` parameters with the source's value as their default.
 */
export function sharedWebhookEntryOf(
  values: { [K in keyof SharedWebhookFields]-?: SharedWebhookFields[K] | null },
  freshMethod: string | null,
  context: ExportContext,
): Record<string, unknown> {
  const url = (value: string | null) => (value === null ? undefined : context.parameter(ENVIRONMENT_VALUES.webhookUrl, value));
  return defined({
    method: values.method !== freshMethod ? (values.method ?? undefined) : undefined,
    filters: values.filters ? [...values.filters].sort() : undefined,
    preWebhookUrl: url(values.preWebhookUrl),
    postWebhookUrl: url(values.postWebhookUrl),
  });
}

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
