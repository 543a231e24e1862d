import { emulatorForFile, twilioError } from "./http";

const { emu, api } = emulatorForFile();

const newService = async (name = "svc"): Promise<string> => (await api.post("/v1/Services", { FriendlyName: name })).data.sid;

describe("/v1/Configuration/Webhooks (account)", () => {
  const PATH = "/v1/Configuration/Webhooks";

  test("a fresh account: POST method, no filters, no URLs, target webhook", async () => {
    const res = await api.get(PATH);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      account_sid: emu.accountSid,
      method: "POST",
      filters: [],
      pre_webhook_url: null,
      post_webhook_url: null,
      target: "webhook",
      url: `${emu.url}${PATH}`,
    });
  });

  test("update sets every field; repeated Filters become the list; what is not sent is kept", async () => {
    const res = await api.post(PATH, {
      Method: "get",
      Filters: ["onMessageAdded", "onUserUpdated"],
      PreWebhookUrl: "https://example.com/pre",
      PostWebhookUrl: "http://example.com/post",
      Target: "flex",
    });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      method: "GET",
      filters: ["onMessageAdded", "onUserUpdated"],
      pre_webhook_url: "https://example.com/pre",
      post_webhook_url: "http://example.com/post",
      target: "flex",
    });
    const again = await api.post(PATH, { PostWebhookUrl: "https://example.com/post2" });
    expect(again.data).toEqual({ ...res.data, post_webhook_url: "https://example.com/post2" });
    expect((await api.get(PATH)).data).toEqual(again.data);
  });

  test("empty URLs unset them; a lone Filters= empties the list", async () => {
    await api.post(PATH, {
      PreWebhookUrl: "https://example.com/pre",
      PostWebhookUrl: "https://example.com/post",
      Filters: "onMessageAdded",
    });
    const res = await api.post(PATH, { PreWebhookUrl: "", PostWebhookUrl: "", Filters: "" });
    expect(res.data).toMatchObject({ pre_webhook_url: null, post_webhook_url: null, filters: [] });
  });

  test.each([
    [{ Method: "PUT" }, 50055],
    [{ Method: "" }, 50055],
    [{ PreWebhookUrl: "not a url" }, 50077],
    [{ PostWebhookUrl: "mailto:a@example.com" }, 50078],
    [{ Filters: ["onMessageAdded", "onMessageSent"] }, 50365],
    [{ Target: "studio" }, 20001],
  ])("%j: 400 code %i, nothing changed", async (form, code) => {
    const before = (await api.get(PATH)).data;
    expect((await api.post(PATH, { Method: "GET", ...form })).data).toEqual(twilioError(400, code));
    expect((await api.get(PATH)).data).toEqual(before);
  });

  test("reset puts back a fresh account's settings; the state dump shows them", async () => {
    await api.post(PATH, { Target: "flex" });
    expect((emu.state() as { v1: { accountWebhooks: { target: string } } }).v1.accountWebhooks.target).toBe("flex");
    emu.reset();
    expect((await api.get(PATH)).data.target).toBe("webhook");
  });
});

describe("/v1/Services/{IS}/Configuration/Webhooks", () => {
  test("a new service has none: every field null, as the spec's fetchEmpty example", async () => {
    const svc = await newService();
    expect((await api.get(`/v1/Services/${svc}/Configuration/Webhooks`)).data).toEqual({
      account_sid: emu.accountSid,
      chat_service_sid: svc,
      pre_webhook_url: null,
      post_webhook_url: null,
      filters: null,
      method: null,
      url: `${emu.url}/v1/Services/${svc}/Configuration/Webhooks`,
    });
  });

  test("update, unset with empty values; settings are per service and go with it", async () => {
    const a = await newService("a");
    const b = await newService("b");
    const path = `/v1/Services/${a}/Configuration/Webhooks`;
    const res = await api.post(path, {
      PreWebhookUrl: "https://example.com/pre",
      PostWebhookUrl: "https://example.com/post",
      Filters: ["onMessageRemoved", "onParticipantAdded"],
      Method: "GET",
    });
    expect(res.data).toMatchObject({
      chat_service_sid: a,
      pre_webhook_url: "https://example.com/pre",
      post_webhook_url: "https://example.com/post",
      filters: ["onMessageRemoved", "onParticipantAdded"],
      method: "GET",
    });
    expect((await api.get(`/v1/Services/${b}/Configuration/Webhooks`)).data.method).toBeNull();
    expect((await api.post(path, { PreWebhookUrl: "", Filters: "" })).data).toMatchObject({ pre_webhook_url: null, filters: [] });

    await api.del(`/v1/Services/${a}`);
    expect((await api.get(path)).data).toEqual(twilioError(404, 20404));
    expect((await api.post(path, { Method: "GET" })).data).toEqual(twilioError(404, 20404));
  });

  test.each([
    [{ Method: "DELETE" }, 50055],
    [{ PreWebhookUrl: "/relative" }, 50077],
    [{ PostWebhookUrl: "example.com" }, 50078],
    // The user events are account-level only.
    [{ Filters: "onUserAdded" }, 50365],
  ])("%j: 400 code %i", async (form, code) => {
    const svc = await newService();
    expect((await api.post(`/v1/Services/${svc}/Configuration/Webhooks`, form)).data).toEqual(twilioError(400, code));
  });
});

describe("/v1/Services/{IS}/Configuration/Notifications", () => {
  test("a new service: every push disabled, no template or sound", async () => {
    const svc = await newService();
    expect((await api.get(`/v1/Services/${svc}/Configuration/Notifications`)).data).toEqual({
      account_sid: emu.accountSid,
      chat_service_sid: svc,
      log_enabled: false,
      new_message: {
        enabled: false,
        template: null,
        sound: null,
        badge_count_enabled: false,
        with_media: { enabled: false, template: null },
      },
      added_to_conversation: { enabled: false, template: null, sound: null },
      removed_from_conversation: { enabled: false, template: null, sound: null },
      url: `${emu.url}/v1/Services/${svc}/Configuration/Notifications`,
    });
  });

  test("update every field by its dotted key; empty templates and sounds unset them", async () => {
    const svc = await newService();
    const path = `/v1/Services/${svc}/Configuration/Notifications`;
    const res = await api.post(path, {
      LogEnabled: "true",
      "NewMessage.Enabled": "true",
      "NewMessage.Template": "New message in ${CONVERSATION} from ${PARTICIPANT}: ${MESSAGE}",
      "NewMessage.Sound": "ring",
      "NewMessage.BadgeCountEnabled": "true",
      "NewMessage.WithMedia.Enabled": "true",
      "NewMessage.WithMedia.Template": "${MEDIA_COUNT} files",
      "AddedToConversation.Enabled": "true",
      "AddedToConversation.Template": "Added to ${CONVERSATION}",
      "AddedToConversation.Sound": "chime",
      "RemovedFromConversation.Enabled": "false",
      "RemovedFromConversation.Template": "Removed from ${CONVERSATION}",
      "RemovedFromConversation.Sound": "bell",
    });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      log_enabled: true,
      new_message: {
        enabled: true,
        template: "New message in ${CONVERSATION} from ${PARTICIPANT}: ${MESSAGE}",
        sound: "ring",
        badge_count_enabled: true,
        with_media: { enabled: true, template: "${MEDIA_COUNT} files" },
      },
      added_to_conversation: { enabled: true, template: "Added to ${CONVERSATION}", sound: "chime" },
      removed_from_conversation: { enabled: false, template: "Removed from ${CONVERSATION}", sound: "bell" },
    });
    const cleared = await api.post(path, {
      "NewMessage.Template": "",
      "NewMessage.WithMedia.Template": "",
      "AddedToConversation.Sound": "",
    });
    expect(cleared.data.new_message).toMatchObject({ template: null, sound: "ring", with_media: { enabled: true, template: null } });
    expect(cleared.data.added_to_conversation).toEqual({ enabled: true, template: "Added to ${CONVERSATION}", sound: null });
    expect((await api.get(path)).data).toEqual(cleared.data);
  });

  test("a boolean that is not true or false: 400 code 20001, nothing changed", async () => {
    const svc = await newService();
    const path = `/v1/Services/${svc}/Configuration/Notifications`;
    const before = (await api.get(path)).data;
    expect((await api.post(path, { LogEnabled: "true", "NewMessage.Enabled": "yes" })).data).toEqual(twilioError(400, 20001));
    expect((await api.get(path)).data).toEqual(before);
  });

  test("gone with its service; the state dump shows it inside the service", async () => {
    const svc = await newService();
    const path = `/v1/Services/${svc}/Configuration/Notifications`;
    await api.post(path, { LogEnabled: "true" });
    const state = emu.state() as { v1: { services: { sid: string; notifications: { logEnabled: boolean } }[] } };
    expect(state.v1.services.find((s) => s.sid === svc)?.notifications.logEnabled).toBe(true);
    await api.del(`/v1/Services/${svc}`);
    expect((await api.get(path)).data).toEqual(twilioError(404, 20404));
  });
});
