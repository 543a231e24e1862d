/**
 * The ServiceWebhookConfiguration descriptor: its SDK class, and its export part (what the
 * exporter writes in a service's `webhooks`, and when it writes nothing).
 */
import type { ExportContext } from "../../../../resources/kind";
import { serviceWebhookConfigurationKind as kind } from "../../../../resources/service-webhook-configuration/kind";
import { ServiceWebhookConfiguration } from "../../../../resources/service-webhook-configuration/resource";
import type { ServiceWebhookConfigurationValues } from "../../../../resources/service-webhook-configuration/schema";
import { expectDynamicResource, mockResources, registered, value } from "../../../support/sdk-mocks";

const IS = "IS" + "ab".repeat(16);
const NONE: ServiceWebhookConfigurationValues = { method: null, filters: null, preWebhookUrl: null, postWebhookUrl: null };
const context: ExportContext = {
  reference: () => undefined,
  parameter: (k, v) => `\${${k.name}:${v}}`,
  text: (t) => t,
  json: (j) => j,
};

describe("ServiceWebhookConfiguration export", () => {
  it("writes nothing for a service whose webhooks are as Twilio made them (none), and leaves it out", () => {
    expect(kind.export.entry(NONE, context, [])).toEqual({});
    expect(kind.export.asCreated!(NONE, new Map())).toBe(true);
  });

  it("writes every setting a service has, even POST (a new service has no method), URLs as parameters", () => {
    const live: ServiceWebhookConfigurationValues = {
      method: "POST",
      filters: ["onMessageRemoved", "onDeliveryUpdated"],
      preWebhookUrl: null,
      postWebhookUrl: "https://h.example.com/post",
    };
    expect(kind.export.asCreated!(live, new Map())).toBe(false);
    expect(kind.export.entry(live, context, [])).toEqual({
      method: "POST",
      filters: ["onDeliveryUpdated", "onMessageRemoved"],
      postWebhookUrl: "${webhookUrl:https://h.example.com/post}",
    });
  });

  it("sits in each service's entry as `webhooks`, read once per service", () => {
    expect(kind.spec.placement).toEqual({
      section: "webhooks",
      shape: "singleton",
      parent: { kind: "ConversationService", input: "chatServiceSid" },
    });
    expect(kind.export.per).toBe("ConversationService");
  });
});

const created = mockResources((args) => {
  const { __provider: _shim, ...inputs } = args.inputs;
  return { id: String(inputs.chatServiceSid), state: { ...inputs, originalValues: NONE, accountSid: "AC" + "0".repeat(32), url: null } };
});

describe("ServiceWebhookConfiguration (SDK)", () => {
  it("registers a dynamic resource of its type token with the service and the declared settings", async () => {
    const webhooks = new ServiceWebhookConfiguration("support", { chatServiceSid: IS, method: "POST" });
    expect(await value(webhooks.id)).toBe(IS);
    const args = registered(created, "support");
    expectDynamicResource(args, "ServiceWebhookConfiguration");
    expect(args.inputs).toMatchObject({ chatServiceSid: IS, method: "POST" });
    expect(await value(webhooks.chatServiceSid)).toBe(IS);
    expect(await value(webhooks.filters)).toBeUndefined();
    expect(await value(webhooks.originalValues)).toEqual(NONE);
  });
});
