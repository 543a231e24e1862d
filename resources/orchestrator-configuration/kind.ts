/** A Conversation Orchestrator (v2) configuration (id: conv_configuration_...). */
import { z } from "zod";

import { defined } from "../../provider/shared/values";
import type { Exactly } from "../../sdk/type-checks";
import { defineKind, type DocumentEntry, exportPart, type RuleContext, showOutput } from "../kind";
import { documentObject, ENVIRONMENT_VALUES, flag, text } from "../spec-fields";
import { fromWire, inputsOf, listConfigurations } from "./api";
import { orchestratorConfigurationProvider } from "./provider";
import { OrchestratorConfiguration, type OrchestratorConfigurationEntry } from "./resource";
import { CHANNELS, LOGICAL_NAME_KEY, type OrchestratorConfigurationOutputs, orchestratorConfigurationSchema } from "./schema";

const minutes = (description: string) => z.number({ error: "must be a number of minutes" }).describe(description).optional();

const channelSetting = documentObject(
  {
    statusTimeouts: documentObject(
      { inactive: minutes("Minutes before inactive."), closed: minutes("Minutes before closed.") },
      "status timeouts",
    )
      .describe("Minutes of silence before a conversation on this channel becomes inactive, then closed.")
      .optional(),
    captureRules: z
      .array(
        documentObject(
          {
            from: text("The address (or *) messages come from."),
            to: text("The address (or *) messages go to."),
            metadata: z
              .record(z.string(), z.string({ error: "must be a string" }))
              .describe("Text metadata.")
              .optional(),
          },
          "a capture rule",
        ),
        { error: "must be a list of capture rules" },
      )
      .describe("Which messages on this channel are captured into conversations.")
      .optional(),
  },
  "channel settings",
);

const entry = {
  displayName: text("1 to 32 letters, digits, '-', '_' or spaces."),
  description: text("At most 512 characters."),
  conversationGroupingType: text("How messages are grouped into conversations."),
  memoryStoreId: text("The memory store conversations use: usually a `${parameter}`."),
  channelSettings: z
    .record(z.string(), channelSetting, { error: `must be a mapping keyed by channel (${CHANNELS.join(", ")})` })
    .describe(`Per-channel settings, keyed by ${CHANNELS.join(", ")}.`)
    // The channel rule is a refinement of the input schema, which JSON Schema cannot carry: said here, from the same list.
    .meta({ propertyNames: { enum: [...CHANNELS] } })
    .optional(),
  statusCallbacks: z
    .array(
      documentObject(
        {
          url: text("An absolute http(s) URL: usually a `${parameter}`."),
          method: text("POST (default) or GET.").optional(),
        },
        "a status callback",
      ),
      { error: "must be a list of status callbacks" },
    )
    .describe("At most 2 status callbacks.")
    .optional(),
  intelligenceConfigurationIds: z
    .array(text("An intelligence configuration id."), { error: "must be a list of ids" })
    .describe("At most 5 intelligence configuration ids.")
    .optional(),
  memoryExtractionEnabled: flag("Whether memory extraction is on (default false).").optional(),
  conversationsV1Bridge: documentObject(
    { service: text("The v1 service to bridge: a key of `services`, or an IS SID. One configuration per service.") },
    "a bridge",
  )
    .describe("Bridges this configuration to a Conversations v1 service.")
    .optional(),
};
true satisfies Exactly<OrchestratorConfigurationEntry, z.output<z.ZodObject<typeof entry>>>;

/** One orchestrator configuration per v1 service (Twilio answers 409 to a second bridge). */
function oneBridgePerService(entries: readonly DocumentEntry[], context: RuleContext) {
  const issues: Array<{ path: (string | number)[]; message: string }> = [];
  const bridged = new Map<string, string>();
  for (const { key, path, value } of entries) {
    const service = (value as Partial<OrchestratorConfigurationEntry>).conversationsV1Bridge?.service;
    if (service === undefined || context.hasParameters(service)) continue;
    const other = bridged.get(service);
    if (other !== undefined) {
      issues.push({
        path: [...path, "conversationsV1Bridge", "service"],
        message: `service "${service}" is already bridged by orchestrator configuration "${other}": one configuration per service`,
      });
    }
    bridged.set(service, key);
  }
  return issues;
}

export const orchestratorConfigurationKind = defineKind({
  name: "OrchestratorConfiguration",
  resource: OrchestratorConfiguration,
  provider: orchestratorConfigurationProvider,
  schema: orchestratorConfigurationSchema,
  probe: {
    livePath: (entry) => `/v2/ControlPlane/Configurations/${entry.id}`,
    summary: (outputs) => `${showOutput(outputs, "displayName")} version=${String(outputs.version)}`,
  },
  spec: {
    placement: { section: "orchestratorConfigurations", shape: "map" },
    noun: "an orchestrator configuration",
    description: "A Conversation Orchestrator (v2) configuration.",
    entry,
    references: [{ field: "conversationsV1Bridge.service", input: "conversationsV1Bridge.serviceId", kind: "ConversationService" }],
    idsOutput: "orchestratorConfigurationIds",
    rules: oneBridgePerService,
  },
  export: exportPart<OrchestratorConfigurationOutputs>({
    list: "orchestrator configurations",
    read: async (client, _parent, onPage) =>
      (await listConfigurations(client, "listing orchestrator configurations", onPage)).map((wire) =>
        fromWire(wire, client.accountSid, undefined),
      ),
    id: (o) => o.configurationId,
    match: ["displayName"],
    key: (o) => ({ name: o.displayName, fallback: "configuration" }),
    inputs: (o) => {
      const { [LOGICAL_NAME_KEY]: _name, ...inputs } = inputsOf(o);
      return inputs;
    },
    entry: (o, context) =>
      defined({
        displayName: context.text(o.displayName),
        description: context.text(o.description),
        conversationGroupingType: o.conversationGroupingType,
        memoryStoreId: context.parameter(ENVIRONMENT_VALUES.memoryStoreId, o.memoryStoreId),
        channelSettings: Object.keys(o.channelSettings).length > 0 ? context.json(o.channelSettings) : undefined,
        statusCallbacks:
          o.statusCallbacks.length > 0
            ? o.statusCallbacks.map((cb) =>
                defined({
                  url: context.parameter(ENVIRONMENT_VALUES.statusCallbackUrl, cb.url),
                  method: cb.method === "GET" ? "GET" : undefined,
                }),
              )
            : undefined,
        intelligenceConfigurationIds:
          o.intelligenceConfigurationIds.length > 0
            ? o.intelligenceConfigurationIds.map((id) => context.parameter(ENVIRONMENT_VALUES.intelligenceConfigurationId, id))
            : undefined,
        memoryExtractionEnabled: o.memoryExtractionEnabled ? true : undefined,
        conversationsV1Bridge: o.conversationsV1Bridge
          ? { service: context.reference("conversationsV1Bridge.service", o.conversationsV1Bridge.serviceId) }
          : undefined,
      }),
  }),
});
