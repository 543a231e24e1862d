/**
 * ServiceRole against the emulator, through the provider objects exactly as the dynamic-provider
 * host calls them; the role lives in a service created by the ConversationService provider.
 */
import { checkedInputs, hostProvider, SHIM, useEmulatorStack } from "../../support/provider-harness";

const services = hostProvider("ConversationService");
const provider = hostProvider("ServiceRole");
const stack = useEmulatorStack();
const { requests } = stack;
/** The service the roles live in, created fresh for each test. */
let serviceSid: string;

beforeEach(async () => {
  const service = await services.create({ __provider: SHIM, friendlyName: "Support" });
  serviceSid = service.id;
  stack.emulator.clearRequests();
});

const program = (change: Record<string, unknown> = {}) => ({
  __provider: SHIM,
  chatServiceSid: serviceSid,
  friendlyName: "agent",
  type: "conversation",
  permissions: ["sendMessage", "leaveConversation"],
  ...change,
});

/** check, then create with the checked inputs, as the engine does. */
async function create(change: Record<string, unknown> = {}) {
  const inputs = await checkedInputs(provider, program(change));
  const created = await provider.create({ __provider: SHIM, ...inputs });
  return { ...created, inputs };
}

describe("ServiceRole lifecycle", () => {
  it("creates, reads, ignores reordered permissions, updates permissions in place, replaces on name/type/service, deletes", async () => {
    const checked = await provider.check({}, program());
    expect(checked).toEqual({
      inputs: {
        chatServiceSid: serviceSid,
        friendlyName: "agent",
        type: "conversation",
        permissions: ["leaveConversation", "sendMessage"],
      },
    });

    const { id, outs } = await provider.create({ __provider: SHIM, ...checked.inputs });
    expect(id).toMatch(/^RL[0-9a-f]{32}$/);
    expect(outs).toEqual({
      sid: id,
      accountSid: stack.emulator.accountSid,
      chatServiceSid: serviceSid,
      friendlyName: "agent",
      type: "conversation",
      permissions: ["leaveConversation", "sendMessage"],
      dateCreated: expect.stringMatching(/Z$/),
      dateUpdated: expect.stringMatching(/Z$/),
      url: `${stack.emulator.url}/v1/Services/${serviceSid}/Roles/${id}`,
    });
    expect(requests()).toEqual([
      {
        method: "POST",
        path: `/v1/Services/${serviceSid}/Roles`,
        body: { FriendlyName: "agent", Type: "conversation", Permission: ["leaveConversation", "sendMessage"] },
        status: 201,
      },
    ]);

    stack.emulator.clearRequests();
    const state = { ...outs, __provider: SHIM };
    const read = await provider.read(id, state);
    expect(read).toEqual({ id, props: outs, inputs: checked.inputs });
    expect(requests()).toEqual([{ method: "GET", path: `/v1/Services/${serviceSid}/Roles/${id}`, body: undefined, status: 200 }]);

    // Re-run with the permissions reordered and repeated: no change.
    const reordered = await provider.check(checked.inputs, program({ permissions: ["sendMessage", "leaveConversation", "sendMessage"] }));
    expect(await provider.diff(id, state, reordered.inputs)).toMatchObject({ changes: false, replaces: [] });
    // Even unnormalised (state written by an older release), order does not count.
    expect(await provider.diff(id, { ...state, permissions: ["sendMessage", "leaveConversation"] }, reordered.inputs)).toMatchObject({
      changes: false,
    });

    // A changed set: an in-place update that sends the Permission fields only.
    const changed = await provider.check(checked.inputs, program({ permissions: ["sendMessage", "sendMediaMessage"] }));
    expect(await provider.diff(id, state, changed.inputs)).toMatchObject({ changes: true, replaces: [] });
    stack.emulator.clearRequests();
    const updated = await provider.update(id, state, { __provider: SHIM, ...changed.inputs });
    expect(updated.outs).toMatchObject({
      sid: id,
      permissions: ["sendMediaMessage", "sendMessage"],
      friendlyName: "agent",
      type: "conversation",
    });
    expect(requests()).toEqual([
      {
        method: "POST",
        path: `/v1/Services/${serviceSid}/Roles/${id}`,
        body: { Permission: ["sendMediaMessage", "sendMessage"] },
        status: 200,
      },
    ]);
    const afterUpdate = await provider.read(id, updated.outs);
    expect(afterUpdate.props).toMatchObject({ permissions: ["sendMediaMessage", "sendMessage"] });

    // Name, type or service changes replace the role, creating the new one first.
    const updatedState = { ...updated.outs, __provider: SHIM };
    for (const [property, change] of [
      ["friendlyName", { friendlyName: "supervisor", permissions: ["sendMessage", "sendMediaMessage"] }],
      ["type", { type: "service", permissions: ["sendMessage", "sendMediaMessage"] }],
      ["chatServiceSid", { chatServiceSid: "IS" + "1".repeat(32), permissions: ["sendMessage", "sendMediaMessage"] }],
    ] as const) {
      const news = await provider.check(checked.inputs, program(change));
      expect(await provider.diff(id, updatedState, news.inputs)).toMatchObject({
        changes: true,
        replaces: [property],
        deleteBeforeReplace: false,
      });
    }

    stack.emulator.clearRequests();
    await provider.delete(id, updatedState);
    expect(requests()).toEqual([{ method: "DELETE", path: `/v1/Services/${serviceSid}/Roles/${id}`, body: undefined, status: 204 }]);
    expect(await provider.read(id, updatedState)).toEqual({ id: "", props: {} });
  });

  it("creates a service role with a single permission (one Permission field)", async () => {
    const { outs } = await create({ friendlyName: "user", type: "service", permissions: ["joinConversation"] });
    expect(outs).toMatchObject({ type: "service", permissions: ["joinConversation"] });
    expect(requests()[0]!.body).toEqual({ FriendlyName: "user", Type: "service", Permission: "joinConversation" });
  });

  it("shows permissions changed outside Pulumi as drift on refresh", async () => {
    const { id, outs, inputs } = await create();
    await stack.outOfBand.request({
      method: "POST",
      path: `/v1/Services/${serviceSid}/Roles/${id}`,
      form: { Permission: ["sendMessage"] },
    });

    const read = await provider.read(id, outs);
    expect(read.props).toMatchObject({ permissions: ["sendMessage"] });
    expect(read.inputs).toMatchObject({ permissions: ["sendMessage"] });
    // The program still declares the original set: the next up puts it back in place.
    expect(await provider.diff(id, read.props!, inputs)).toMatchObject({ changes: true, replaces: [] });
  });

  it("drops a role deleted outside Pulumi on refresh, and a re-run creates it again", async () => {
    const { id, outs } = await create();
    await stack.outOfBand.request({ method: "DELETE", path: `/v1/Services/${serviceSid}/Roles/${id}` });
    expect(await provider.read(id, outs)).toEqual({ id: "", props: {} });
    const recreated = await create();
    expect(recreated.id).not.toBe(id);
  });

  it("reads a role as gone when its whole service was deleted", async () => {
    const { id, outs } = await create();
    await stack.outOfBand.request({ method: "DELETE", path: `/v1/Services/${serviceSid}` });
    expect(await provider.read(id, outs)).toEqual({ id: "", props: {} });
    await expect(provider.delete(id, outs)).resolves.toBeUndefined();
  });

  it("refuses to read a role whose service is not recorded", async () => {
    const { id, outs } = await create();
    const { chatServiceSid: _dropped, ...withoutService } = outs;
    await expect(provider.read(id, withoutService)).rejects.toThrow(/Cannot read ServiceRole "agent": its chatServiceSid is not recorded/);
  });
});

describe("ServiceRole check", () => {
  it.each([
    ["a malformed service SID", { chatServiceSid: "IS123" }, "chatServiceSid"],
    ["a name over 64 characters", { friendlyName: "r".repeat(65) }, "friendlyName"],
    ["an unknown type", { type: "channel" }, "type"],
    ["no permissions", { permissions: [] }, "permissions"],
    ["a misspelt permission", { permissions: ["sendMessage", "sendMesage"] }, "permissions.1"],
    ["an unknown property", { permission: ["sendMessage"] }, "permission"],
  ])("refuses %s before sending anything", async (_label, change, property) => {
    const result = await provider.check({}, program(change));
    expect(result.failures?.map((f) => f.property)).toEqual([property]);
    await expect(provider.create(program(change))).rejects.toThrow(/Invalid inputs for ServiceRole/);
    expect(stack.emulator.requests()).toEqual([]);
  });
});

describe("ServiceRole faults", () => {
  it("rides out a burst of 429s on read", async () => {
    const { id, outs } = await create();
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ rateLimitNext: 3, rateLimitRetryAfterSeconds: 0 });
    expect((await provider.read(id, outs)).id).toBe(id);
    expect(requests().map((r) => r.status)).toEqual([429, 429, 429, 200]);
  });

  it("retries a delete answered 503", async () => {
    const { id, outs } = await create();
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ unavailableNext: 1 });
    await provider.delete(id, outs);
    expect(requests().map((r) => [r.method, r.status])).toEqual([
      ["DELETE", 503],
      ["DELETE", 204],
    ]);
  });

  it("resends an update refused with 429 (Twilio never processed it)", async () => {
    const { id, outs, inputs } = await create();
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ rateLimitNext: 1, rateLimitRetryAfterSeconds: 0 });
    const updated = await provider.update(id, outs, { ...inputs, permissions: ["sendMessage"] });
    expect(updated.outs).toMatchObject({ permissions: ["sendMessage"] });
    expect(requests().map((r) => [r.method, r.status])).toEqual([
      ["POST", 429],
      ["POST", 200],
    ]);
  });

  it("counts a delete answered 404 as done", async () => {
    const { id, outs } = await create();
    await provider.delete(id, outs);
    stack.emulator.clearRequests();
    await expect(provider.delete(id, outs)).resolves.toBeUndefined();
    expect(requests().map((r) => [r.method, r.status])).toEqual([["DELETE", 404]]);
  });

  /** The service's roles of a name, as Twilio holds them. */
  const rolesNamed = async (name: string) =>
    (
      await stack.outOfBand.request<{ roles: { sid: string; friendly_name: string }[] }>({
        method: "GET",
        path: `/v1/Services/${serviceSid}/Roles`,
      })
    ).data.roles
      .filter((r) => r.friendly_name === name)
      .map((r) => r.sid);

  it("finds the role a create whose response was lost made, and records it: no orphan, no second role", async () => {
    stack.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: `/v1/Services/${serviceSid}/Roles` } });
    const { id, outs } = await create();
    expect(requests().map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", `/v1/Services/${serviceSid}/Roles`, 0],
      ["GET", `/v1/Services/${serviceSid}`, 200], // Twilio's clock
      ["GET", `/v1/Services/${serviceSid}/Roles`, 200],
    ]);
    expect(await rolesNamed("agent")).toEqual([id]);
    expect(outs).toMatchObject({ sid: id, friendlyName: "agent", type: "conversation", permissions: ["leaveConversation", "sendMessage"] });
  });

  it("does not take a role of the same name that holds other permissions for the one it made", async () => {
    const other = await stack.outOfBand.request<{ sid: string }>({
      method: "POST",
      path: `/v1/Services/${serviceSid}/Roles`,
      form: { FriendlyName: "agent", Type: "conversation", Permission: ["sendMessage"] },
    });
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: `/v1/Services/${serviceSid}/Roles` } });
    const { id } = await create();
    expect(id).not.toBe(other.data.sid);
    expect((await rolesNamed("agent")).sort()).toEqual([id, other.data.sid].sort());
  });

  it("sends a create again when the lost request made nothing (a 5xx before it was applied)", async () => {
    stack.emulator.setFaults({ serverErrorNext: 1 });
    const { id } = await create();
    expect(requests().map((r) => [r.method, r.status])).toEqual([
      ["POST", 500],
      ["GET", 200],
      ["GET", 200],
      ["POST", 201],
    ]);
    expect(await rolesNamed("agent")).toEqual([id]);
  });
});
