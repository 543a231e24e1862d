/**
 * The GlobalWebhookConfiguration kind's unit tests: its wire mapping and diff (api.ts,
 * provider.ts), and its descriptor (kind.ts): its export part (what the exporter writes for the
 * account's webhooks, and when it leaves them out) and its SDK class.
 */
import { encodeForm } from "../../../provider/http/form";
import {
  fetchGlobalWebhookConfiguration,
  toWire,
  writeGlobalWebhookConfiguration,
} from "../../../resources/global-webhook-configuration/api";
import { globalWebhookConfigurationKind as kind } from "../../../resources/global-webhook-configuration/kind";
import { globalWebhookConfigurationProvider } from "../../../resources/global-webhook-configuration/provider";
import { GlobalWebhookConfiguration } from "../../../resources/global-webhook-configuration/resource";
import type { GlobalWebhookConfigurationValues } from "../../../resources/global-webhook-configuration/schema";
import type { ExportContext } from "../../../resources/kind";
import { answering, ANSWERING_ACCOUNT } from "../../support/answering-client";
import { expectDynamicResource, mockResources, registered, value } from "../../support/sdk-mocks";

describe("api.ts", () => {
  const ACCOUNT = ANSWERING_ACCOUNT;

  describe("GlobalWebhookConfiguration wire mapping", () => {
    it("sends the fields given under Twilio's names, filters as repeated fields, nothing else", () => {
      const form = toWire({ method: "GET", filters: ["onMessageAdded", "onMessageAdd"], postWebhookUrl: "https://h.example.com/post" });
      expect(encodeForm(form)).toBe(
        "Method=GET&Filters=onMessageAdded&Filters=onMessageAdd&PostWebhookUrl=https%3A%2F%2Fh.example.com%2Fpost",
      );
      expect(encodeForm(toWire({ target: "flex" }))).toBe("Target=flex");
    });

    it.each(["method", "filters", "preWebhookUrl", "postWebhookUrl", "target"] as const)(
      "refuses to send an empty %s, which Twilio has no documented way to take",
      (field) => {
        expect(() => toWire({ [field]: null })).toThrow(/cannot be cleared on Twilio, and nothing should try to/);
      },
    );

    it("reads the settings as the provider holds them: the method in capitals, no filters and empty URLs as null", async () => {
      const { client, sent } = answering({
        account_sid: ACCOUNT,
        method: "post",
        filters: [],
        pre_webhook_url: "",
        post_webhook_url: "https://h.example.com/post",
        target: "webhook",
        url: "https://conversations.twilio.com/v1/Configuration/Webhooks",
        something_new: 1,
      });
      expect(await fetchGlobalWebhookConfiguration(client, "reading")).toEqual({
        values: { method: "POST", filters: null, preWebhookUrl: null, postWebhookUrl: "https://h.example.com/post", target: "webhook" },
        accountSid: ACCOUNT,
        url: "https://conversations.twilio.com/v1/Configuration/Webhooks",
      });
      expect(sent).toEqual([{ method: "GET", path: "/v1/Configuration/Webhooks", action: "reading" }]);
    });

    it("writes with one idempotent POST (it sets absolute values) and reads Twilio's answer back", async () => {
      const { client, sent } = answering({ method: "GET", filters: ["onMessageAdded"], target: null });
      const after = await writeGlobalWebhookConfiguration(client, { method: "GET", filters: ["onMessageAdded"] }, "writing");
      expect(sent).toEqual([
        {
          method: "POST",
          path: "/v1/Configuration/Webhooks",
          form: { Method: "GET", Filters: ["onMessageAdded"], PreWebhookUrl: undefined, PostWebhookUrl: undefined, Target: undefined },
          action: "writing",
          idempotent: true,
        },
      ]);
      // A response without an account: the credentials' account.
      expect(after).toMatchObject({ values: { method: "GET", filters: ["onMessageAdded"], target: null }, accountSid: ACCOUNT, url: null });
    });

    it("names the action and the field when Twilio's answer has the wrong shape", async () => {
      const { client } = answering({ filters: "onMessageAdded" });
      await expect(fetchGlobalWebhookConfiguration(client, "reading the account webhooks")).rejects.toThrow(
        /^Unexpected response from Twilio reading the account webhooks: filters: /,
      );
    });
  });

  describe("GlobalWebhookConfiguration diff", () => {
    const outs = {
      method: "POST",
      filters: ["onMessageAdded", "onConversationUpdated"],
      postWebhookUrl: "https://h.example.com/post",
      originalValues: { method: "POST", filters: null, preWebhookUrl: null, postWebhookUrl: null, target: "webhook" },
      accountSid: ACCOUNT,
      url: "https://conversations.twilio.com/v1/Configuration/Webhooks",
      __provider: "shim",
    };
    const diff = (news: Record<string, unknown>) =>
      globalWebhookConfigurationProvider.diff!(ACCOUNT, outs, { __provider: "shim", ...news });

    it("sees no change in the same settings written differently: filters as a set, the URL as a URL", async () => {
      expect(
        await diff({ method: "POST", filters: ["onConversationUpdated", "onMessageAdded"], postWebhookUrl: "HTTPS://H.EXAMPLE.COM/post" }),
      ).toMatchObject({ changes: false, replaces: [] });
    });

    it("sees a path's case (URLs differ there), a filter more, a filter less", async () => {
      const same = { method: "POST", filters: outs.filters, postWebhookUrl: outs.postWebhookUrl };
      expect(await diff({ ...same, postWebhookUrl: "https://h.example.com/POST" })).toMatchObject({ changes: true });
      expect(await diff({ ...same, filters: [...outs.filters, "onMessageRemoved"] })).toMatchObject({ changes: true });
      expect(await diff({ ...same, filters: ["onMessageAdded"] })).toEqual({
        changes: true,
        replaces: [],
        stables: ["method", "preWebhookUrl", "postWebhookUrl", "target"],
        deleteBeforeReplace: false,
      });
    });

    it("sees a field removed from the program, and one declared for the first time; never replaces", async () => {
      expect(await diff({ filters: outs.filters, postWebhookUrl: outs.postWebhookUrl })).toMatchObject({ changes: true, replaces: [] });
      expect(await diff({ method: "POST", filters: outs.filters, postWebhookUrl: outs.postWebhookUrl, target: "flex" })).toMatchObject({
        changes: true,
        replaces: [],
      });
    });
  });
});

describe("kind.ts", () => {
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
});
