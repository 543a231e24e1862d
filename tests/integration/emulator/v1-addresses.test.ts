import { emulatorForFile, twilioError } from "./http";

let clock = new Date("2030-01-01T00:00:00.000Z");
const { emu, api } = emulatorForFile({ now: () => clock });
beforeEach(() => {
  clock = new Date("2030-01-01T00:00:00.000Z");
});

const LIST = "/v1/Configuration/Addresses";
const FLOW = "FW" + "a".repeat(32);

const webhookForm = (overrides: Record<string, string | string[] | undefined> = {}) => ({
  Type: "sms",
  Address: "+15005550006",
  FriendlyName: "Support line",
  "AutoCreation.Enabled": "true",
  "AutoCreation.Type": "webhook",
  "AutoCreation.WebhookUrl": "https://example.com/inbound",
  "AutoCreation.WebhookMethod": "post",
  "AutoCreation.WebhookFilters": ["onParticipantAdded", "onMessageAdded"],
  AddressCountry: "us",
  ...overrides,
});

describe("create, fetch, update, delete", () => {
  test("create 201 in the spec's wire shape; the form's repeated filters become a list", async () => {
    const defaultService = (await api.get("/v1/Configuration")).data.default_chat_service_sid;
    const res = await api.post(LIST, webhookForm({ "AutoCreation.ConversationServiceSid": defaultService }));
    expect(res.status).toBe(201);
    expect(res.data).toEqual({
      account_sid: emu.accountSid,
      sid: expect.stringMatching(/^IG[0-9a-f]{32}$/),
      address: "+15005550006",
      type: "sms",
      friendly_name: "Support line",
      address_country: "US",
      auto_creation: {
        enabled: true,
        type: "webhook",
        conversation_service_sid: defaultService,
        webhook_url: "https://example.com/inbound",
        webhook_method: "POST",
        webhook_filters: ["onParticipantAdded", "onMessageAdded"],
      },
      date_created: "2030-01-01T00:00:00Z",
      date_updated: "2030-01-01T00:00:00Z",
      url: `${emu.url}${LIST}/${res.data.sid}`,
    });
    // What was sent, as the log shows it: repeated keys, dotted names.
    expect(emu.requests().at(-1)?.parsedBody).toMatchObject({ "AutoCreation.WebhookFilters": ["onParticipantAdded", "onMessageAdded"] });
  });

  test("fetch by SID and by address; update keeps what is not sent; delete 204, then 404", async () => {
    const created = (await api.post(LIST, webhookForm())).data;
    expect((await api.get(`${LIST}/${created.sid}`)).data).toEqual(created);
    expect((await api.get(`${LIST}/${encodeURIComponent("+15005550006")}`)).data).toEqual(created);

    clock = new Date("2030-01-01T00:00:05.000Z");
    const updated = await api.post(`${LIST}/${created.sid}`, {
      "AutoCreation.Type": "studio",
      "AutoCreation.StudioFlowSid": FLOW,
      "AutoCreation.StudioRetryCount": "3",
      "AutoCreation.Enabled": "false",
      // Not in the update schema: ignored, as Twilio ignores unknown parameters.
      Type: "whatsapp",
      Address: "+15005550009",
    });
    expect(updated.status).toBe(200);
    expect(updated.data).toEqual({
      ...created,
      auto_creation: { enabled: false, type: "studio", studio_flow_sid: FLOW, studio_retry_count: 3 },
      date_updated: "2030-01-01T00:00:05Z",
    });

    const deleted = await api.del(`${LIST}/${created.sid}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await api.get(`${LIST}/${created.sid}`)).data).toEqual(twilioError(404, 20404));
    expect((await api.del(`${LIST}/${created.sid}`)).data).toEqual(twilioError(404, 20404));
  });

  test("a default auto-creation shows only enabled and type; types and methods are read in any case", async () => {
    const res = await api.post(LIST, { Type: "whAtsAPP", Address: "whatsapp:+15005550006", "AutoCreation.Type": "DEFAULT" });
    expect(res.data).toMatchObject({
      type: "whatsapp",
      friendly_name: null,
      address_country: null,
      auto_creation: { enabled: false, type: "default" },
    });
    expect(Object.keys(res.data.auto_creation)).toEqual(["enabled", "type"]);
  });

  test("clearing: an empty webhook URL or filter list unsets it, FriendlyName= keeps the name", async () => {
    const sid = (await api.post(LIST, webhookForm())).data.sid;
    const res = await api.post(`${LIST}/${sid}`, { FriendlyName: "", "AutoCreation.WebhookFilters": "" });
    expect(res.data).toMatchObject({ friendly_name: "Support line", auto_creation: { webhook_filters: [] } });
    const studio = await api.post(`${LIST}/${sid}`, {
      "AutoCreation.Type": "studio",
      "AutoCreation.StudioFlowSid": FLOW,
      "AutoCreation.WebhookUrl": "",
    });
    expect(studio.status).toBe(200);
    // Back to webhook without a URL: refused, the URL is gone.
    expect((await api.post(`${LIST}/${sid}`, { "AutoCreation.Type": "webhook" })).data).toEqual(twilioError(400, 20001));
  });
});

describe("rules and error codes", () => {
  test("a second configuration of the same address and type: 409 code 20409; another type is fine", async () => {
    await api.post(LIST, webhookForm());
    expect((await api.post(LIST, webhookForm({ FriendlyName: "again" }))).data).toEqual(twilioError(409, 20409));
    expect((await api.post(LIST, { Type: "chat", Address: "+15005550006" })).status).toBe(201);
  });

  test.each([
    ["no Type", { Type: undefined }, 400, 20001],
    ["no Address", { Address: undefined }, 400, 20001],
    ["an empty Address", { Address: "" }, 400, 20001],
    ["an unknown Type", { Type: "fax" }, 400, 20001],
    ["a 3-letter AddressCountry", { AddressCountry: "USA" }, 400, 20001],
    ["a 257-character FriendlyName", { FriendlyName: "x".repeat(257) }, 400, 20002],
    ["a non-boolean Enabled", { "AutoCreation.Enabled": "yes" }, 400, 20001],
    ["an unknown auto-creation Type", { "AutoCreation.Type": "flow" }, 400, 20001],
    ["a relative WebhookUrl", { "AutoCreation.WebhookUrl": "example.com/inbound" }, 400, 50054],
    ["an ftp WebhookUrl", { "AutoCreation.WebhookUrl": "ftp://example.com" }, 400, 50054],
    ["a webhook type without WebhookUrl", { "AutoCreation.WebhookUrl": undefined }, 400, 20001],
    ["WebhookMethod PUT", { "AutoCreation.WebhookMethod": "PUT" }, 400, 50055],
    ["a filter outside the address list", { "AutoCreation.WebhookFilters": ["onMessageAdded", "onUserAdded"] }, 400, 50365],
    ["a malformed service SID", { "AutoCreation.ConversationServiceSid": "IS123" }, 400, 20001],
    ["an empty service SID", { "AutoCreation.ConversationServiceSid": "" }, 400, 20001],
    ["an unknown service", { "AutoCreation.ConversationServiceSid": "IS" + "f".repeat(32) }, 400, 50050],
    ["a malformed flow SID", { "AutoCreation.Type": "studio", "AutoCreation.StudioFlowSid": "FW1" }, 400, 50367],
    ["a studio type without a flow", { "AutoCreation.Type": "studio" }, 400, 20001],
    [
      "StudioRetryCount 4",
      { "AutoCreation.Type": "studio", "AutoCreation.StudioFlowSid": FLOW, "AutoCreation.StudioRetryCount": "4" },
      400,
      50065,
    ],
    [
      "StudioRetryCount -1",
      { "AutoCreation.Type": "studio", "AutoCreation.StudioFlowSid": FLOW, "AutoCreation.StudioRetryCount": "-1" },
      400,
      50065,
    ],
  ])("%s (%j): %i code %i, nothing created", async (_label, overrides, status, code) => {
    const res = await api.post(LIST, webhookForm(overrides));
    expect(res.data).toEqual(twilioError(status, code));
    expect((await api.get(LIST)).data.address_configurations).toEqual([]);
  });

  test("a refused update changes nothing", async () => {
    const created = (await api.post(LIST, webhookForm())).data;
    expect((await api.post(`${LIST}/${created.sid}`, { FriendlyName: "renamed", "AutoCreation.WebhookMethod": "PATCH" })).status).toBe(400);
    expect((await api.get(`${LIST}/${created.sid}`)).data).toEqual(created);
  });
});

describe("list and paging", () => {
  test("pages of at most 50, following next_page_url, filtered by Type", async () => {
    const sids: string[] = [];
    for (let i = 0; i < 5; i++) {
      sids.push((await api.post(LIST, { Type: i === 4 ? "whatsapp" : "sms", Address: `+1500555000${i}` })).data.sid);
    }
    const seen: string[] = [];
    let url: string | null = `${emu.url}${LIST}?PageSize=2`;
    while (url) {
      const page = await api.get(url);
      expect(page.data.meta.key).toBe("address_configurations");
      seen.push(...page.data.address_configurations.map((a: { sid: string }) => a.sid));
      url = page.data.meta.next_page_url;
    }
    expect(seen).toEqual(sids);

    const sms = await api.get(`${LIST}?Type=SMS`);
    expect(sms.data.address_configurations.map((a: { sid: string }) => a.sid)).toEqual(sids.slice(0, 4));
    expect(sms.data.meta).toMatchObject({ page_size: 50, url: `${emu.url}${LIST}?Type=sms&PageSize=50&Page=0` });
    expect((await api.get(`${LIST}?PageSize=51`)).data).toEqual(twilioError(400, 20001));
    expect((await api.get(`${LIST}?Type=fax`)).data).toEqual(twilioError(400, 20001));
  });
});

describe("admin", () => {
  test("the state dump holds address configurations; reset removes them", async () => {
    const sid = (await api.post(LIST, webhookForm())).data.sid;
    const state = emu.state() as { v1: { addressConfigurations: { sid: string; address: string }[] } };
    expect(state.v1.addressConfigurations).toEqual([expect.objectContaining({ sid, address: "+15005550006" })]);
    emu.reset();
    expect((emu.state() as typeof state).v1.addressConfigurations).toEqual([]);
  });
});
