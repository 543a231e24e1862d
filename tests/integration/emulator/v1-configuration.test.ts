import { emulatorForFile, twilioError } from "./http";

const IS = /^IS[0-9a-f]{32}$/;
const { emu, api } = emulatorForFile();

describe("GET /v1/Configuration", () => {
  test("a fresh account points at its default service, timers null", async () => {
    const res = await api.get("/v1/Configuration");
    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      account_sid: emu.accountSid,
      default_chat_service_sid: expect.stringMatching(IS),
      default_messaging_service_sid: expect.stringMatching(/^MG[0-9a-f]{32}$/),
      default_inactive_timer: null,
      default_closed_timer: null,
      url: `${emu.url}/v1/Configuration`,
      links: {
        service: `${emu.url}/v1/Services/${res.data.default_chat_service_sid}/Configuration`,
        webhooks: `${emu.url}/v1/Configuration/Webhooks`,
      },
    });
    const service = await api.get(`/v1/Services/${res.data.default_chat_service_sid}`);
    expect(service.data.friendly_name).toBe("Default Conversations Service");
  });

  test("the default service keeps its SID across reset (CI stacks may name it)", async () => {
    const before = (await api.get("/v1/Configuration")).data.default_chat_service_sid;
    emu.reset();
    expect((await api.get("/v1/Configuration")).data.default_chat_service_sid).toBe(before);
  });
});

describe("POST /v1/Configuration", () => {
  test("updates the documented fields and returns them", async () => {
    const svc = (await api.post("/v1/Services", { FriendlyName: "other" })).data.sid;
    const mg = "MG" + "1".repeat(32);
    const res = await api.post("/v1/Configuration", {
      DefaultChatServiceSid: svc,
      DefaultMessagingServiceSid: mg,
      DefaultInactiveTimer: "PT1M",
      DefaultClosedTimer: "PT10M",
      SomethingUnknown: "ignored",
    });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      default_chat_service_sid: svc,
      default_messaging_service_sid: mg,
      default_inactive_timer: "PT1M",
      default_closed_timer: "PT10M",
    });
    expect((await api.get("/v1/Configuration")).data.default_inactive_timer).toBe("PT1M");
  });

  test("PT0S clears a timer, as Twilio documents; the default timers stop applying", async () => {
    await api.post("/v1/Configuration", { DefaultInactiveTimer: "PT5M", DefaultClosedTimer: "P1D" });
    const res = await api.post("/v1/Configuration", { DefaultInactiveTimer: "PT0S" });
    expect(res.data).toMatchObject({ default_inactive_timer: null, default_closed_timer: "P1D" });
    expect((await api.post("/v1/Configuration", { DefaultClosedTimer: "PT0S" })).data.default_closed_timer).toBeNull();
    expect((await api.post("/v1/Conversations", {})).data.timers).toEqual({});
  });

  test.each([
    ["DefaultChatServiceSid", "IS123", 20001],
    ["DefaultChatServiceSid", "IS" + "f".repeat(32), 50050], // well formed, but no such service
    ["DefaultChatServiceSid", "", 20001],
    ["DefaultMessagingServiceSid", "XX" + "1".repeat(32), 50341],
    ["DefaultMessagingServiceSid", "", 50341],
    ["DefaultInactiveTimer", "", 50379],
    ["DefaultInactiveTimer", "1 minute", 50379],
    ["DefaultInactiveTimer", "PT59S", 50375],
    ["DefaultInactiveTimer", "P0D", 50375],
    ["DefaultClosedTimer", "", 50380],
    ["DefaultClosedTimer", "P", 50380],
    ["DefaultClosedTimer", "PT9M", 50376],
  ])("%s=%j: 400 code %i naming the parameter, nothing changed", async (key, value, code) => {
    const before = (await api.get("/v1/Configuration")).data;
    const res = await api.post("/v1/Configuration", { DefaultInactiveTimer: "PT2M", [key]: value });
    expect(res.data).toEqual(twilioError(400, code));
    expect(res.data.message).toContain(key);
    expect((await api.get("/v1/Configuration")).data).toEqual(before);
  });
});

describe("/v1/Services/{IS}/Configuration", () => {
  test("a new service's configuration names its default roles", async () => {
    const svc = (await api.post("/v1/Services", { FriendlyName: "svc" })).data.sid;
    const res = await api.get(`/v1/Services/${svc}/Configuration`);
    expect(res.status).toBe(200);
    const roles = (await api.get(`/v1/Services/${svc}/Roles`)).data.roles as { sid: string; friendly_name: string }[];
    const sidOf = (name: string) => roles.find((r) => r.friendly_name === name)?.sid;
    expect(res.data).toEqual({
      chat_service_sid: svc,
      default_conversation_creator_role_sid: sidOf("channel admin"),
      default_conversation_role_sid: sidOf("channel user"),
      default_chat_service_role_sid: sidOf("service user"),
      reachability_enabled: false,
      url: `${emu.url}/v1/Services/${svc}/Configuration`,
      links: {
        notifications: `${emu.url}/v1/Services/${svc}/Configuration/Notifications`,
        webhooks: `${emu.url}/v1/Services/${svc}/Configuration/Webhooks`,
      },
    });
  });

  test("update sets roles of the right type and reachability", async () => {
    const svc = (await api.post("/v1/Services", { FriendlyName: "svc" })).data.sid;
    const conv = (await api.post(`/v1/Services/${svc}/Roles`, { FriendlyName: "agent", Type: "conversation", Permission: "sendMessage" }))
      .data.sid;
    const service = (
      await api.post(`/v1/Services/${svc}/Roles`, { FriendlyName: "member", Type: "service", Permission: "joinConversation" })
    ).data.sid;
    const res = await api.post(`/v1/Services/${svc}/Configuration`, {
      DefaultConversationCreatorRoleSid: conv,
      DefaultConversationRoleSid: conv,
      DefaultChatServiceRoleSid: service,
      ReachabilityEnabled: "true",
    });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      default_conversation_creator_role_sid: conv,
      default_conversation_role_sid: conv,
      default_chat_service_role_sid: service,
      reachability_enabled: true,
    });
    // A service role where a conversation role is needed, a malformed or empty SID, a bad boolean: 400.
    expect((await api.post(`/v1/Services/${svc}/Configuration`, { DefaultConversationRoleSid: service })).data).toEqual(
      twilioError(400, 20001),
    );
    expect((await api.post(`/v1/Services/${svc}/Configuration`, { DefaultConversationRoleSid: "RL1" })).data).toEqual(
      twilioError(400, 20001),
    );
    expect((await api.post(`/v1/Services/${svc}/Configuration`, { ReachabilityEnabled: "yes" })).data).toEqual(twilioError(400, 20001));
    // A well-formed SID naming no role of this service: "Conversation role not found".
    expect((await api.post(`/v1/Services/${svc}/Configuration`, { DefaultConversationRoleSid: "RL" + "0".repeat(32) })).data).toEqual(
      twilioError(400, 50109),
    );
  });

  test.each(["DefaultConversationCreatorRoleSid", "DefaultConversationRoleSid", "DefaultChatServiceRoleSid"])(
    "%s cannot be emptied: 400 code 20001 (outside the spec's pattern), nothing changed",
    async (field) => {
      const svc = (await api.post("/v1/Services", { FriendlyName: "svc" })).data.sid;
      const before = (await api.get(`/v1/Services/${svc}/Configuration`)).data;
      const res = await api.post(`/v1/Services/${svc}/Configuration`, { [field]: "" });
      expect(res.data).toEqual(twilioError(400, 20001));
      expect(res.data.message).toContain(field);
      expect((await api.get(`/v1/Services/${svc}/Configuration`)).data).toEqual(before);
    },
  );

  test("unknown service: 404 code 20404", async () => {
    const missing = "IS" + "0".repeat(32);
    for (const res of [
      await api.get(`/v1/Services/${missing}/Configuration`),
      await api.post(`/v1/Services/${missing}/Configuration`, {}),
    ]) {
      expect(res.status).toBe(404);
      expect(res.data).toEqual(twilioError(404, 20404));
    }
  });
});
