import { emulatorForFile, twilioError } from "./http";

const { emu, api } = emulatorForFile();

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe("/v1/Services", () => {
  test("create 201 with the spec's shape, fetch, list, delete 204", async () => {
    const created = await api.post("/v1/Services", { FriendlyName: "Support desk" });
    expect(created.status).toBe(201);
    const sid = created.data.sid as string;
    const url = `${emu.url}/v1/Services/${sid}`;
    expect(created.data).toEqual({
      sid: expect.stringMatching(/^IS[0-9a-f]{32}$/),
      account_sid: emu.accountSid,
      friendly_name: "Support desk",
      date_created: expect.stringMatching(DATE),
      date_updated: expect.stringMatching(DATE),
      url,
      links: {
        conversations: `${url}/Conversations`,
        users: `${url}/Users`,
        roles: `${url}/Roles`,
        bindings: `${url}/Bindings`,
        configuration: `${url}/Configuration`,
        participant_conversations: `${url}/ParticipantConversations`,
        conversation_with_participants: `${url}/ConversationWithParticipants`,
      },
    });
    expect((await api.get(`/v1/Services/${sid}`)).data).toEqual(created.data);

    const list = await api.get("/v1/Services");
    expect(list.data.services.map((s: { sid: string }) => s.sid)).toContain(sid);
    expect(list.data.meta).toMatchObject({ key: "services", page: 0, page_size: 50, next_page_url: null });

    const deleted = await api.del(`/v1/Services/${sid}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await api.get(`/v1/Services/${sid}`)).data).toEqual(twilioError(404, 20404));
  });

  test("FriendlyName is required and at most 256 characters", async () => {
    expect((await api.post("/v1/Services", {})).data).toEqual(twilioError(400, 20001));
    expect((await api.post("/v1/Services", { FriendlyName: "x".repeat(257) })).data).toEqual(twilioError(400, 20002));
  });

  test("delete removes its conversations and roles", async () => {
    const sid = (await api.post("/v1/Services", { FriendlyName: "tmp" })).data.sid;
    const conv = (await api.post(`/v1/Services/${sid}/Conversations`, { UniqueName: "c" })).data.sid;
    const role = (await api.post(`/v1/Services/${sid}/Roles`, { FriendlyName: "r", Type: "service", Permission: "joinConversation" })).data
      .sid;
    await api.del(`/v1/Services/${sid}`);
    const state = emu.state() as { v1: { conversations: { sid: string }[]; roles: { sid: string }[] } };
    expect(state.v1.conversations.map((c) => c.sid)).not.toContain(conv);
    expect(state.v1.roles.map((r) => r.sid)).not.toContain(role);
  });

  test("the account's default service cannot be deleted", async () => {
    const sid = (await api.get("/v1/Configuration")).data.default_chat_service_sid;
    const res = await api.del(`/v1/Services/${sid}`);
    expect(res.status).toBe(400);
    expect((await api.get(`/v1/Services/${sid}`)).status).toBe(200);
  });

  test("malformed and unknown SIDs are 404", async () => {
    expect((await api.get("/v1/Services/nope")).status).toBe(404);
    expect((await api.del(`/v1/Services/IS${"0".repeat(32)}`)).data).toEqual(twilioError(404, 20404));
  });
});

describe("/v1/Services/{IS}/Roles", () => {
  let svc: string;
  beforeEach(async () => {
    svc = (await api.post("/v1/Services", { FriendlyName: "roles" })).data.sid;
  });

  test("a new service has Twilio's four default roles", async () => {
    const res = await api.get(`/v1/Services/${svc}/Roles`);
    expect(res.status).toBe(200);
    const roles = res.data.roles.map((r: { friendly_name: string; type: string }) => [r.friendly_name, r.type]);
    expect(roles.sort()).toEqual([
      ["channel admin", "conversation"],
      ["channel user", "conversation"],
      ["service admin", "service"],
      ["service user", "service"],
    ]);
    expect(res.data.meta).toMatchObject({ key: "roles", page_size: 50 });
  });

  test("create with repeated Permission, fetch, update replaces permissions, delete", async () => {
    const created = await api.post(`/v1/Services/${svc}/Roles`, {
      FriendlyName: "Agent",
      Type: "conversation",
      Permission: ["sendMessage", "leaveConversation"],
    });
    expect(created.status).toBe(201);
    const sid = created.data.sid;
    expect(created.data).toEqual({
      sid: expect.stringMatching(/^RL[0-9a-f]{32}$/),
      account_sid: emu.accountSid,
      chat_service_sid: svc,
      friendly_name: "Agent",
      type: "conversation",
      permissions: ["sendMessage", "leaveConversation"],
      date_created: expect.stringMatching(DATE),
      date_updated: expect.stringMatching(DATE),
      url: `${emu.url}/v1/Services/${svc}/Roles/${sid}`,
    });
    expect((await api.get(`/v1/Services/${svc}/Roles/${sid}`)).data).toEqual(created.data);

    const updated = await api.post(`/v1/Services/${svc}/Roles/${sid}`, { Permission: "sendMediaMessage" });
    expect(updated.status).toBe(200);
    expect(updated.data.permissions).toEqual(["sendMediaMessage"]);

    expect((await api.del(`/v1/Services/${svc}/Roles/${sid}`)).status).toBe(204);
    expect((await api.get(`/v1/Services/${svc}/Roles/${sid}`)).data).toEqual(twilioError(404, 20404));
  });

  test.each([
    [{ Type: "conversation", Permission: "sendMessage" }, 20001],
    [{ FriendlyName: "x", Permission: "sendMessage" }, 20001],
    [{ FriendlyName: "x", Type: "channel", Permission: "sendMessage" }, 20001],
    [{ FriendlyName: "x", Type: "service" }, 20001],
    [{ FriendlyName: "x".repeat(65), Type: "service", Permission: "joinConversation" }, 20002],
  ])("create refuses %j", async (form, code) => {
    expect((await api.post(`/v1/Services/${svc}/Roles`, form)).data).toEqual(twilioError(400, code));
  });

  test("update requires Permission; a role of another service is not found", async () => {
    const sid = (await api.post(`/v1/Services/${svc}/Roles`, { FriendlyName: "a", Type: "service", Permission: "joinConversation" })).data
      .sid;
    expect((await api.post(`/v1/Services/${svc}/Roles/${sid}`, {})).status).toBe(400);
    const other = (await api.post("/v1/Services", { FriendlyName: "other" })).data.sid;
    expect((await api.get(`/v1/Services/${other}/Roles/${sid}`)).status).toBe(404);
  });

  test("list pages with PageSize up to 50", async () => {
    const first = await api.get(`/v1/Services/${svc}/Roles?PageSize=3`);
    expect(first.data.roles).toHaveLength(3);
    const second = await api.get(first.data.meta.next_page_url);
    expect(second.data.roles).toHaveLength(1);
    expect(second.data.meta.next_page_url).toBeNull();
    expect((await api.get(`/v1/Services/${svc}/Roles?PageSize=51`)).status).toBe(400);
  });
});
