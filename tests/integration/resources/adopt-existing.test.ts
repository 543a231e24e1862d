/**
 * adoptExisting on ConversationService and ServiceRole, against the emulator (which, like Twilio,
 * gives every account a default service and every new service default roles), through the
 * provider objects as the dynamic-provider host calls them.
 */
import { checkAndCreate as create, hostProvider, SHIM, useEmulatorStack } from "../../support/provider-harness";

const services = hostProvider("ConversationService");
const roles = hostProvider("ServiceRole");
const DEFAULT_SERVICE = "Default Conversations Service";

const stack = useEmulatorStack();

const writes = () =>
  stack.emulator
    .requests()
    .filter((r) => r.method !== "GET")
    .map((r) => `${r.method} ${r.path}`);
const state = () => stack.emulator as unknown as { url: string };

async function emulatorState(): Promise<{
  services: { sid: string; friendlyName: string }[];
  roles: { sid: string; serviceSid: string; friendlyName: string; permissions: string[] }[];
}> {
  const res = await fetch(`${state().url}/__emulator/state`);
  return ((await res.json()) as { v1: never }).v1;
}

describe("ConversationService adoptExisting", () => {
  it("adopts the account's one service of that name without creating one, and records the flag", async () => {
    const before = (await emulatorState()).services.find((s) => s.friendlyName === DEFAULT_SERVICE)!;
    const { id, outs } = await create(services, { friendlyName: DEFAULT_SERVICE, adoptExisting: true });
    expect(id).toBe(before.sid);
    expect(outs).toMatchObject({ sid: before.sid, friendlyName: DEFAULT_SERVICE, adoptExisting: true });
    expect(writes()).toEqual([]);

    // A re-run shows no change; read hands the flag back so refresh does not drift.
    expect(await services.diff(id, { __provider: SHIM, ...outs }, { friendlyName: DEFAULT_SERVICE, adoptExisting: true })).toMatchObject({
      changes: false,
    });
    const read = await services.read(id, { __provider: SHIM, ...outs });
    expect(read.inputs).toEqual({ friendlyName: DEFAULT_SERVICE, adoptExisting: true });

    // Turning the flag off is recorded without a request.
    const updated = await services.update(id, { __provider: SHIM, ...outs }, { friendlyName: DEFAULT_SERVICE });
    expect(updated.outs).not.toHaveProperty("adoptExisting");
    expect(writes()).toEqual([]);
  });

  it("creates the service when none has that name", async () => {
    const { outs } = await create(services, { friendlyName: "Support", adoptExisting: true });
    expect(outs).toMatchObject({ friendlyName: "Support", adoptExisting: true });
    expect(writes()).toEqual(["POST /v1/Services"]);
  });

  it("refuses to guess between several services of that name, naming them", async () => {
    const a = await create(services, { friendlyName: "Support" });
    const b = await create(services, { friendlyName: "Support" });
    await expect(create(services, { friendlyName: "Support", adoptExisting: true })).rejects.toThrow(
      new RegExp(`has 2 services of that name \\(${a.id}, ${b.id}\\)`),
    );
  });

  it("without the flag, creates a second service of the same name (as before)", async () => {
    const { id } = await create(services, { friendlyName: DEFAULT_SERVICE });
    expect((await emulatorState()).services.filter((s) => s.friendlyName === DEFAULT_SERVICE).map((s) => s.sid)).toContain(id);
    expect(writes()).toEqual(["POST /v1/Services"]);
  });
});

describe("ServiceRole adoptExisting", () => {
  let serviceSid: string;
  beforeEach(async () => {
    serviceSid = (await create(services, { friendlyName: "Support" })).id;
    stack.emulator.clearRequests();
  });

  it("adopts a default role, and sets its permissions only when they differ", async () => {
    const existing = (await emulatorState()).roles.find((r) => r.serviceSid === serviceSid && r.friendlyName === "channel user")!;
    const same = await create(roles, {
      chatServiceSid: serviceSid,
      friendlyName: "channel user",
      type: "conversation",
      permissions: [...existing.permissions].reverse(),
      adoptExisting: true,
    });
    expect(same.id).toBe(existing.sid);
    expect(same.outs).toMatchObject({ adoptExisting: true, permissions: [...existing.permissions].sort() });
    expect(writes()).toEqual([]);

    const admin = (await emulatorState()).roles.find((r) => r.serviceSid === serviceSid && r.friendlyName === "service user")!;
    const changed = await create(roles, {
      chatServiceSid: serviceSid,
      friendlyName: "service user",
      type: "service",
      permissions: ["joinConversation"],
      adoptExisting: true,
    });
    expect(changed.id).toBe(admin.sid);
    expect(changed.outs.permissions).toEqual(["joinConversation"]);
    expect(writes()).toEqual([`POST /v1/Services/${serviceSid}/Roles/${admin.sid}`]);

    const read = await roles.read(changed.id, { __provider: SHIM, ...changed.outs });
    expect(read.inputs).toMatchObject({ adoptExisting: true, permissions: ["joinConversation"] });
  });

  it("creates the role when the service has none of that name", async () => {
    const { outs } = await create(roles, {
      chatServiceSid: serviceSid,
      friendlyName: "agent",
      type: "conversation",
      permissions: ["sendMessage"],
      adoptExisting: true,
    });
    expect(outs).toMatchObject({ friendlyName: "agent", adoptExisting: true });
    expect(writes()).toEqual([`POST /v1/Services/${serviceSid}/Roles`]);
  });

  it("refuses a role of the other type, and several roles of that name", async () => {
    await expect(
      create(roles, {
        chatServiceSid: serviceSid,
        friendlyName: "channel user",
        type: "service",
        permissions: ["joinConversation"],
        adoptExisting: true,
      }),
    ).rejects.toThrow(/is a conversation role and the program declares a service one/);
    await create(roles, { chatServiceSid: serviceSid, friendlyName: "channel user", type: "conversation", permissions: ["sendMessage"] });
    await expect(
      create(roles, {
        chatServiceSid: serviceSid,
        friendlyName: "channel user",
        type: "conversation",
        permissions: ["sendMessage"],
        adoptExisting: true,
      }),
    ).rejects.toThrow(/has 2 roles of that name/);
  });

  it("an adopted role is deleted on destroy like any other", async () => {
    const { id, outs } = await create(roles, {
      chatServiceSid: serviceSid,
      friendlyName: "channel admin",
      type: "conversation",
      permissions: ["sendMessage"],
      adoptExisting: true,
    });
    await roles.delete(id, { __provider: SHIM, ...outs });
    expect((await emulatorState()).roles.find((r) => r.sid === id)).toBeUndefined();
  });
});
