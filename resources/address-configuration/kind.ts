/** An address configuration (id: its IG SID). */
import { z } from "zod";

import { compareText, defined } from "../../provider/shared/values";
import type { Exactly } from "../../sdk/type-checks";
import { defineKind, type DocumentEntry, exportPart, type ParameterKind, type RuleContext, showOutput } from "../kind";
import { documentObject, ENVIRONMENT_VALUES, flag, text } from "../spec-fields";
import { listAddressConfigurations, type LiveAddressConfiguration } from "./api";
import { addressConfigurationProvider, inputsOfLive } from "./provider";
import { AddressConfiguration, type AddressConfigurationEntry } from "./resource";
import { ADDRESS_TYPES, addressConfigurationSchema, AUTO_CREATION_TYPES } from "./schema";

/** Environment-specific values of an address configuration: the exporter writes each as a parameter. */
const PARAMETERS = {
  address: { name: "address", description: "An address (phone number, WhatsApp sender, ...) of this environment" },
  studioFlowSid: { name: "studioFlowSid", description: "A Studio flow SID (FW...) of this environment" },
} as const satisfies Record<string, ParameterKind>;

const entry = {
  type: text(`The kind of address: ${ADDRESS_TYPES.join(", ")}. Changing it replaces the configuration.`),
  address: text("The address (a phone number, a WhatsApp sender, ...): usually a `${parameter}`. Changing it replaces the configuration."),
  friendlyName: text("A human-readable name, 1 to 256 characters.").optional(),
  addressCountry: text("The ISO 3166-1 alpha-2 country of a short code. Changing it replaces the configuration.").optional(),
  autoCreation: documentObject(
    {
      enabled: flag("Whether inbound messages auto-create conversations.").optional(),
      type: text(`${AUTO_CREATION_TYPES.join(", ")}: what an inbound message starts besides the conversation.`).optional(),
      service: text(
        "The service the conversations are created in: a key of `services`, or an IS SID. Omitted: the default service.",
      ).optional(),
      webhookUrl: text("For type webhook: the URL Twilio calls, usually a `${parameter}`.").optional(),
      webhookMethod: text("For type webhook: POST or GET.").optional(),
      webhookFilters: z
        .array(text("An event, such as onMessageAdded."), { error: "must be a list of event names" })
        .describe("For type webhook: the events that call the webhook (a set).")
        .optional(),
      studioFlowSid: text("For type studio: the flow (FW...), usually a `${parameter}`.").optional(),
      studioRetryCount: z
        .number({ error: "must be a number" })
        .describe("For type studio: retries of the flow's webhook, 0 to 3.")
        .optional(),
    },
    "auto-creation settings",
  )
    .describe("How inbound messages auto-create conversations.")
    .optional(),
  adoptExisting: flag("Take charge of the account's configuration of this address and type instead of creating one.").optional(),
};
true satisfies Exactly<AddressConfigurationEntry, z.output<z.ZodObject<typeof entry>>>;

/** Twilio keeps one configuration per address and type (a second create is refused). */
function oneConfigurationPerAddress(entries: readonly DocumentEntry[], context: RuleContext) {
  const issues: Array<{ path: (string | number)[]; message: string }> = [];
  const seen = new Map<string, string>();
  for (const { key, path, value } of entries) {
    const { type, address } = value as Partial<AddressConfigurationEntry>;
    if (typeof type !== "string" || typeof address !== "string" || context.hasParameters(type) || context.hasParameters(address)) continue;
    const id = `${type}\u0000${address.trim()}`;
    const other = seen.get(id);
    if (other !== undefined) {
      issues.push({
        path: [...path, "address"],
        message: `is also the ${type} address of address configuration "${other}": Twilio keeps one configuration per address and type`,
      });
    }
    seen.set(id, key);
  }
  return issues;
}

export const addressConfigurationKind = defineKind({
  name: "AddressConfiguration",
  resource: AddressConfiguration,
  provider: addressConfigurationProvider,
  schema: addressConfigurationSchema,
  probe: {
    livePath: (entry) => `/v1/Configuration/Addresses/${entry.id}`,
    summary: (outputs) => `${showOutput(outputs, "type")} ${showOutput(outputs, "address")}`,
  },
  spec: {
    placement: { section: "addressConfigurations", shape: "map" },
    noun: "an address configuration",
    description: "An address whose inbound messages auto-create conversations (/v1/Configuration/Addresses).",
    entry,
    references: [{ field: "autoCreation.service", input: "autoCreation.conversationServiceSid", kind: "ConversationService" }],
    idsOutput: "addressConfigurationSids",
    // Adoption finds the configuration by address (and type; two types rarely share an address text).
    adoptBy: "address",
    rules: oneConfigurationPerAddress,
  },
  export: exportPart<LiveAddressConfiguration>({
    list: "address configurations",
    read: (client, _parent, onPage) => listAddressConfigurations(client, "listing address configurations", onPage),
    id: (a) => a.sid,
    match: ["type", "address"],
    key: (a) => ({ name: `${a.type} ${a.address}`, fallback: "address" }),
    inputs: (a) => ({ ...inputsOfLive(a) }),
    unread: ["adoptExisting"],
    entry: (a, context) => {
      const ac = a.autoCreation;
      const autoCreation = defined({
        enabled: ac.enabled,
        type: ac.type,
        service: context.reference("autoCreation.service", ac.conversationServiceSid) ?? undefined,
        webhookUrl: ac.webhookUrl === undefined ? undefined : context.parameter(ENVIRONMENT_VALUES.webhookUrl, ac.webhookUrl),
        webhookMethod: ac.webhookMethod,
        webhookFilters: ac.webhookFilters && [...ac.webhookFilters].sort(compareText),
        studioFlowSid: ac.studioFlowSid === undefined ? undefined : context.parameter(PARAMETERS.studioFlowSid, ac.studioFlowSid),
        studioRetryCount: ac.studioRetryCount,
      });
      return defined({
        type: a.type,
        address: context.parameter(PARAMETERS.address, a.address),
        friendlyName: a.friendlyName === undefined ? undefined : context.text(a.friendlyName),
        addressCountry: a.addressCountry,
        autoCreation: Object.keys(autoCreation).length > 0 ? autoCreation : undefined,
      });
    },
  }),
});
