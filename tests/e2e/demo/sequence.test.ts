/**
 * The offline demo's sequence, asserted step by step on its own terms: the same step functions
 * `npm run demo` runs (demo/steps.ts), but every expectation here is this test's, checked against
 * the emulator by GETs, its state dump and its request log rather than by the demo's checks.
 */
import { type EmulatorView, objectIds, viewOf } from "../../../demo/emulator-view";
import { DemoSession } from "../../../demo/session";
import {
  applyProgram,
  changeLobbyName,
  destroyStack,
  lobbyOf,
  refreshStack,
  renameLobbyOutOfBand,
  type StepOutcome,
} from "../../../demo/steps";
import type { LoggedRequest } from "../../../emulator";
import type { StateResource } from "../../../engine-standin";
import { findPulumiCli } from "../../../engine-standin/pulumi-cli";
import { getStatus, kindOf, livePathOf, missingFromEmulator } from "../helpers/emulator-probe";

const NAMES = [
  "ConversationService support",
  "GlobalConfiguration account",
  "ServiceRole agent",
  "Conversation lobby",
  "OrchestratorConfiguration routing",
  "ServiceConfiguration support",
].sort();

const opsOf = (o: StepOutcome) =>
  Object.fromEntries(o.summary.steps.map((s) => [`${kindOf(s)} ${s.name}`, s.changed ? `${s.op} [${s.changed.join(",")}]` : s.op]));
const writesIn = (log: LoggedRequest[]) => log.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
const idsOfKind = (resources: readonly StateResource[], kind: string) =>
  resources
    .filter((r) => kindOf(r) === kind)
    .map((r) => r.id)
    .sort();
const added = (now: string[], before: string[]) => now.filter((id) => !before.includes(id)).sort();

/** The engines the demo runs on here: the stand-in always, the real CLI where one is found. */
const ENGINES: Array<"standin" | "cli"> = findPulumiCli() ? ["standin", "cli"] : ["standin"];

describe.each(ENGINES)("the demo's sequence (engine: %s) and the real dynamic-provider host", (engine) => {
  let session: DemoSession;
  let baseline: EmulatorView;
  let lobbySid: string;
  let serviceSid: string;
  let lastState: StateResource[] = [];

  beforeAll(async () => {
    session = await DemoSession.start({ engine, emulator: { operationDelayMs: 50 } });
    baseline = viewOf(session.emulator);
  });
  afterAll(async () => {
    await session.close();
  });

  /** The state's objects exist (GET 200), and the emulator gained nothing beyond them and a new service's default roles. */
  async function expectStateIsTheTruth(o: StepOutcome): Promise<void> {
    const resources = o.state.resources;
    expect(await missingFromEmulator(session.emulator, resources)).toEqual([]);
    const now = objectIds(o.view);
    const before = objectIds(baseline);
    const services = idsOfKind(resources, "ConversationService");
    expect(added(now.services, before.services)).toEqual(services);
    expect(added(now.conversations, before.conversations)).toEqual(idsOfKind(resources, "Conversation"));
    expect(added(now.orchestratorConfigurations, before.orchestratorConfigurations)).toEqual(
      idsOfKind(resources, "OrchestratorConfiguration"),
    );
    const newRoles = o.view.v1.roles.filter((r) => !before.roles.includes(r.sid));
    const undeclared = newRoles.filter((r) => !idsOfKind(resources, "ServiceRole").includes(r.sid));
    expect(
      newRoles
        .filter((r) => !undeclared.includes(r))
        .map((r) => r.sid)
        .sort(),
    ).toEqual(idsOfKind(resources, "ServiceRole"));
    // A new service comes with Twilio's four default roles; nothing else may appear.
    expect(undeclared.map((r) => `${r.serviceSid === services[0] ? "new service" : r.serviceSid}: ${r.friendlyName}`).sort()).toEqual(
      ["channel admin", "channel user", "service admin", "service user"].map((n) => `new service: ${n}`),
    );
    lastState = resources;
  }

  test("up creates the six resources, and they exist in the emulator", async () => {
    const o = await applyProgram(session);
    expect(opsOf(o)).toEqual(Object.fromEntries(NAMES.map((n) => [n, "create"])));
    expect(o.state.resources.map((r) => `${kindOf(r)} ${r.name}`).sort()).toEqual(NAMES);
    await expectStateIsTheTruth(o);
    serviceSid = idsOfKind(o.state.resources, "ConversationService")[0]!;
    lobbySid = lobbyOf(o.state).id;
    expect(o.view.v1.configuration).toMatchObject({
      defaultChatServiceSid: serviceSid,
      defaultInactiveTimer: "PT1H",
      defaultClosedTimer: "P1D",
    });
    const lobby = await getStatus(session.emulator, `/v1/Services/${serviceSid}/Conversations/lobby`);
    expect(lobby.body).toMatchObject({ sid: lobbySid, friendly_name: "Lobby", unique_name: "lobby" });
    expect(o.summary.outputs).toMatchObject({ serviceSid, lobbySid });
  });

  test("up again is all same and sends no write", async () => {
    session.emulator.clearRequests();
    const o = await applyProgram(session);
    expect(opsOf(o)).toEqual(Object.fromEntries(NAMES.map((n) => [n, "same"])));
    expect(writesIn(session.emulator.requests())).toEqual([]);
    await expectStateIsTheTruth(o);
  });

  test("a changed config value updates the lobby in place (same SID, one write)", async () => {
    session.emulator.clearRequests();
    const o = await changeLobbyName(session, "Front desk");
    expect(opsOf(o)).toEqual({ ...Object.fromEntries(NAMES.map((n) => [n, "same"])), "Conversation lobby": "update [friendlyName]" });
    expect(writesIn(session.emulator.requests())).toEqual([`POST /v1/Services/${serviceSid}/Conversations/${lobbySid}`]);
    expect(lobbyOf(o.state).id).toBe(lobbySid);
    expect((await getStatus(session.emulator, `/v1/Services/${serviceSid}/Conversations/${lobbySid}`)).body).toMatchObject({
      friendly_name: "Front desk",
    });
    await expectStateIsTheTruth(o);
  });

  test("a rename outside Pulumi shows as drift on refresh (which writes nothing), and the next up puts it back", async () => {
    await renameLobbyOutOfBand(session, "Renamed by hand");
    session.emulator.clearRequests();
    const refreshed = await refreshStack(session);
    expect(writesIn(session.emulator.requests())).toEqual([]);
    expect(refreshed.summary.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${kindOf(s)} ${s.name}`)).toEqual([
      "update Conversation lobby",
    ]);
    expect(refreshed.summary.steps.find((s) => s.name === "lobby")!.changed).toContain("friendlyName");
    expect(lobbyOf(refreshed.state).outputs.friendlyName).toBe("Renamed by hand");

    session.emulator.clearRequests();
    const repaired = await applyProgram(session);
    expect(repaired.summary.counts).toEqual({ create: 0, update: 1, replace: 0, delete: 0, same: 5 });
    expect(repaired.summary.steps.find((s) => s.name === "lobby")!.op).toBe("update");
    expect(writesIn(session.emulator.requests())).toEqual([`POST /v1/Services/${serviceSid}/Conversations/${lobbySid}`]);
    expect((await getStatus(session.emulator, `/v1/Services/${serviceSid}/Conversations/${lobbySid}`)).body).toMatchObject({
      friendly_name: "Front desk",
    });
    expect(lobbyOf(repaired.state).outputs.friendlyName).toBe("Front desk");
    await expectStateIsTheTruth(repaired);
  });

  test("destroy deletes what was created and puts the account and service configuration back", async () => {
    const before = lastState;
    const serviceConfig = before.find((r) => kindOf(r) === "ServiceConfiguration")!;
    session.emulator.clearRequests();
    const o = await destroyStack(session);
    expect(opsOf(o)).toEqual(Object.fromEntries(NAMES.map((n) => [n, "delete"])));
    expect(o.state.resources).toEqual([]);

    // Nothing created is left, nothing else was touched.
    expect(o.view.v1.configuration).toEqual(baseline.v1.configuration);
    expect(objectIds(o.view)).toEqual(objectIds(baseline));
    expect(o.view.v1.services).toEqual(baseline.v1.services);
    for (const r of before.filter((x) => !["GlobalConfiguration"].includes(kindOf(x)))) {
      expect([`${r.name}`, (await getStatus(session.emulator, livePathOf(r))).status]).toEqual([r.name, 404]);
    }

    // The service's configuration was written back to what it held before the first up, before the
    // service itself went (after that there is nothing left to compare).
    const log = session.emulator.requests();
    const restoreAt = log.findIndex((r) => r.method === "POST" && r.path === `/v1/Services/${serviceSid}/Configuration`);
    const deleteAt = log.findIndex((r) => r.method === "DELETE" && r.path === `/v1/Services/${serviceSid}`);
    expect(restoreAt).toBeGreaterThanOrEqual(0);
    expect(restoreAt).toBeLessThan(deleteAt);
    const originals = serviceConfig.outputs.originalValues as Record<string, unknown>;
    expect(log[restoreAt]!.parsedBody).toMatchObject({
      DefaultConversationRoleSid: originals.defaultConversationRoleSid,
      ReachabilityEnabled: String(originals.reachabilityEnabled),
    });
    expect(originals.defaultConversationRoleSid).toMatch(/^RL/);
  });
});
