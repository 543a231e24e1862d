/**
 * ConversationService against the emulator, through the provider object exactly as the
 * dynamic-provider host calls it.
 */
import { PartialFailure } from "../../../provider/shared/partial";
import { checkAndCreate, hostProvider, SHIM, throughInterposer, useEmulatorStack, useWarnings } from "../../support/provider-harness";

const provider = hostProvider("ConversationService");
/** The emulator's clock: Twilio's, which a test may set off the machine's (it stamps `Date` and `date_created`). */
let twilioClock: () => Date = () => new Date();
const stack = useEmulatorStack({ now: () => twilioClock() });
const { requests } = stack;
beforeEach(() => {
  twilioClock = () => new Date();
});

const create = (friendlyName: string) => checkAndCreate(provider, { friendlyName });
const warnings = useWarnings();

describe("ConversationService lifecycle", () => {
  it("creates, reads, shows no diff on a re-run, replaces on a new name, deletes, and reads as gone", async () => {
    const checked = await provider.check({}, { __provider: SHIM, friendlyName: "Support" });
    expect(checked).toEqual({ inputs: { friendlyName: "Support" } });

    const { id, outs } = await provider.create({ __provider: SHIM, ...checked.inputs });
    expect(id).toMatch(/^IS[0-9a-f]{32}$/);
    expect(outs).toEqual({
      sid: id,
      accountSid: stack.emulator.accountSid,
      friendlyName: "Support",
      dateCreated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      dateUpdated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      url: `${stack.emulator.url}/v1/Services/${id}`,
    });
    expect(requests()).toEqual([{ method: "POST", path: "/v1/Services", body: { FriendlyName: "Support" }, status: 201 }]);

    stack.emulator.clearRequests();
    const read = await provider.read(id, { ...outs, __provider: SHIM });
    expect(read).toEqual({ id, props: outs, inputs: { friendlyName: "Support" } });
    expect(requests()).toEqual([{ method: "GET", path: `/v1/Services/${id}`, body: undefined, status: 200 }]);

    // A re-run of the same program: check the same inputs, diff against the recorded outputs.
    const again = await provider.check(read.inputs!, { __provider: SHIM, friendlyName: "Support" });
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, again.inputs)).toMatchObject({ changes: false, replaces: [] });

    const renamed = await provider.check(read.inputs!, { __provider: SHIM, friendlyName: "Support EU" });
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, renamed.inputs)).toEqual({
      changes: true,
      replaces: ["friendlyName"],
      stables: ["adoptExisting", "withoutDefaultRoles"],
      deleteBeforeReplace: false,
    });
    // Should the engine ever ask for an in-place update anyway, nothing is sent and it says why.
    stack.emulator.clearRequests();
    await expect(provider.update(id, { ...outs, __provider: SHIM }, renamed.inputs)).rejects.toThrow(
      /ConversationService "Support" cannot be updated in place \(Twilio has no update for services\)/,
    );
    expect(requests()).toEqual([]);

    await provider.delete(id, { ...outs, __provider: SHIM });
    expect(requests()).toEqual([{ method: "DELETE", path: `/v1/Services/${id}`, body: undefined, status: 204 }]);

    expect(await provider.read(id, outs)).toEqual({ id: "", props: {} });
  });

  it("drops a service deleted outside Pulumi on refresh, and a re-run creates a new one", async () => {
    const { id, outs } = await create("Support");
    await stack.outOfBand.request({ method: "DELETE", path: `/v1/Services/${id}` });

    expect(await provider.read(id, outs)).toEqual({ id: "", props: {} });
    const recreated = await create("Support");
    expect(recreated.id).not.toBe(id);
    await expect(stack.outOfBand.request({ method: "GET", path: `/v1/Services/${recreated.id}` })).resolves.toMatchObject({ status: 200 });
  });

  it("deletes a service together with the roles in it", async () => {
    const { id, outs } = await create("Support");
    const role = await stack.outOfBand.request<{ sid: string }>({
      method: "POST",
      path: `/v1/Services/${id}/Roles`,
      form: { FriendlyName: "agent", Type: "conversation", Permission: ["sendMessage"] },
    });
    await provider.delete(id, outs);
    await expect(stack.outOfBand.request({ method: "GET", path: `/v1/Services/${id}/Roles/${role.data.sid}` })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("refuses to touch a service recorded under another account", async () => {
    const { id, outs } = await create("Support");
    stack.emulator.clearRequests();
    const foreign = { ...outs, accountSid: "AC" + "f".repeat(32) };
    await expect(provider.delete(id, foreign)).rejects.toThrow(
      /Refusing to delete ConversationService "Support": it belongs to account AC[f]{32}/,
    );
    await expect(provider.read(id, foreign)).rejects.toThrow(/Refusing to read/);
    expect(requests()).toEqual([]);
  });
});

describe("ConversationService withoutDefaultRoles", () => {
  /** The names of the service's roles, as Twilio lists them. */
  const roleNames = async (sid: string) =>
    (await stack.outOfBand.request<{ roles: { friendly_name: string }[] }>({ method: "GET", path: `/v1/Services/${sid}/Roles` })).data.roles
      .map((r) => r.friendly_name)
      .sort();
  const rolesPath = (sid: string) => `/v1/Services/${sid}/Roles`;

  it("deletes the named default roles after the create, records what the service lacks, and reads it back on refresh", async () => {
    const checked = await provider.check(
      {},
      { __provider: SHIM, friendlyName: "Lean", withoutDefaultRoles: ["service admin", "channel admin", "channel admin"] },
    );
    // A set: sorted, duplicates dropped.
    expect(checked.inputs).toEqual({ friendlyName: "Lean", withoutDefaultRoles: ["channel admin", "service admin"] });
    stack.emulator.clearRequests();
    const { id, outs } = await provider.create({ __provider: SHIM, ...checked.inputs });
    expect(outs).toMatchObject({ sid: id, withoutDefaultRoles: ["channel admin", "service admin"] });
    expect(requests().map((r) => `${r.method} ${r.path.replace(/RL[0-9a-f]{32}/, "RL…")} ${r.status}`)).toEqual([
      "POST /v1/Services 201",
      `GET ${rolesPath(id)} 200`,
      `DELETE ${rolesPath(id)}/RL… 204`,
      `DELETE ${rolesPath(id)}/RL… 204`,
      `GET ${rolesPath(id)} 200`,
    ]);
    expect(await roleNames(id)).toEqual(["channel user", "service user"]);

    // Refresh reads the roles too (one list): nothing changed.
    stack.emulator.clearRequests();
    const read = await provider.read(id, { ...outs, __provider: SHIM });
    expect(read.inputs).toEqual(checked.inputs);
    expect(requests().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v1/Services/${id}`, `GET ${rolesPath(id)}`]);
    expect(await provider.diff(id, { ...read.props, __provider: SHIM }, checked.inputs)).toMatchObject({ changes: false });

    // A role of such a name made again outside Pulumi: drift on refresh, deleted again by the update.
    await stack.outOfBand.request({
      method: "POST",
      path: rolesPath(id),
      form: { FriendlyName: "channel admin", Type: "conversation", Permission: ["sendMessage"] },
    });
    const drifted = await provider.read(id, { ...outs, __provider: SHIM });
    expect(drifted.inputs).toEqual({ friendlyName: "Lean", withoutDefaultRoles: ["service admin"] });
    expect(await provider.diff(id, { ...drifted.props, __provider: SHIM }, checked.inputs)).toMatchObject({ changes: true, replaces: [] });
    stack.emulator.clearRequests();
    const { outs: repaired } = await provider.update(id, { ...drifted.props, __provider: SHIM }, checked.inputs);
    expect(repaired).toMatchObject({ withoutDefaultRoles: ["channel admin", "service admin"] });
    expect(requests().filter((r) => r.method === "DELETE")).toHaveLength(1);
    expect(await roleNames(id)).toEqual(["channel user", "service user"]);
  });

  it("removing the property sends nothing and warns that Twilio cannot bring the roles back", async () => {
    const { id, outs } = await checkAndCreate(provider, { friendlyName: "Lean", withoutDefaultRoles: ["channel admin"] });
    const news = (await provider.check({}, { __provider: SHIM, friendlyName: "Lean" })).inputs;
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, news)).toMatchObject({ changes: true, replaces: [] });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^ConversationService "Lean": withoutDefaultRoles was removed from the program, but Twilio makes default roles only with a new service, so a deleted one cannot be brought back \(declare a ServiceRole of that name instead\)/,
      ),
    ]);
    stack.emulator.clearRequests();
    const { outs: updated } = await provider.update(id, { ...outs, __provider: SHIM }, news);
    expect(updated).not.toHaveProperty("withoutDefaultRoles");
    expect(requests()).toEqual([]);
    expect(await roleNames(id)).toEqual(["channel user", "service admin", "service user"]);
  });

  it("a deletion Twilio refuses fails the create with the service kept in state, and the next up deletes the role", async () => {
    const news = { __provider: SHIM, friendlyName: "Lean", withoutDefaultRoles: ["channel admin"] };
    const refuse = [{ method: "DELETE", path: /\/Roles\/RL/, status: 400, code: 50000, message: "Role is in use", count: 1 }];
    const failure: any = await throughInterposer(stack, { refuse }, () =>
      provider.create(news).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    expect(failure.message).toMatch(/Role is in use.*the service IS[0-9a-f]{32} exists; the next pulumi up deletes the roles again/);
    expect(failure.properties).toMatchObject({ __provider: SHIM, sid: failure.id, withoutDefaultRoles: [] });
    expect(await roleNames(failure.id)).toContain("channel admin");

    expect(await provider.diff(failure.id, failure.properties, news)).toMatchObject({ changes: true, replaces: [] });
    const { outs } = await provider.update(failure.id, failure.properties, news);
    expect(outs).toMatchObject({ withoutDefaultRoles: ["channel admin"] });
    expect(await roleNames(failure.id)).toEqual(["channel user", "service admin", "service user"]);
  });
});

describe("ConversationService check", () => {
  it.each([
    ["no friendlyName", {}, "friendlyName"],
    ["a blank friendlyName", { friendlyName: " " }, "friendlyName"],
    ["a friendlyName over 256 characters", { friendlyName: "x".repeat(257) }, "friendlyName"],
    ["a number for friendlyName", { friendlyName: 7 }, "friendlyName"],
    ["an unknown property", { friendlyName: "ok", uniqueName: "support" }, "uniqueName"],
    ["a role that is not one of Twilio's defaults", { friendlyName: "ok", withoutDefaultRoles: ["agent"] }, "withoutDefaultRoles.0"],
    ["withoutDefaultRoles not a list", { friendlyName: "ok", withoutDefaultRoles: "channel admin" }, "withoutDefaultRoles"],
  ])("refuses %s before sending anything", async (_label, news, property) => {
    const result = await provider.check({}, { __provider: SHIM, ...news });
    expect(result.failures?.map((f) => f.property)).toEqual([property]);
    // create re-validates: invalid inputs never reach Twilio even if check was skipped.
    await expect(provider.create({ __provider: SHIM, ...news })).rejects.toThrow(/Invalid inputs for ConversationService/);
    expect(stack.emulator.requests()).toEqual([]);
  });
});

describe("ConversationService faults", () => {
  it("rides out a burst of 429s on read", async () => {
    const { id, outs } = await create("Support");
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ rateLimitNext: 3, rateLimitRetryAfterSeconds: 0 });
    const read = await provider.read(id, outs);
    expect(read.id).toBe(id);
    expect(requests().map((r) => r.status)).toEqual([429, 429, 429, 200]);
  });

  it("retries a delete answered 503", async () => {
    const { id, outs } = await create("Support");
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ unavailableNext: 1 });
    await provider.delete(id, outs);
    expect(requests().map((r) => [r.method, r.status])).toEqual([
      ["DELETE", 503],
      ["DELETE", 204],
    ]);
  });

  it("retries a read whose connection dropped", async () => {
    const { id, outs } = await create("Support");
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ dropNext: 1 });
    expect((await provider.read(id, outs)).id).toBe(id);
    expect(requests().map((r) => r.status)).toEqual([0, 200]);
  });

  it("reads a service that does not exist as gone (404)", async () => {
    const missing = "IS" + "9".repeat(32);
    expect(await provider.read(missing, { friendlyName: "Gone", accountSid: stack.emulator.accountSid })).toEqual({ id: "", props: {} });
    expect(requests()).toEqual([{ method: "GET", path: `/v1/Services/${missing}`, body: undefined, status: 404 }]);
  });

  it("counts a delete answered 404 as done", async () => {
    const { id, outs } = await create("Support");
    await provider.delete(id, outs);
    stack.emulator.clearRequests();
    await expect(provider.delete(id, outs)).resolves.toBeUndefined();
    expect(requests().map((r) => [r.method, r.status])).toEqual([["DELETE", 404]]);
  });

  /** The account's services of a name, as Twilio holds them. */
  const servicesNamed = async (name: string) =>
    (
      await stack.outOfBand.request<{ services: { sid: string; friendly_name: string }[] }>({ method: "GET", path: "/v1/Services" })
    ).data.services
      .filter((s) => s.friendly_name === name)
      .map((s) => s.sid);
  const AFTER_LOSS = [
    ["GET", "/v1/Services", 200], // Twilio's clock (Date of one short page)
    ["GET", "/v1/Services", 200], // the services, every page
  ];

  it("finds the service a create whose response was lost made, and records it: no orphan, no second service", async () => {
    stack.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Services" } });
    const { id, outs } = await create("Support");
    expect(requests().map((r) => [r.method, r.path, r.status])).toEqual([["POST", "/v1/Services", 0], ...AFTER_LOSS]);
    expect(await servicesNamed("Support")).toEqual([id]);
    expect(outs).toMatchObject({ sid: id, friendlyName: "Support", accountSid: stack.emulator.accountSid });
  });

  it.each([
    ["10 minutes behind", -600_000],
    ["10 minutes ahead of", +600_000],
  ])("recovers the same way with Twilio's clock %s the machine's, next to an older service of the same name", async (_label, skewMs) => {
    twilioClock = () => new Date(Date.now() + skewMs - 120_000);
    const older = await create("Support");
    twilioClock = () => new Date(Date.now() + skewMs);
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Services" } });

    const { id } = await create("Support");
    expect(requests().map((r) => [r.method, r.status])).toEqual([
      ["POST", 0],
      ["GET", 200],
      ["GET", 200],
    ]);
    expect(id).not.toBe(older.id);
    expect((await servicesNamed("Support")).sort()).toEqual([older.id, id].sort());
  });

  it("sends a create again when the lost request made nothing (a 5xx before it was applied)", async () => {
    stack.emulator.setFaults({ serverErrorNext: 1 });
    const { id } = await create("Support");
    expect(requests().map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", "/v1/Services", 500],
      ...AFTER_LOSS,
      ["POST", "/v1/Services", 201],
    ]);
    expect(await servicesNamed("Support")).toEqual([id]);
  });

  it("finds the service when the second send is lost too (after a 5xx that made nothing)", async () => {
    stack.emulator.setFaults({ serverErrorNext: 1, dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Services" } });
    const { id } = await create("Support");
    expect(requests().map((r) => [r.method, r.status])).toEqual([
      ["POST", 500],
      ["GET", 200],
      ["GET", 200],
      ["POST", 0],
      ["GET", 200],
      ["GET", 200],
    ]);
    expect(await servicesNamed("Support")).toEqual([id]);
  });

  it("names every candidate and takes none when another service of the name was made in the same moment", async () => {
    const frozen = new Date();
    twilioClock = () => frozen;
    const other = await stack.outOfBand.request<{ sid: string }>({
      method: "POST",
      path: "/v1/Services",
      form: { FriendlyName: "Support" },
    });
    stack.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Services" } });
    const error = await create("Support").then(
      () => undefined,
      (e: Error) => e,
    );
    const candidates = await servicesNamed("Support");
    expect(candidates).toHaveLength(2);
    expect(error?.name).toBe("CreateOutcomeUnknownError");
    expect(error?.message).toMatch(
      /^Creating ConversationService "Support" may have succeeded: .* found 2 candidates created since it was sent/,
    );
    for (const sid of candidates) expect(error?.message).toContain(sid);
    expect(candidates).toContain(other.data.sid);
  });
});
