/**
 * The GlobalWebhookConfiguration descriptor: its SDK class, and its export part (what the exporter
 * writes for the account's webhooks, and when it leaves them out).
 */
import { globalWebhookConfigurationKind as kind } from "../../../../resources/global-webhook-configuration/kind";
import { GlobalWebhookConfiguration } from "../../../../resources/global-webhook-configuration/resource";
import type { GlobalWebhookConfigurationValues } from "../../../../resources/global-webhook-configuration/schema";
import type { ExportContext } from "../../../../resources/kind";
import { expectDynamicResource, mockResources, registered, value } from "../../../support/sdk-mocks";

const ACCOUNT = "AC" + "0".repeat(32);
const FRESH: GlobalWebhookConfigurationValues = {
  method: "POST",
  filters: null,
  preWebhookUrl: null,
  postWebhookUrl: null,
  target: "webhook",
};

/** An export context that writes `${webhookUrl}`, `${webhookUrl2}`, ... and records each parameter's default. */
function contextRecording() {
  const parameters: Record<string, string | undefined> = {};
  const context: ExportContext = {
    reference: () => undefined,
    parameter: (k, v) => {
      const name = Object.keys(parameters).length === 0 ? k.name : `${k.name}${Object.keys(parameters).length + 1}`;
      parameters[name] = v;
      return `\${${name}}`;
    },
    text: (t) => t,
    json: (j) => j,
  };
  return { context, parameters };
}

describe("GlobalWebhookConfiguration export", () => {
  it("leaves out an account whose webhooks are as Twilio made them, and writes nothing for them", () => {
    expect(kind.export.asCreated!(FRESH, new Map())).toBe(true);
    expect(kind.export.asCreated!({ ...FRESH, method: null, target: null }, new Map())).toBe(true);
    expect(kind.export.entry(FRESH, contextRecording().context, [])).toEqual({});
  });

  it.each([
    ["a method", { method: "GET" }],
    ["filters", { filters: ["onMessageAdded"] }],
    ["a URL", { preWebhookUrl: "https://h.example.com/pre" }],
    ["the Flex target", { target: "flex" }],
  ] as const)("keeps an account with %s of its own", (_what, change) => {
    expect(kind.export.asCreated!({ ...FRESH, ...change }, new Map())).toBe(false);
  });

  it("writes what differs from a new account: URLs as parameters with their values as defaults, the filters sorted", () => {
    const { context, parameters } = contextRecording();
    const live: GlobalWebhookConfigurationValues = {
      method: "GET",
      filters: ["onParticipantAdded", "onMessageAdded"],
      preWebhookUrl: "https://h.example.com/pre",
      postWebhookUrl: "https://h.example.com/post",
      target: "flex",
    };
    expect(kind.export.entry(live, context, [])).toEqual({
      method: "GET",
      filters: ["onMessageAdded", "onParticipantAdded"],
      preWebhookUrl: "${webhookUrl}",
      postWebhookUrl: "${webhookUrl2}",
      target: "flex",
    });
    expect(parameters).toEqual({ webhookUrl: "https://h.example.com/pre", webhookUrl2: "https://h.example.com/post" });
    // What plan compares: the inputs a resource holding these settings would declare.
    expect(kind.export.inputs(live)).toEqual(live);
  });
});

const created = mockResources((args) => {
  const { __provider: _shim, ...inputs } = args.inputs;
  return {
    id: ACCOUNT,
    state: { ...inputs, originalValues: FRESH, accountSid: ACCOUNT, url: "https://conversations.twilio.com/v1/Configuration/Webhooks" },
  };
});

describe("GlobalWebhookConfiguration (SDK)", () => {
  it("registers a dynamic resource of its type token with the declared inputs only, and exposes every output", async () => {
    const webhooks = new GlobalWebhookConfiguration("webhooks", {
      filters: ["onMessageAdded"],
      postWebhookUrl: "https://h.example.com/post",
    });
    expect(await value(webhooks.id)).toBe(ACCOUNT);
    const args = registered(created, "webhooks");
    expectDynamicResource(args, "GlobalWebhookConfiguration");
    expect(args.inputs).toMatchObject({ filters: ["onMessageAdded"], postWebhookUrl: "https://h.example.com/post" });
    expect(args.inputs).not.toHaveProperty("method");
    expect(await value(webhooks.filters)).toEqual(["onMessageAdded"]);
    expect(await value(webhooks.method)).toBeUndefined();
    expect(await value(webhooks.originalValues)).toEqual(FRESH);
    expect(await value(webhooks.accountSid)).toBe(ACCOUNT);
  });
});
