import { encodeForm } from "../../../../provider/http/form";
import {
  fetchServiceWebhookConfiguration,
  toWire,
  writeServiceWebhookConfiguration,
} from "../../../../resources/service-webhook-configuration/api";
import { serviceWebhookConfigurationProvider } from "../../../../resources/service-webhook-configuration/provider";
import { answering, ANSWERING_ACCOUNT } from "../../../support/answering-client";

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
