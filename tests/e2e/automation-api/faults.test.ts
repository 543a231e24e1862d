/**
 * Faults under the real engine: v2 operations that end FAILED (an update keeps the resource in
 * state with what is known, visible in `pulumi stack export`; a create leaves nothing), and SIGINT
 * in the middle of an `up` (the CLI's graceful cancel). In both cases the next `up` converges:
 * every object declared exists once, nothing is duplicated, nothing is left out of state.
 */
import * as tc from "pulumi-twilio-conversations";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { describeRealEngine, emulatorConfig, Sandbox, uniqueToken } from "./harness";

interface Dump {
  v1: { conversations: { sid: string; uniqueName: string | null }[] };
  v2: { configurations: { id: string; displayName: string; description: string; version: number }[] };
}

const QUEUES = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"];

describeRealEngine("Automation API: failed operations and an interrupted up", (cli) => {
  const authToken = uniqueToken("faults");
  let emulator: RunningEmulator;
  let sandbox: Sandbox;
  const dump = () => emulator.state() as Dump;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, authToken, operationDelayMs: 300, operationRetryAfterSeconds: 0 });
    sandbox = Sandbox.create(cli, "faults");
    sandbox.secrets.push(authToken);
  });
  afterAll(async () => {
    await emulator?.close();
    sandbox?.dispose();
  });
  beforeEach(() => emulator.reset());

  test("v2 operations that end FAILED: the update is kept as a partial state, the create is not; the next up converges", async () => {
    let version = 1;
    const stack = await sandbox.inlineStack({
      project: "failed-operation",
      stack: "e2e",
      config: emulatorConfig(emulator),
      program: async () => {
        const routing = new tc.OrchestratorConfiguration("routing", {
          displayName: "routing",
          description: `version ${version}`,
          conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
          memoryStoreId: "mem_store_e2e",
        });
        if (version > 1) {
          new tc.OrchestratorConfiguration("escalations", {
            displayName: "escalations",
            description: "added in version 2",
            conversationGroupingType: "GROUP_BY_PROFILE",
            memoryStoreId: "mem_store_e2e",
          });
        }
        return { routingId: routing.configurationId };
      },
    });
    const first = await stack.up();
    const routingId = String(first.outputs.routingId!.value);

    version = 2;
    // The update of routing and the create of escalations both end FAILED (`--continue-on-error`
    // so the engine tries both even after the first failure).
    emulator.setFaults({ failOperationsNext: 2 });
    emulator.clearRequests();
    const failed = await stack.up({ continueOnError: true }).catch((e: Error) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(String(failed)).toMatch(/Failed creating OrchestratorConfiguration "escalations": operation \S+ ended FAILED/);
    expect(String(failed)).toMatch(/routing \*\*updating failed\*\*/);
    expect(emulator.requests().filter((r) => r.method === "PUT" || r.method === "POST")).toHaveLength(2);

    // `pulumi stack export`: routing is there with the error that stopped it, and what is known
    // (Twilio still holds version 1); escalations never existed, so it is not in state.
    const state = await stack.resources();
    expect(state.map((r) => r.id)).toEqual([routingId]);
    expect(state[0]!.initErrors?.join("\n")).toMatch(/FAILED/);
    expect(state[0]!.outputs).toMatchObject({ configurationId: routingId, description: "version 1" });
    expect(dump().v2.configurations.map((c) => `${c.displayName}: ${c.description}`)).toEqual(["routing: version 1"]);

    // Run again at once: the same writes under the same Idempotency-Keys get the FAILED operations
    // back, which the provider tells from fresh ones (finished already at its look right after the
    // 202) and sends once more under keys chained from the failed operations' ids.
    const converged = await stack.up();
    expect(converged.summary.resourceChanges).toMatchObject({ update: 1, create: 1 });
    expect(
      dump()
        .v2.configurations.map((c) => `${c.displayName}: ${c.description}`)
        .sort(),
    ).toEqual(["escalations: added in version 2", "routing: version 2"]);
    expect((await stack.resources()).every((r) => !r.initErrors?.length)).toBe(true);
    await stack.preview({ expectNoChanges: true });
  }, 240_000);

  test("SIGINT in the middle of an up: the CLI stops cleanly and the re-run converges with no duplicate", async () => {
    const stack = await sandbox.inlineStack({
      project: "interrupted",
      stack: "e2e",
      config: { ...emulatorConfig(emulator), "twilio-conversations:maxConcurrentRequests": { value: "2" } },
      program: async () => {
        const service = new tc.ConversationService("queues", { friendlyName: "Queues" });
        for (const q of QUEUES) new tc.Conversation(q, { chatServiceSid: service.sid, uniqueName: q });
        return {};
      },
    });
    // Slow enough that the conversations are still being created when the signal arrives.
    emulator.setFaults({ latencyMs: 150 });
    const abort = new AbortController();
    const interrupted = stack
      .up({
        parallel: 2,
        onEvent: (event) => {
          // The first conversation is created: interrupt, as Ctrl-C would.
          if (event.resOutputsEvent?.metadata.type.endsWith(":Conversation")) abort.abort();
        },
        signal: abort.signal,
      })
      .catch((e: Error) => e);
    const outcome = await interrupted;
    emulator.setFaults({ latencyMs: 0 });
    expect(outcome).toBeInstanceOf(Error);
    expect(abort.signal.aborted).toBe(true);

    // What the CLI recorded is what exists: every conversation in state is in the account, and
    // every one in the account is in state (in-flight creates were finished and saved).
    const saved = (await stack.resources()).filter((r) => r.type.endsWith(":Conversation"));
    const created = dump().v1.conversations.filter((c) => c.uniqueName && QUEUES.includes(c.uniqueName));
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.length).toBeLessThan(QUEUES.length);
    expect(saved.map((r) => r.id).sort()).toEqual(created.map((c) => c.sid).sort());

    const rerun = await stack.up();
    expect(rerun.summary.resourceChanges).toMatchObject({ create: QUEUES.length - saved.length });
    const after = dump().v1.conversations.filter((c) => c.uniqueName && QUEUES.includes(c.uniqueName));
    expect(after.map((c) => c.uniqueName).sort()).toEqual([...QUEUES].sort());
    expect(after.map((c) => c.sid)).toEqual(expect.arrayContaining(created.map((c) => c.sid)));
    await stack.preview({ expectNoChanges: true });
  }, 240_000);

  test("no secret in the state, the stack files, PULUMI_HOME or the CLI output", () => {
    expect(sandbox.leaks()).toEqual([]);
  });
});
