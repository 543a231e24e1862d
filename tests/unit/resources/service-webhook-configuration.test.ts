/**
 * The ServiceWebhookConfiguration kind's unit tests: its wire mapping and diff (api.ts,
 * provider.ts), and its descriptor (kind.ts): its export part (what the exporter writes in a
 * service's `webhooks`, and when it writes nothing) and its SDK class.
 */
import { encodeForm } from "../../../provider/http/form";
import type { ExportContext } from "../../../resources/kind";
import {
  fetchServiceWebhookConfiguration,
  toWire,
  writeServiceWebhookConfiguration,
} from "../../../resources/service-webhook-configuration/api";
import { serviceWebhookConfigurationKind as kind } from "../../../resources/service-webhook-configuration/kind";
import { serviceWebhookConfigurationProvider } from "../../../resources/service-webhook-configuration/provider";
import { ServiceWebhookConfiguration } from "../../../resources/service-webhook-configuration/resource";
import type { ServiceWebhookConfigurationValues } from "../../../resources/service-webhook-configuration/schema";
import { answering, ANSWERING_ACCOUNT } from "../../support/answering-client";
import { expectDynamicResource, mockResources, registered, value } from "../../support/sdk-mocks";

describe("api.ts", () => {
  const ACCOUNT = ANSWERING_ACCOUNT;
  const IS = "IS" + "ab".repeat(16);

  describe("ServiceWebhookConfiguration wire mapping", () => {
    it("sends the fields given under Twilio's names, and never an empty one", () => {
      expect(encodeForm(toWire({ preWebhookUrl: "https://h.example.com/pre", filters: ["onMessageAdd"] }))).toBe(
        "Filters=onMessageAdd&PreWebhookUrl=https%3A%2F%2Fh.example.com%2Fpre",
      );
      expect(() => toWire({ method: null })).toThrow(/Method cannot be cleared on Twilio/);
    });

    it("reads a new service's settings (all null, the spec's fetchEmpty example) from its path", async () => {
      const { client, sent } = answering({
        account_sid: ACCOUNT,
        chat_service_sid: IS,
        pre_webhook_url: null,
        post_webhook_url: null,
        filters: null,
        method: null,
        url: `https://conversations.twilio.com/v1/Services/${IS}/Configuration/Webhooks`,
      });
      expect(await fetchServiceWebhookConfiguration(client, IS, "reading")).toEqual({
        values: { method: null, filters: null, preWebhookUrl: null, postWebhookUrl: null },
        accountSid: ACCOUNT,
        url: `https://conversations.twilio.com/v1/Services/${IS}/Configuration/Webhooks`,
        chatServiceSid: IS,
      });
      expect(sent).toEqual([{ method: "GET", path: `/v1/Services/${IS}/Configuration/Webhooks`, action: "reading" }]);
    });

    it("writes with one idempotent POST to the service's path", async () => {
      const { client, sent } = answering({ method: "GET" });
      const after = await writeServiceWebhookConfiguration(client, IS, { method: "GET" }, "writing");
      expect(sent).toEqual([
        {
          method: "POST",
          path: `/v1/Services/${IS}/Configuration/Webhooks`,
          form: { Method: "GET", Filters: undefined, PreWebhookUrl: undefined, PostWebhookUrl: undefined },
          action: "writing",
          idempotent: true,
        },
      ]);
      expect(after).toMatchObject({ values: { method: "GET" }, chatServiceSid: IS, accountSid: ACCOUNT });
    });
  });

  describe("ServiceWebhookConfiguration diff", () => {
    const outs = {
      chatServiceSid: IS,
      filters: ["onMessageAdded"],
      originalValues: { method: null, filters: null, preWebhookUrl: null, postWebhookUrl: null },
      accountSid: ACCOUNT,
      url: null,
      __provider: "shim",
    };
    const diff = (news: Record<string, unknown>) => serviceWebhookConfigurationProvider.diff!(IS, outs, { __provider: "shim", ...news });

    it("sees no change in the service SID in another hex case", async () => {
      expect(await diff({ chatServiceSid: IS.slice(0, 2) + IS.slice(2).toUpperCase(), filters: ["onMessageAdded"] })).toMatchObject({
        changes: false,
      });
    });

    it("replaces on another service, the new one first", async () => {
      expect(await diff({ chatServiceSid: "IS" + "cd".repeat(16), filters: ["onMessageAdded"] })).toMatchObject({
        changes: true,
        replaces: ["chatServiceSid"],
        deleteBeforeReplace: false,
      });
    });
  });
});

describe("kind.ts", () => {
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
});
