/**
 * ServiceConfiguration against the emulator, through the provider object exactly as the
 * dynamic-provider host calls it: check, create, read, diff, update, delete. Runs against a live
 * account too (tests/support/account.ts): every test makes its own service; what needs the emulator
 * is marked emulatorOnly.
 */
import { PartialFailure } from "../../../provider/shared/partial";
import { emulatorOnly, newService, useAccount } from "../../support/account";
import { checkedInputs, hostProvider, SHIM, throughInterposer, useWarnings } from "../../support/provider-harness";

const provider = hostProvider("ServiceConfiguration");
/** Its out-of-band client makes what Pulumi does not manage here: services, roles, changes behind its back. */
const account = useAccount();
const requests = () => account.requests().map(({ method, path, body, status }) => ({ method, path, body, status }));
const faults = emulatorOnly("injects faults into the emulator");
const warnings = useWarnings();

interface Service {
  sid: string;
  /** Role SIDs by friendly name: "channel admin", "channel user", "service admin", "service user". */
  roles: Record<string, string>;
}

/** A new service with its default roles, made behind Pulumi's back; the request log is cleared after. */
async function newServiceWithRoles(friendlyName = "Support"): Promise<Service> {
  const sid = await newService(account, friendlyName);
  const list = await account.outOfBand.request<{ roles: { sid: string; friendly_name: string }[] }>({
    method: "GET",
    path: `/v1/Services/${sid}/Roles`,
  });
  const roles = Object.fromEntries(list.data.roles.map((r) => [r.friendly_name, r.sid]));
  account.clearRequests();
  return { sid, roles };
}

async function addRole(service: Service, friendlyName: string, type: "conversation" | "service"): Promise<string> {
  const role = await account.outOfBand.request<{ sid: string }>({
    method: "POST",
    path: `/v1/Services/${service.sid}/Roles`,
    form: { FriendlyName: friendlyName, Type: type, Permission: ["sendMessage"] },
  });
  account.clearRequests();
  return role.data.sid;
}

/** The service's configuration as Twilio holds it now. */
async function live(chatServiceSid: string): Promise<Record<string, unknown>> {
  const { data } = await account.outOfBand.request<Record<string, unknown>>({
    method: "GET",
    path: `/v1/Services/${chatServiceSid}/Configuration`,
  });
  const { default_conversation_creator_role_sid, default_conversation_role_sid, default_chat_service_role_sid, reachability_enabled } =
    data;
  return { default_conversation_creator_role_sid, default_conversation_role_sid, default_chat_service_role_sid, reachability_enabled };
}

const checked = (news: Record<string, unknown>, olds?: Record<string, unknown>) => checkedInputs(provider, news, olds);

describe("ServiceConfiguration lifecycle", () => {
  it("records the originals, writes only what is declared, updates, restores removed fields, shows drift and restores all on delete", async () => {
    const service = await newServiceWithRoles();
    const path = `/v1/Services/${service.sid}/Configuration`;
    const fresh = await live(service.sid);
    account.clearRequests();
    const originalValues = {
      defaultConversationCreatorRoleSid: service.roles["channel admin"],
      defaultConversationRoleSid: service.roles["channel user"],
      defaultChatServiceRoleSid: service.roles["service user"],
      reachabilityEnabled: false,
    };

    // create: GET (record), then POST of the declared fields only.
    const inputs = await checked({
      chatServiceSid: service.sid,
      reachabilityEnabled: true,
      defaultConversationRoleSid: service.roles["channel admin"],
    });
    const { id, outs } = await provider.create({ __provider: SHIM, ...inputs });
    expect(id).toBe(service.sid);
    expect(outs).toEqual({
      chatServiceSid: service.sid,
      defaultConversationRoleSid: service.roles["channel admin"],
      reachabilityEnabled: true,
      originalValues,
      accountSid: account.accountSid,
      url: `${account.url}${path}`,
    });
    expect(requests()).toEqual([
      { method: "GET", path, body: undefined, status: 200 },
      {
        method: "POST",
        path,
        body: { DefaultConversationRoleSid: service.roles["channel admin"], ReachabilityEnabled: "true" },
        status: 200,
      },
    ]);

    // read: live values, matching inputs, originals kept.
    account.clearRequests();
    const read = await provider.read(id, { ...outs, __provider: SHIM });
    expect(read).toEqual({
      id,
      props: outs,
      inputs: { chatServiceSid: service.sid, defaultConversationRoleSid: service.roles["channel admin"], reachabilityEnabled: true },
    });
    expect(requests()).toEqual([{ method: "GET", path, body: undefined, status: 200 }]);

    // A re-run writing the SIDs in upper-case hex is no change.
    const upper = (sid: string) => sid.slice(0, 2) + sid.slice(2).toUpperCase();
    const respelt = await checked(
      { chatServiceSid: upper(service.sid), reachabilityEnabled: true, defaultConversationRoleSid: upper(service.roles["channel admin"]!) },
      read.inputs,
    );
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, respelt)).toMatchObject({ changes: false, replaces: [] });

    // update: another role, sent alone.
    const moderator = await addRole(service, "moderator", "conversation");
    const changed = await checked({ chatServiceSid: service.sid, reachabilityEnabled: true, defaultConversationRoleSid: moderator });
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, changed)).toMatchObject({ changes: true, replaces: [] });
    const updated = (await provider.update(id, { ...outs, __provider: SHIM }, changed)).outs!;
    expect(requests()).toEqual([{ method: "POST", path, body: { DefaultConversationRoleSid: moderator }, status: 200 }]);
    expect(updated).toEqual({ ...outs, defaultConversationRoleSid: moderator });

    // A field removed from the program goes back to its recorded value.
    account.clearRequests();
    const removed = await checked({ chatServiceSid: service.sid, defaultConversationRoleSid: moderator });
    const afterRemoval = (await provider.update(id, { ...updated, __provider: SHIM }, removed)).outs!;
    expect(requests()).toEqual([{ method: "POST", path, body: { ReachabilityEnabled: "false" }, status: 200 }]);
    expect(afterRemoval).toEqual({
      chatServiceSid: service.sid,
      defaultConversationRoleSid: moderator,
      originalValues,
      accountSid: account.accountSid,
      url: `${account.url}${path}`,
    });

    // Drift: a change made outside Pulumi shows on read; an unmanaged field's change does not.
    await account.outOfBand.request({
      method: "POST",
      path,
      form: { DefaultConversationRoleSid: service.roles["channel user"], ReachabilityEnabled: "true" },
    });
    const drifted = await provider.read(id, { ...afterRemoval, __provider: SHIM });
    expect(drifted.props).toEqual({ ...afterRemoval, defaultConversationRoleSid: service.roles["channel user"] });
    expect(drifted.inputs).toEqual({ chatServiceSid: service.sid, defaultConversationRoleSid: service.roles["channel user"] });
    expect(await provider.diff(id, { ...drifted.props, __provider: SHIM }, removed)).toMatchObject({ changes: true });

    // delete: the managed field back to its recorded value.
    account.clearRequests();
    await provider.delete(id, { ...drifted.props, __provider: SHIM });
    expect(requests()).toEqual([
      { method: "POST", path, body: { DefaultConversationRoleSid: service.roles["channel user"] }, status: 200 },
    ]);
    expect(await live(service.sid)).toEqual({ ...fresh, reachability_enabled: true });

    // Once the service itself is deleted, the configuration is gone: read says so, delete succeeds.
    await account.outOfBand.request({ method: "DELETE", path: `/v1/Services/${service.sid}` });
    account.clearRequests();
    expect(await provider.read(id, { ...drifted.props, __provider: SHIM })).toEqual({ id: "", props: {} });
    await provider.delete(id, { ...drifted.props, __provider: SHIM });
    expect(requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`GET ${path} 404`, `POST ${path} 404`]);
  });

  it("replaces on a change of service, creating the new one before deleting the old", async () => {
    const [a, b] = [await newServiceWithRoles("A"), await newServiceWithRoles("B")];
    const { id, outs } = await provider.create({
      __provider: SHIM,
      ...(await checked({ chatServiceSid: a.sid, reachabilityEnabled: true })),
    });
    const moved = await checked({ chatServiceSid: b.sid, reachabilityEnabled: true });
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, moved)).toEqual({
      changes: true,
      replaces: ["chatServiceSid"],
      stables: expect.arrayContaining(["reachabilityEnabled"]),
      deleteBeforeReplace: false,
    });
    // The engine's order: create the replacement, then delete the old one.
    const replacement = await provider.create({ __provider: SHIM, ...moved });
    expect(replacement.id).toBe(b.sid);
    await provider.delete(id, { ...outs, __provider: SHIM });
    expect((await live(a.sid)).reachability_enabled).toBe(false);
    expect((await live(b.sid)).reachability_enabled).toBe(true);
  });

  it("refuses to create for a service that does not exist, naming the fix", async () => {
    const missing = "IS" + "0123456789abcdef".repeat(2);
    const inputs = await checked({ chatServiceSid: missing, reachabilityEnabled: true });
    await expect(provider.create({ __provider: SHIM, ...inputs })).rejects.toThrow(
      `chat service ${missing} does not exist in account ${account.accountSid}: create it first (ConversationService) or fix chatServiceSid`,
    );
    expect(requests()).toEqual([{ method: "GET", path: `/v1/Services/${missing}/Configuration`, body: undefined, status: 404 }]);
  });

  it("says the same on update when the service was deleted meanwhile", async () => {
    const service = await newServiceWithRoles();
    const { id, outs } = await provider.create({
      __provider: SHIM,
      ...(await checked({ chatServiceSid: service.sid, reachabilityEnabled: true })),
    });
    await account.outOfBand.request({ method: "DELETE", path: `/v1/Services/${service.sid}` });
    await expect(provider.update(id, outs, await checked({ chatServiceSid: service.sid, reachabilityEnabled: false }))).rejects.toThrow(
      /does not exist in account .*: create it first \(ConversationService\) or fix chatServiceSid/,
    );
  });

  it("imports by service SID, taking charge of every field that has a value", async () => {
    const service = await newServiceWithRoles();
    const read = await provider.read(service.sid, {});
    expect(read.id).toBe(service.sid);
    expect(read.inputs).toEqual({
      chatServiceSid: service.sid,
      defaultConversationCreatorRoleSid: service.roles["channel admin"],
      defaultConversationRoleSid: service.roles["channel user"],
      defaultChatServiceRoleSid: service.roles["service user"],
      reachabilityEnabled: false,
    });
  });
});

describe("ServiceConfiguration fields with no recorded value", () => {
  // State recorded when the service had no default roles and no reachability value (Twilio reports
  // null): a role SID cannot be emptied, and reachability's "no value" is its documented default, off.
  async function createdWhenUnset(service: Service, news: Record<string, unknown>) {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ chatServiceSid: service.sid, ...news })) });
    const none = {
      defaultConversationCreatorRoleSid: null,
      defaultConversationRoleSid: null,
      defaultChatServiceRoleSid: null,
      reachabilityEnabled: null,
    };
    account.clearRequests();
    return { id, olds: { ...outs, originalValues: none, __provider: SHIM } };
  }

  it("destroy writes reachability off, leaves the role as it is without an empty SID, and warns about the role", async () => {
    const service = await newServiceWithRoles();
    const agent = await addRole(service, "agent", "conversation");
    const { id, olds } = await createdWhenUnset(service, { defaultConversationRoleSid: agent, reachabilityEnabled: true });
    await provider.delete(id, olds);
    expect(requests()).toEqual([
      { method: "POST", path: `/v1/Services/${service.sid}/Configuration`, body: { ReachabilityEnabled: "false" }, status: 200 },
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^ServiceConfiguration of chat service ${service.sid}: defaultConversationRoleSid cannot be put back: .*It stays "${agent}" on Twilio`,
        ),
      ),
    ]);
    expect(await live(service.sid)).toMatchObject({ default_conversation_role_sid: agent, reachability_enabled: false });
  });

  it("removing the role from the program warns in diff and sends nothing for it", async () => {
    const service = await newServiceWithRoles();
    const agent = await addRole(service, "agent", "conversation");
    const { id, olds } = await createdWhenUnset(service, { defaultConversationRoleSid: agent, reachabilityEnabled: true });
    const news = await checked({ chatServiceSid: service.sid, reachabilityEnabled: true });
    expect(await provider.diff(id, olds, news)).toMatchObject({ changes: true, replaces: [] });
    expect(warnings).toEqual([
      expect.stringMatching(/: defaultConversationRoleSid was removed from the program, but Twilio cannot empty a SID field/),
    ]);
    const { outs } = await provider.update(id, olds, news);
    expect(requests().filter((r) => r.method === "POST")).toEqual([]);
    expect(outs).not.toHaveProperty("defaultConversationRoleSid");
  });

  emulatorOnly("edits the emulator's traffic to play a Twilio that ignores a value")(
    "fails a write whose role Twilio did not apply, keeping what Twilio holds",
    async () => {
      const service = await newServiceWithRoles();
      const agent = await addRole(service, "agent", "conversation");
      const inputs = await checked({ chatServiceSid: service.sid, defaultConversationRoleSid: agent });
      const rules = { drop: [{ method: "POST", path: /\/Configuration$/, fields: ["DefaultConversationRoleSid"] }] };
      const failure: any = await throughInterposer(account, rules, () =>
        provider.create({ __provider: SHIM, ...inputs }).then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      expect(failure).toBeInstanceOf(PartialFailure);
      expect(failure.message).toMatch(
        new RegExp(`defaultConversationRoleSid: sent "${agent}", Twilio kept "${service.roles["channel user"]}"`),
      );
      expect(failure.properties).toMatchObject({ defaultConversationRoleSid: service.roles["channel user"] });
    },
  );
});

describe("ServiceConfiguration check", () => {
  const IS = "IS" + "a".repeat(32);
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing service", {}, "chatServiceSid", /^is required: a chat service SID \("IS" followed by 32 hex digits\)$/],
    ["a service SID of the wrong kind", { chatServiceSid: "CH" + "a".repeat(32) }, "chatServiceSid", /must be a chat service SID/],
    [
      "a role SID of the wrong kind",
      { chatServiceSid: IS, defaultConversationRoleSid: IS },
      "defaultConversationRoleSid",
      /must be a conversation-scoped role SID: "RL" followed by 32 hex digits/,
    ],
    [
      "a creator role that is not a string",
      { chatServiceSid: IS, defaultConversationCreatorRoleSid: 7 },
      "defaultConversationCreatorRoleSid",
      /must be a conversation-scoped role SID/,
    ],
    [
      "a service role SID too short",
      { chatServiceSid: IS, defaultChatServiceRoleSid: "RL12" },
      "defaultChatServiceRoleSid",
      /must be a service-scoped role SID/,
    ],
    ["reachability as a string", { chatServiceSid: IS, reachabilityEnabled: "yes" }, "reachabilityEnabled", /^must be true or false$/],
    [
      "a misspelt property",
      { chatServiceSid: IS, reachability: true },
      "reachability",
      /unknown property "reachability": ServiceConfiguration takes chatServiceSid, /,
    ],
  ];
  it.each(cases)("rejects %s before sending anything", async (_what, news, property, reason) => {
    const result = await provider.check({}, { __provider: SHIM, ...news });
    expect(result.failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
    expect(account.requests()).toEqual([]);
  });
});

describe("ServiceConfiguration under faults", () => {
  faults("rides out a burst of 429s: exactly one POST takes effect", async () => {
    const service = await newServiceWithRoles();
    const { id, outs } = await provider.create({
      __provider: SHIM,
      ...(await checked({ chatServiceSid: service.sid, reachabilityEnabled: true })),
    });
    account.clearRequests();
    account.emulator.setFaults({ rateLimitNext: 4, rateLimitRetryAfterSeconds: 0 });
    const result = await provider.update(id, outs, await checked({ chatServiceSid: service.sid, reachabilityEnabled: false }));
    expect(result.outs).toMatchObject({ reachabilityEnabled: false });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 429", "POST 429", "POST 429", "POST 429", "POST 200"]);
    expect(requests().filter((r) => r.status === 200)).toEqual([
      { method: "POST", path: `/v1/Services/${service.sid}/Configuration`, body: { ReachabilityEnabled: "false" }, status: 200 },
    ]);
  });

  faults("retries a 503 on a write: the POST sets absolute values, so sending it again is harmless", async () => {
    const service = await newServiceWithRoles();
    const { id, outs } = await provider.create({
      __provider: SHIM,
      ...(await checked({ chatServiceSid: service.sid, reachabilityEnabled: true })),
    });
    account.clearRequests();
    account.emulator.setFaults({ unavailableNext: 1 });
    const news = await checked({ chatServiceSid: service.sid, reachabilityEnabled: false });
    expect((await provider.update(id, outs, news)).outs).toMatchObject({ reachabilityEnabled: false, originalValues: outs.originalValues });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 503", "POST 200"]);
  });

  faults("retries a GET that got a 503", async () => {
    const service = await newServiceWithRoles();
    account.emulator.setFaults({ unavailableNext: 1 });
    const { outs } = await provider.create({
      __provider: SHIM,
      ...(await checked({ chatServiceSid: service.sid, reachabilityEnabled: true })),
    });
    expect(outs).toMatchObject({ reachabilityEnabled: true });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 503", "GET 200", "POST 200"]);
  });

  faults("retries a GET whose connection dropped", async () => {
    const service = await newServiceWithRoles();
    account.emulator.setFaults({ dropNext: 1 });
    const { outs } = await provider.create({
      __provider: SHIM,
      ...(await checked({ chatServiceSid: service.sid, reachabilityEnabled: true })),
    });
    expect(outs).toMatchObject({ reachabilityEnabled: true, originalValues: { reachabilityEnabled: false } });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 0", "GET 200", "POST 200"]);
  });
});
