import { encodeForm } from "../../../../provider/http/form";
import {
  fetchGlobalWebhookConfiguration,
  toWire,
  writeGlobalWebhookConfiguration,
} from "../../../../resources/global-webhook-configuration/api";
import { globalWebhookConfigurationProvider } from "../../../../resources/global-webhook-configuration/provider";
import { answering, ANSWERING_ACCOUNT } from "../../../support/answering-client";

const ACCOUNT = ANSWERING_ACCOUNT;

/** A client that answers every request with `data` and records what was asked. */

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
  const diff = (news: Record<string, unknown>) => globalWebhookConfigurationProvider.diff!(ACCOUNT, outs, { __provider: "shim", ...news });

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
