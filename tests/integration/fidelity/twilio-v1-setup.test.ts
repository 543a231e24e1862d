/**
 * Fidelity for the rest of a conversation setup: the OFFICIAL twilio-node client (6.x) creates,
 * fetches, updates, lists and deletes address configurations and push credentials, and reads and
 * writes the account's webhooks and each service's webhooks and notifications, against the
 * emulator. What twilio-node sends is checked in the request log; what it parses, on its objects.
 */
import { twilioForFile } from "./twilio-client";

const { emu, client } = twilioForFile();

const v1 = () => client.conversations.v1;
const lastBody = () => emu.requests().at(-1)?.parsedBody;

test("address configurations: create, fetch by SID and by address, update, list by type, remove", async () => {
  const service = await v1().services.create({ friendlyName: "Inbound" });
  const created = await v1().addressConfigurations.create({
    type: "sms",
    address: "+15005550006",
    friendlyName: "Support line",
    "autoCreation.enabled": true,
    "autoCreation.type": "webhook",
    "autoCreation.conversationServiceSid": service.sid,
    "autoCreation.webhookUrl": "https://example.com/inbound",
    "autoCreation.webhookMethod": "post",
    "autoCreation.webhookFilters": ["onParticipantAdded", "onMessageAdded"],
    addressCountry: "US",
  });
  expect(lastBody()).toMatchObject({
    Type: "sms",
    "AutoCreation.Enabled": "true",
    "AutoCreation.WebhookFilters": ["onParticipantAdded", "onMessageAdded"],
  });
  expect(created.sid).toMatch(/^IG[0-9a-f]{32}$/);
  expect(created).toMatchObject({
    accountSid: emu.accountSid,
    type: "sms",
    address: "+15005550006",
    friendlyName: "Support line",
    addressCountry: "US",
    autoCreation: {
      enabled: true,
      type: "webhook",
      conversation_service_sid: service.sid,
      webhook_url: "https://example.com/inbound",
      webhook_method: "POST",
      webhook_filters: ["onParticipantAdded", "onMessageAdded"],
    },
  });
  expect(created.dateCreated).toBeInstanceOf(Date);
  expect(Number.isNaN(created.dateCreated.getTime())).toBe(false);

  expect((await v1().addressConfigurations(created.sid).fetch()).address).toBe("+15005550006");
  expect((await v1().addressConfigurations("+15005550006").fetch()).sid).toBe(created.sid);

  const updated = await v1()
    .addressConfigurations(created.sid)
    .update({ "autoCreation.type": "studio", "autoCreation.studioFlowSid": "FW" + "a".repeat(32), "autoCreation.studioRetryCount": 2 });
  expect(updated.autoCreation).toEqual({
    enabled: true,
    type: "studio",
    conversation_service_sid: service.sid,
    studio_flow_sid: "FW" + "a".repeat(32),
    studio_retry_count: 2,
  });

  await v1().addressConfigurations.create({ type: "whatsapp", address: "whatsapp:+15005550006" });
  expect((await v1().addressConfigurations.list({ type: "whatsapp" })).map((a) => a.type)).toEqual(["whatsapp"]);
  expect(await v1().addressConfigurations.list({ pageSize: 1 })).toHaveLength(2);

  await expect(v1().addressConfigurations.create({ type: "sms", address: "+15005550006" })).rejects.toMatchObject({
    status: 409,
    code: 20409,
  });
  expect(await v1().addressConfigurations(created.sid).remove()).toBe(true);
  await expect(v1().addressConfigurations(created.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
});

test("account webhooks: fetch the fresh settings, update every field", async () => {
  const fresh = await v1().configuration.webhooks().fetch();
  expect(fresh).toMatchObject({ accountSid: emu.accountSid, method: "POST", filters: [], preWebhookUrl: null, target: "webhook" });

  const updated = await v1()
    .configuration.webhooks()
    .update({
      method: "GET",
      filters: ["onMessageAdded", "onConversationUpdated"],
      preWebhookUrl: "https://example.com/pre",
      postWebhookUrl: "https://example.com/post",
      target: "flex",
    });
  expect(lastBody()).toMatchObject({ Method: "GET", Filters: ["onMessageAdded", "onConversationUpdated"], Target: "flex" });
  expect(updated).toMatchObject({
    method: "GET",
    filters: ["onMessageAdded", "onConversationUpdated"],
    preWebhookUrl: "https://example.com/pre",
    postWebhookUrl: "https://example.com/post",
    target: "flex",
    url: `${emu.url}/v1/Configuration/Webhooks`,
  });
  await expect(v1().configuration.webhooks().update({ preWebhookUrl: "not a url" })).rejects.toMatchObject({ status: 400, code: 50077 });
});

test("service webhooks and notifications: fetch the defaults, update, gone with the service", async () => {
  const service = await v1().services.create({ friendlyName: "Pushes" });
  const config = v1().services(service.sid).configuration;

  const hooks = await config.webhooks().fetch();
  expect(hooks).toMatchObject({ chatServiceSid: service.sid, preWebhookUrl: null, filters: null, method: null });
  const updatedHooks = await config
    .webhooks()
    .update({ preWebhookUrl: "https://example.com/pre", filters: ["onMessageAdded"], method: "POST" });
  expect(updatedHooks).toMatchObject({ preWebhookUrl: "https://example.com/pre", filters: ["onMessageAdded"], method: "POST" });

  const notifications = await config.notifications().fetch();
  expect(notifications).toMatchObject({
    chatServiceSid: service.sid,
    logEnabled: false,
    newMessage: expect.objectContaining({ enabled: false }),
  });
  const updatedNotifications = await config.notifications().update({
    logEnabled: true,
    "newMessage.enabled": true,
    "newMessage.template": "New message in ${CONVERSATION}",
    "newMessage.badgeCountEnabled": true,
    "newMessage.withMedia.enabled": true,
    "addedToConversation.enabled": true,
    "addedToConversation.sound": "ring",
    "removedFromConversation.template": "Removed from ${CONVERSATION}",
  });
  expect(lastBody()).toMatchObject({ LogEnabled: "true", "NewMessage.WithMedia.Enabled": "true" });
  expect(updatedNotifications).toMatchObject({
    logEnabled: true,
    newMessage: {
      enabled: true,
      template: "New message in ${CONVERSATION}",
      sound: null,
      badge_count_enabled: true,
      with_media: { enabled: true, template: null },
    },
    addedToConversation: { enabled: true, template: null, sound: "ring" },
    removedFromConversation: { enabled: false, template: "Removed from ${CONVERSATION}", sound: null },
  });

  await v1().services(service.sid).remove();
  await expect(config.notifications().fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  await expect(config.webhooks().fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
});

test("push credentials: create APN and FCM, fetch, update, list, remove; secrets never come back", async () => {
  const certificate = "-----BEGIN CERTIFICATE-----\nMIIFnTCCBIWgAwIBAgIIAjy9H849\n-----END CERTIFICATE-----";
  const privateKey = "-----BEGIN PRIVATE KEY-----\nMIIEpQIBAAKCAQEAuyf\n-----END PRIVATE KEY-----";
  const apn = await v1().credentials.create({ type: "apn", friendlyName: "iOS", certificate, privateKey, sandbox: true });
  expect(apn.sid).toMatch(/^CR[0-9a-f]{32}$/);
  expect(apn).toMatchObject({ accountSid: emu.accountSid, friendlyName: "iOS", type: "apn", sandbox: "True" });
  expect(JSON.stringify(apn.toJSON())).not.toContain("MIIF");

  const fcm = await v1().credentials.create({ type: "fcm", secret: "fcm-server-key" });
  expect((await v1().credentials(fcm.sid).fetch()).type).toBe("fcm");
  const renamed = await v1().credentials(fcm.sid).update({ friendlyName: "Android", secret: "fcm-server-key-2" });
  expect(renamed).toMatchObject({ friendlyName: "Android", sandbox: "False" });

  expect((await v1().credentials.list({ pageSize: 1 })).map((c) => c.sid)).toEqual([apn.sid, fcm.sid]);
  await expect(v1().credentials.create({ type: "apn", certificate: "nope", privateKey })).rejects.toMatchObject({
    status: 400,
    code: 52005,
  });
  expect(await v1().credentials(apn.sid).remove()).toBe(true);
  await expect(v1().credentials(apn.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  expect(JSON.stringify(emu.requests())).not.toContain("fcm-server-key");
});
