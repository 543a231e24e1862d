/** A conversation service's webhook settings, a singleton taken in charge (id: the service SID). */
import type { z } from "zod";

import type { Exactly } from "../../sdk/type-checks";
import type { ConversationServiceOutputs } from "../conversation-service/schema";
import { defineKind, exportPart, showOutput } from "../kind";
import { sharedWebhookEntry, sharedWebhookEntryOf } from "../spec-fields";
import { fetchServiceWebhookConfiguration } from "./api";
import { serviceWebhookConfigurationProvider } from "./provider";
import { ServiceWebhookConfiguration, type ServiceWebhookConfigurationEntry } from "./resource";
import { serviceWebhookConfigurationSchema, type ServiceWebhookConfigurationValues } from "./schema";

const entry = sharedWebhookEntry;
true satisfies Exactly<ServiceWebhookConfigurationEntry, z.output<z.ZodObject<typeof entry>>>;

export const serviceWebhookConfigurationKind = defineKind({
  name: "ServiceWebhookConfiguration",
  resource: ServiceWebhookConfiguration,
  provider: serviceWebhookConfigurationProvider,
  schema: serviceWebhookConfigurationSchema,
  probe: {
    livePath: (entry) => `/v1/Services/${entry.id}/Configuration/Webhooks`,
    summary: (outputs) => showOutput(outputs, "postWebhookUrl"),
  },
  spec: {
    placement: { section: "webhooks", shape: "singleton", parent: { kind: "ConversationService", input: "chatServiceSid" } },
    noun: "a service's webhooks",
    description:
      "The service's webhook settings (/v1/Services/{IS}/Configuration/Webhooks): method, filters, pre- and post-event URLs. Only the fields given are managed.",
    entry,
  },
  export: exportPart<ServiceWebhookConfigurationValues>({
    list: "webhooks",
    per: "ConversationService",
    read: async (client, service) => {
      const { sid, friendlyName } = service as ConversationServiceOutputs;
      const live = await fetchServiceWebhookConfiguration(client, sid, `reading the webhooks of service ${JSON.stringify(friendlyName)}`);
      return live ? [live.values] : [];
    },
    inputs: (values) => ({ ...values }),
    // Only what a new service does not have (it has nothing set): an untouched service writes nothing.
    entry: (values, context) => sharedWebhookEntryOf(values, null, context),
    asCreated: (values) => Object.values(values).every((v) => v === null),
  }),
});
