/**
 * Lost create responses and FAILED v2 writes, through the engine stand-in (`pulumi up` as the CLI
 * drives it, the real dynamic-provider host loading the package by name) against the emulator.
 * After each fault the stack is run again: nothing is made twice, nothing exists that state does
 * not hold, and a FAILED write is tried again rather than replayed. Counts, not fractions: the
 * emulator drops exactly the responses and fails exactly the operations it is told to.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import * as tc from "pulumi-twilio-conversations";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { EngineRunError, EngineStandIn, type RunSummary } from "../../../engine-standin";

interface V1Dump {
  services: { sid: string; friendlyName: string }[];
  roles: { sid: string; serviceSid: string; friendlyName: string }[];
  conversations: { sid: string; serviceSid: string; uniqueName: string | null }[];
}
interface V2Dump {
  configurations: { id: string; description: string }[];
  operations: { status: string; write: string }[];
}

describe("lost creates and FAILED v2 writes, re-run through the engine", () => {
  let emulator: RunningEmulator;
  let dir: string;
  let statePath: string;
  beforeAll(async () => {
    // Retry-After 0: the provider's look right after each 202 comes well inside the 300 ms an
    // operation stays PENDING, so this file's own operations are never mistaken for earlier ones.
    emulator = await startEmulator({ port: 0, operationDelayMs: 300, operationRetryAfterSeconds: 0 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-lost-writes-"));
  });
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    emulator.reset();
    statePath = path.join(dir, `${expect.getState().currentTestName?.replace(/\W+/g, "-")}.json`);
  });

  const engine = () =>
    new EngineStandIn({
      project: "lost-writes",
      stack: "e2e",
      statePath,
      config: {
        "twilio-conversations:accountSid": emulator.accountSid,
        "twilio-conversations:authToken": emulator.authToken,
        "twilio-conversations:baseUrl": emulator.url,
      },
      secretKeys: ["twilio-conversations:authToken"],
    });
  const v1 = () => (emulator.state() as { v1: V1Dump }).v1;
  const v2 = () => (emulator.state() as { v2: V2Dump }).v2;
  const stateIds = () =>
    Object.fromEntries(
      engine()
        .readState()
        .resources.map((r) => [r.name, r.id]),
    );
  const posts = (prefix: string) => emulator.requests().filter((r) => r.method === "POST" && r.path.startsWith(prefix));
  async function failing(run: Promise<RunSummary>): Promise<EngineRunError> {
    const e = await run.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(EngineRunError);
    return e as EngineRunError;
  }

  /** A service, a role in it and a conversation with a unique name: the v1 kinds that can find a lost create. */
  const v1Program = (serviceName: string) => () => {
    const service = new tc.ConversationService("support", { friendlyName: serviceName });
    const role = new tc.ServiceRole("agent", {
      chatServiceSid: service.sid,
      friendlyName: "agent",
      type: "conversation",
      permissions: ["sendMessage", "leaveConversation"],
    });
    const lobby = new tc.Conversation("lobby", { chatServiceSid: service.sid, uniqueName: "lobby" });
    return { service: service.sid, role: role.sid, lobby: lobby.sid };
  };

  /** What the account holds of the program, beyond what every account has. */
  function holdsExactlyTheStack(serviceName: string): void {
    const ids = stateIds();
    const services = v1().services.filter((s) => s.friendlyName !== "Default Conversations Service");
    expect(services.map((s) => [s.friendlyName, s.sid])).toEqual([[serviceName, ids.support]]);
    expect(
      v1()
        .roles.filter((r) => r.friendlyName === "agent")
        .map((r) => [r.serviceSid, r.sid]),
    ).toEqual([[ids.support, ids.agent]]);
    expect(v1().conversations.map((c) => [c.serviceSid, c.uniqueName, c.sid])).toEqual([[ids.support, "lobby", ids.lobby]]);
  }

  test("every v1 create whose response is lost is found and recorded; re-runs change nothing, a rename replaces cleanly", async () => {
    // The service's, the role's and the conversation's POSTs all start with /v1/Services: each is
    // applied, and its response dropped.
    emulator.setFaults({ dropAfterEffect: { count: 3, method: "POST", pathPrefix: "/v1/Services" } });
    const first = await engine().up(v1Program("Support"));
    expect(first.counts).toMatchObject({ create: 3 });
    expect(posts("/v1/Services").map((p) => p.status)).toEqual([0, 0, 0]);
    holdsExactlyTheStack("Support");

    const again = await engine().up(v1Program("Support"));
    expect(again.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: 3 });
    holdsExactlyTheStack("Support");

    // A rename replaces the service (and what lives in it), new first: its create is lost too.
    emulator.clearRequests();
    emulator.setFaults({ dropAfterEffect: { count: 3, method: "POST", pathPrefix: "/v1/Services" } });
    const renamed = await engine().up(v1Program("Support EU"));
    expect(renamed.counts).toMatchObject({ replace: 3 });
    expect(posts("/v1/Services").map((p) => p.status)).toEqual([0, 0, 0]);
    holdsExactlyTheStack("Support EU");
    expect(await engine().up(v1Program("Support EU"))).toMatchObject({ counts: { create: 0, replace: 0, same: 3 } });

    await engine().destroy();
    expect(v1().services.map((s) => s.friendlyName)).toEqual(["Default Conversations Service"]);
    expect(v1().conversations).toEqual([]);
  });

  test("a conversation without a unique name cannot be found again: the run fails saying what to look for", async () => {
    emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Conversations" } });
    const e = await failing(engine().up(() => void new tc.Conversation("anonymous", { friendlyName: "Walk-in" })));
    expect(e.message).toMatch(
      /Creating Conversation "Walk-in" may have succeeded: .*list the conversations .* and look for one with friendly name "Walk-in".*With a uniqueName, Pulumi recovers from this on its own/,
    );
    expect(stateIds()).toEqual({});
  });

  const routing = (description: string) => () => {
    const config = new tc.OrchestratorConfiguration("routing", {
      displayName: "routing",
      description,
      conversationGroupingType: "GROUP_BY_PROFILE",
      memoryStoreId: "mem_store_e2e",
    });
    return { id: config.configurationId };
  };

  test("a v2 create and an update that ended FAILED are tried again by the next up, not replayed", async () => {
    emulator.setFaults({ failOperationsNext: 1 });
    const created = await failing(engine().up(routing("first")));
    expect(created.message).toMatch(/Failed creating OrchestratorConfiguration "routing": operation proc_job_[0-9a-z]{26} ended FAILED/);
    expect(stateIds()).toEqual({});

    await engine().up(routing("first"));
    expect(v2().configurations.map((c) => [c.id, c.description])).toEqual([[stateIds().routing, "first"]]);
    expect(v2().operations.map((o) => [o.write, o.status])).toEqual([
      ["create", "FAILED"],
      ["create", "COMPLETED"],
    ]);

    emulator.setFaults({ failOperationsNext: 1 });
    const updated = await failing(engine().up(routing("second")));
    expect(updated.message).toMatch(/Failed updating OrchestratorConfiguration "routing": operation proc_job_[0-9a-z]{26} ended FAILED/);
    expect(v2().configurations.map((c) => c.description)).toEqual(["first"]);

    const retried = await engine().up(routing("second"));
    expect(retried.counts).toMatchObject({ update: 1 });
    expect(v2().configurations.map((c) => [c.id, c.description])).toEqual([[stateIds().routing, "second"]]);
    expect(v2().operations.map((o) => [o.write, o.status])).toEqual([
      ["create", "FAILED"],
      ["create", "COMPLETED"],
      ["replace", "FAILED"],
      ["replace", "COMPLETED"],
    ]);
    expect(await engine().up(routing("second"))).toMatchObject({ counts: { update: 0, same: 1 } });
  });
});
