import { emulatorForFile, twilioError } from "./http";

let clock = new Date("2030-01-01T00:00:00.000Z");
let defaultService: string;

// An injected clock: timers are tested by moving it, not by waiting.
const { emu, api } = emulatorForFile({ now: () => clock });
beforeEach(async () => {
  // After the emulator's reset.
  clock = new Date("2030-01-01T00:00:00.000Z");
  defaultService = (await api.get("/v1/Configuration")).data.default_chat_service_sid;
});

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

describe.each([
  ["/v1/Conversations", () => `${emu.url}/v1/Conversations`, () => defaultService],
  ["/v1/Services/{IS}/Conversations", () => `${emu.url}/v1/Services/${defaultService}/Conversations`, () => defaultService],
])("%s", (_name, listUrl, serviceSid) => {
  test("create 201 in the spec's shape, defaults filled", async () => {
    const res = await api.post(listUrl(), { FriendlyName: "Support chat" });
    expect(res.status).toBe(201);
    const sid = res.data.sid;
    const url = `${listUrl()}/${sid}`;
    const config = (await api.get("/v1/Configuration")).data;
    expect(res.data).toEqual({
      sid: expect.stringMatching(/^CH[0-9a-f]{32}$/),
      account_sid: emu.accountSid,
      chat_service_sid: serviceSid(),
      messaging_service_sid: config.default_messaging_service_sid,
      friendly_name: "Support chat",
      unique_name: null,
      attributes: "{}",
      date_created: "2030-01-01T00:00:00Z",
      date_updated: "2030-01-01T00:00:00Z",
      state: "active",
      timers: {},
      bindings: {},
      url,
      links: {
        participants: `${url}/Participants`,
        messages: `${url}/Messages`,
        webhooks: `${url}/Webhooks`,
        export: `${url}/Export`,
      },
    });
  });

  test("fetch by SID and by unique name, update 200, delete 204", async () => {
    const created = (await api.post(listUrl(), { UniqueName: "support", Attributes: '{"topic":"billing"}' })).data;
    expect((await api.get(`${listUrl()}/${created.sid}`)).data).toEqual(created);
    expect((await api.get(`${listUrl()}/support`)).data).toEqual(created);

    advance(5_000);
    const updated = await api.post(
      `${listUrl()}/support`,
      { FriendlyName: "renamed", State: "inactive" },
      { "X-Twilio-Webhook-Enabled": "true" },
    );
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({
      sid: created.sid,
      friendly_name: "renamed",
      state: "inactive",
      attributes: '{"topic":"billing"}',
      date_updated: "2030-01-01T00:00:05Z",
    });

    const deleted = await api.del(`${listUrl()}/support`, { "X-Twilio-Webhook-Enabled": "false" });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await api.get(`${listUrl()}/${created.sid}`)).data).toEqual(twilioError(404, 20404));
  });
});

describe("conversation rules", () => {
  test("form spaces: + and %20 both decode to a space", async () => {
    const res = await api.request("POST", "/v1/Conversations", { body: "FriendlyName=a+b%20c&UniqueName=x%2By" });
    expect(res.data).toMatchObject({ friendly_name: "a b c", unique_name: "x+y" });
  });

  test("unknown parameters are ignored", async () => {
    expect((await api.post("/v1/Conversations", { FriendlyName: "a", NotAParameter: "x" })).status).toBe(201);
  });

  test("a unique name that looks like a SID: 400 code 50390", async () => {
    expect((await api.post("/v1/Conversations", { UniqueName: "CH" + "a".repeat(32) })).data).toEqual(twilioError(400, 50390));
  });

  test("duplicate unique name in the same service: 409 code 50353, allowed in another service", async () => {
    await api.post("/v1/Conversations", { UniqueName: "dup" });
    expect((await api.post("/v1/Conversations", { UniqueName: "dup" })).data).toEqual(twilioError(409, 50353));
    const other = await api.post(`/v1/Conversations`, { UniqueName: "other" });
    expect((await api.post(`/v1/Conversations/${other.data.sid}`, { UniqueName: "dup" })).data).toEqual(twilioError(409, 50353));
    const svc = (await api.post("/v1/Services", { FriendlyName: "second" })).data.sid;
    expect((await api.post(`/v1/Services/${svc}/Conversations`, { UniqueName: "dup" })).status).toBe(201);
    // Addressing stays within a service: the second service's "dup" is not the default one's.
    const a = (await api.get("/v1/Conversations/dup")).data.sid;
    const b = (await api.get(`/v1/Services/${svc}/Conversations/dup`)).data.sid;
    expect(a).not.toBe(b);
    expect((await api.get(`/v1/Conversations/${b}`)).status).toBe(404);
  });

  test("invalid or oversized attributes: 400 code 50304", async () => {
    expect((await api.post("/v1/Conversations", { Attributes: "{not json" })).data).toEqual(twilioError(400, 50304));
    expect((await api.post("/v1/Conversations", { Attributes: JSON.stringify({ a: "x".repeat(16 * 1024) }) })).data).toEqual(
      twilioError(400, 50304),
    );
  });

  test("FriendlyName over 256 characters: 400", async () => {
    expect((await api.post("/v1/Conversations", { FriendlyName: "x".repeat(257) })).data).toEqual(twilioError(400, 20002));
    expect((await api.post("/v1/Conversations", { FriendlyName: "x".repeat(256) })).status).toBe(201);
  });

  test("timers need an active or inactive state: 400 code 50382; without State they are accepted", async () => {
    expect((await api.post("/v1/Conversations", { State: "initializing", "Timers.Inactive": "PT1M" })).data).toEqual(
      twilioError(400, 50382),
    );
    expect((await api.post("/v1/Conversations", { State: "inactive", "Timers.Closed": "PT10M" })).status).toBe(201);
    // As Twilio's own twilio-labs/plugin-rtc creates them: Timers.Closed alone.
    const res = await api.post("/v1/Conversations", { "Timers.Closed": "PT10M" });
    expect(res.data).toMatchObject({ state: "active", timers: { date_closed: "2030-01-01T00:10:00Z" } });
    // Clearing sets nothing, so it needs no state.
    const initializing = (await api.post("/v1/Conversations", { State: "initializing" })).data.sid;
    expect((await api.post(`/v1/Conversations/${initializing}`, { "Timers.Inactive": "PT0S" })).status).toBe(200);
  });

  test("a conversation cannot be created closed: 400 code 50384, even with timers", async () => {
    expect((await api.post("/v1/Conversations", { State: "closed" })).data).toEqual(twilioError(400, 50384));
    expect((await api.post("/v1/Conversations", { State: "closed", "Timers.Closed": "PT10M" })).data).toEqual(twilioError(400, 50384));
    expect((await api.get("/v1/Conversations")).data.conversations).toEqual([]);
  });

  test.each([
    ["an unknown State", { State: "open" }, 50378],
    ["an empty State", { State: "" }, 50374],
    ["an empty Timers.Inactive", { "Timers.Inactive": "" }, 50379],
    ["a Timers.Inactive that is no duration", { "Timers.Inactive": "1 minute" }, 50379],
    ["an empty Timers.Closed", { "Timers.Closed": "" }, 50380],
    ["a Timers.Closed that is no duration", { "Timers.Closed": "10m" }, 50380],
    ["Timers.Inactive under 1 minute", { "Timers.Inactive": "PT59S" }, 50375],
    ["a zero Timers.Inactive other than PT0S", { "Timers.Inactive": "PT0M" }, 50375],
    ["Timers.Closed under 10 minutes", { "Timers.Closed": "PT9M59S" }, 50376],
    ["an empty MessagingServiceSid", { MessagingServiceSid: "" }, 50341],
    ["a malformed MessagingServiceSid", { MessagingServiceSid: "MG123" }, 50341],
    ["empty Attributes", { Attributes: "" }, 50304],
    ["a DateCreated that is no date", { DateCreated: "yesterday" }, 50308],
    ["a DateUpdated that is no date", { DateUpdated: "tomorrow" }, 50309],
  ])("%s: 400 code %i on create and on update, nothing changed", async (_label, form, code) => {
    expect((await api.post("/v1/Conversations", form)).data).toEqual(twilioError(400, code));
    const created = (await api.post("/v1/Conversations", { UniqueName: "kept", "Timers.Inactive": "PT5M" })).data;
    expect((await api.post("/v1/Conversations/kept", form)).data).toEqual(twilioError(400, code));
    expect((await api.get("/v1/Conversations/kept")).data).toEqual(created);
  });

  test("PT0S clears a conversation's timers", async () => {
    const sid = (await api.post("/v1/Conversations", { "Timers.Inactive": "PT5M", "Timers.Closed": "PT1H" })).data.sid;
    const res = await api.post(`/v1/Conversations/${sid}`, { "Timers.Inactive": "PT0S" });
    expect(res.data.timers).toEqual({ date_closed: "2030-01-01T01:00:00Z" });
    expect((await api.post(`/v1/Conversations/${sid}`, { "Timers.Closed": "PT0S" })).data.timers).toEqual({});
    advance(2 * 60 * 60_000);
    expect((await api.get(`/v1/Conversations/${sid}`)).data.state).toBe("active");
  });

  test("timers become absolute dates and fire on the emulator's clock", async () => {
    const res = await api.post("/v1/Conversations", { UniqueName: "t", "Timers.Inactive": "PT1M", "Timers.Closed": "PT10M" });
    expect(res.data.timers).toEqual({ date_inactive: "2030-01-01T00:01:00Z", date_closed: "2030-01-01T00:10:00Z" });
    advance(60_000);
    expect((await api.get("/v1/Conversations/t")).data.state).toBe("inactive");
    advance(9 * 60_000);
    expect((await api.get("/v1/Conversations/t")).data).toMatchObject({ state: "closed", date_updated: "2030-01-01T00:10:00Z" });
  });

  test("the account's default timers apply to new conversations", async () => {
    await api.post("/v1/Configuration", { DefaultInactiveTimer: "PT2M", DefaultClosedTimer: "P1D" });
    const res = await api.post("/v1/Conversations", {});
    expect(res.data.timers).toEqual({ date_inactive: "2030-01-01T00:02:00Z", date_closed: "2030-01-02T00:00:00Z" });
  });

  test("a closed conversation cannot be updated or reopened: 400 code 50377", async () => {
    const sid = (await api.post("/v1/Conversations", {})).data.sid;
    expect((await api.post(`/v1/Conversations/${sid}`, { State: "closed" })).data.state).toBe("closed");
    expect((await api.post(`/v1/Conversations/${sid}`, { State: "active" })).data).toEqual(twilioError(400, 50377));
    expect((await api.post(`/v1/Conversations/${sid}`, { FriendlyName: "x" })).data).toEqual(twilioError(400, 50377));
    expect((await api.get(`/v1/Conversations/${sid}`)).data.state).toBe("closed");
    expect((await api.del(`/v1/Conversations/${sid}`)).status).toBe(204);
  });

  test("update: UniqueName= clears, FriendlyName= is ignored, Attributes={} resets; dates and email bindings are kept", async () => {
    const created = await api.post("/v1/Conversations", {
      FriendlyName: "f",
      UniqueName: "u",
      Attributes: '{"a":1}',
      DateCreated: "2020-07-01T22:18:37Z",
      "Bindings.Email.Address": "a@example.com",
      "Bindings.Email.Name": "A",
    });
    expect(created.data).toMatchObject({
      date_created: "2020-07-01T22:18:37Z",
      bindings: { email: { address: "a@example.com", name: "A" } },
    });
    const res = await api.post(`/v1/Conversations/${created.data.sid}`, { FriendlyName: "", UniqueName: "", Attributes: "{}" });
    expect(res.data).toMatchObject({
      friendly_name: "f",
      unique_name: null,
      attributes: "{}",
      date_created: "2020-07-01T22:18:37Z",
      bindings: { email: { address: "a@example.com", name: "A" } },
    });
    // A create with an empty FriendlyName has none.
    expect((await api.post("/v1/Conversations", { FriendlyName: "" })).data.friendly_name).toBeNull();
  });

  test("X-Twilio-Webhook-Enabled must be true or false", async () => {
    expect((await api.post("/v1/Conversations", {}, { "X-Twilio-Webhook-Enabled": "maybe" })).status).toBe(400);
  });

  test("unknown service or conversation: 404 code 20404", async () => {
    expect((await api.get(`/v1/Services/IS${"0".repeat(32)}/Conversations`)).data).toEqual(twilioError(404, 20404));
    expect((await api.get(`/v1/Conversations/CH${"0".repeat(32)}`)).data).toEqual(twilioError(404, 20404));
    expect((await api.get("/v1/Conversations/no-such-name")).data).toEqual(twilioError(404, 20404));
  });

  test("/v1/Conversations follows the account's default service when it changes", async () => {
    const svc = (await api.post("/v1/Services", { FriendlyName: "new default" })).data.sid;
    await api.post("/v1/Configuration", { DefaultChatServiceSid: svc });
    expect((await api.post("/v1/Conversations", {})).data.chat_service_sid).toBe(svc);
  });
});

describe("list and paging", () => {
  test("pages of PageSize, following next_page_url verbatim, absolute on the emulator's origin", async () => {
    const sids: string[] = [];
    for (let i = 0; i < 7; i++) {
      sids.push((await api.post("/v1/Conversations", { FriendlyName: `c${i}` })).data.sid);
      advance(1000);
    }
    const seen: string[] = [];
    let url: string | null = `${emu.url}/v1/Conversations?PageSize=3`;
    const metas = [];
    while (url) {
      const res = await api.get(url);
      expect(res.status).toBe(200);
      metas.push(res.data.meta);
      seen.push(...res.data.conversations.map((c: { sid: string }) => c.sid));
      url = res.data.meta.next_page_url;
    }
    expect(seen).toEqual(sids);
    expect(metas.map((m) => [m.page, m.page_size, m.key])).toEqual([
      [0, 3, "conversations"],
      [1, 3, "conversations"],
      [2, 3, "conversations"],
    ]);
    expect(metas[0]).toMatchObject({
      first_page_url: `${emu.url}/v1/Conversations?PageSize=3&Page=0`,
      previous_page_url: null,
      url: `${emu.url}/v1/Conversations?PageSize=3&Page=0`,
      next_page_url: expect.stringMatching(new RegExp(`^${emu.url}/v1/Conversations\\?PageSize=3&Page=1&PageToken=`)),
    });
    expect(metas[2].previous_page_url).toMatch(/Page=1&PageToken=/);
    // The previous page of the last page is the middle one.
    const back = await api.get(metas[2].previous_page_url);
    expect(back.data.conversations.map((c: { sid: string }) => c.sid)).toEqual(sids.slice(3, 6));
  });

  test("a page does not shift when an earlier item is deleted between calls", async () => {
    const sids: string[] = [];
    for (let i = 0; i < 4; i++) sids.push((await api.post("/v1/Conversations", {})).data.sid);
    const first = await api.get("/v1/Conversations?PageSize=2");
    await api.del(`/v1/Conversations/${sids[0]}`);
    const second = await api.get(first.data.meta.next_page_url);
    expect(second.data.conversations.map((c: { sid: string }) => c.sid)).toEqual(sids.slice(2));
  });

  test("Page without a token, default page size 50, State filter", async () => {
    for (let i = 0; i < 3; i++) await api.post("/v1/Conversations", { State: i === 0 ? "inactive" : "active" });
    expect((await api.get("/v1/Conversations")).data.meta.page_size).toBe(50);
    expect((await api.get("/v1/Conversations?PageSize=2&Page=1")).data.conversations).toHaveLength(1);
    const inactive = await api.get("/v1/Conversations?State=inactive");
    expect(inactive.data.conversations).toHaveLength(1);
    expect(inactive.data.meta.url).toContain("State=inactive");
  });

  test.each(["PageSize=0", "PageSize=101", "PageSize=abc", "Page=-1", "PageToken=garbage", "State=open"])("400 for %s", async (q) => {
    expect((await api.get(`/v1/Conversations?${q}`)).status).toBe(400);
  });
});
