/**
 * Fidelity: the OFFICIAL twilio-node client (6.x) drives the emulator's v1 API. If twilio-node
 * parses our responses, follows our paging and raises our errors, the emulator speaks Twilio's
 * format rather than only this project's. When it rejects something, the emulator is what gets fixed.
 */
import { twilioForFile } from "./twilio-client";

const { emu, client } = twilioForFile();

test("v1 configuration: fetch and update", async () => {
  const config = await client.conversations.v1.configuration().fetch();
  expect(config.accountSid).toBe(emu.accountSid);
  expect(config.defaultChatServiceSid).toMatch(/^IS[0-9a-f]{32}$/);
  expect(config.defaultInactiveTimer).toBeNull();

  const updated = await client.conversations.v1.configuration().update({ defaultInactiveTimer: "PT5M", defaultClosedTimer: "PT30M" });
  expect(updated.defaultInactiveTimer).toBe("PT5M");
  expect(updated.defaultClosedTimer).toBe("PT30M");
  // Twilio's documented way to remove a timer is PT0S; an empty value is an invalid format.
  await client.conversations.v1.configuration().update({ defaultInactiveTimer: "PT0S", defaultClosedTimer: "PT0S" });
  expect((await client.conversations.v1.configuration().fetch()).defaultClosedTimer).toBeNull();
  await expect(client.conversations.v1.configuration().update({ defaultInactiveTimer: "" })).rejects.toMatchObject({
    status: 400,
    code: 50379,
  });
  await expect(client.conversations.v1.configuration().update({ defaultMessagingServiceSid: "" })).rejects.toMatchObject({
    status: 400,
    code: 50341,
  });
});

test("service create, service configuration fetch and update, role create", async () => {
  const service = await client.conversations.v1.services.create({ friendlyName: "Fidelity service" });
  expect(service.sid).toMatch(/^IS[0-9a-f]{32}$/);
  expect(service.friendlyName).toBe("Fidelity service");
  expect(service.dateCreated).toBeInstanceOf(Date);
  expect(Number.isNaN(service.dateCreated.getTime())).toBe(false);

  const configuration = await client.conversations.v1.services(service.sid).configuration().fetch();
  expect(configuration.chatServiceSid).toBe(service.sid);
  expect(configuration.reachabilityEnabled).toBe(false);

  const role = await client.conversations.v1
    .services(service.sid)
    .roles.create({ friendlyName: "Agent", type: "conversation", permission: ["sendMessage", "leaveConversation"] });
  expect(role.sid).toMatch(/^RL[0-9a-f]{32}$/);
  expect(role.permissions).toEqual(["sendMessage", "leaveConversation"]);

  const updated = await client.conversations.v1
    .services(service.sid)
    .configuration()
    .update({ defaultConversationRoleSid: role.sid, reachabilityEnabled: true });
  expect(updated.defaultConversationRoleSid).toBe(role.sid);
  expect(updated.reachabilityEnabled).toBe(true);
});

test("conversation create, fetch by SID and unique name, update, delete", async () => {
  const created = await client.conversations.v1.conversations.create({
    friendlyName: "Fidelity chat",
    uniqueName: "fidelity-chat",
    attributes: JSON.stringify({ topic: "feedback" }),
    "timers.inactive": "PT1M",
    "timers.closed": "PT10M",
  });
  expect(created.sid).toMatch(/^CH[0-9a-f]{32}$/);
  expect(created.state).toBe("active");
  expect(created.timers).toEqual({ date_inactive: expect.any(String), date_closed: expect.any(String) });

  const bySid = await client.conversations.v1.conversations(created.sid).fetch();
  const byName = await client.conversations.v1.conversations("fidelity-chat").fetch();
  expect(bySid.sid).toBe(created.sid);
  expect(byName.sid).toBe(created.sid);
  expect(byName.attributes).toBe('{"topic":"feedback"}');

  const updated = await client.conversations.v1
    .conversations(created.sid)
    .update({ friendlyName: "Renamed", state: "inactive", xTwilioWebhookEnabled: "true" });
  expect(updated.friendlyName).toBe("Renamed");
  expect(updated.state).toBe("inactive");

  expect(await client.conversations.v1.conversations(created.sid).remove()).toBe(true);
  await expect(client.conversations.v1.conversations(created.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
});

test("conversation rules through twilio-node: no closed create, FriendlyName= kept, UniqueName= cleared, PT0S clears", async () => {
  await expect(client.conversations.v1.conversations.create({ state: "closed" })).rejects.toMatchObject({ status: 400, code: 50384 });
  const created = await client.conversations.v1.conversations.create({
    friendlyName: "Kept",
    uniqueName: "cleared",
    "timers.closed": "PT10M",
  });
  expect(created.state).toBe("active");
  const updated = await client.conversations.v1
    .conversations(created.sid)
    .update({ friendlyName: "", uniqueName: "", attributes: "{}", "timers.closed": "PT0S" });
  expect(updated).toMatchObject({ friendlyName: "Kept", uniqueName: null, attributes: "{}", timers: {} });
  await expect(client.conversations.v1.conversations(created.sid).update({ "timers.inactive": "PT30S" })).rejects.toMatchObject({
    status: 400,
    code: 50375,
  });
  await client.conversations.v1.conversations(created.sid).update({ state: "closed" });
  await expect(client.conversations.v1.conversations(created.sid).update({ friendlyName: "x" })).rejects.toMatchObject({
    status: 400,
    code: 50377,
  });
});

test("twilio-node surfaces the emulator's errors as RestException", async () => {
  await client.conversations.v1.conversations.create({ uniqueName: "taken" });
  await expect(client.conversations.v1.conversations.create({ uniqueName: "taken" })).rejects.toMatchObject({
    status: 409,
    code: 50353,
    moreInfo: "https://www.twilio.com/docs/errors/50353",
  });
});

test("conversation list across several pages: list({pageSize: 2, limit: 7}) and each", async () => {
  const service = await client.conversations.v1.services.create({ friendlyName: "Paging" });
  const scoped = client.conversations.v1.services(service.sid).conversations;
  const sids: string[] = [];
  for (let i = 0; i < 9; i++) sids.push((await scoped.create({ friendlyName: `p${i}` })).sid);

  emu.clearRequests();
  const listed = await scoped.list({ pageSize: 2, limit: 7 });
  expect(listed.map((c) => c.sid)).toEqual(sids.slice(0, 7));
  // Four pages of two were fetched, the later ones by following next_page_url.
  const pages = emu.requests().filter((r) => r.method === "GET");
  expect(pages).toHaveLength(4);
  expect(pages.slice(1).every((r) => r.query.PageToken !== undefined)).toBe(true);

  const seen: string[] = [];
  await new Promise<void>((resolve, reject) => {
    scoped.each({ pageSize: 2, done: (err?: Error) => (err ? reject(err) : resolve()) }, (c) => {
      seen.push(c.sid);
    });
  });
  expect(seen).toEqual(sids);

  // The account-level list on the default service pages the same way.
  const defaults: string[] = [];
  for (let i = 0; i < 3; i++) defaults.push((await client.conversations.v1.conversations.create({ friendlyName: `d${i}` })).sid);
  const all = await client.conversations.v1.conversations.list({ pageSize: 2 });
  expect(all.map((c) => c.sid)).toEqual(expect.arrayContaining(defaults));

  await scoped(sids[0]).remove();
  expect((await scoped.list({ pageSize: 50 })).map((c) => c.sid)).toEqual(sids.slice(1));
});
