/**
 * A v2 create interrupted the hard way: the dynamic-provider host is killed (SIGKILL) while it
 * polls the operation, so the engine never learns the configuration's id and nothing is in state.
 * The next `up` must not make a second configuration (nor start a second operation): the create's Idempotency-Key is derived
 * from the resource and its inputs, so the retried POST replays the first one.
 */
import type { ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import * as tc from "pulumi-twilio-conversations";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { EngineRunError, EngineStandIn } from "../../../engine-standin";

const CREATE_PATH = "/v2/ControlPlane/Configurations";

const program = () => {
  const routing = new tc.OrchestratorConfiguration("routing", {
    displayName: "routing",
    description: "interrupted on purpose",
    conversationGroupingType: "GROUP_BY_PROFILE",
    memoryStoreId: "mem_store_e2e",
  });
  return { id: routing.configurationId };
};

describe("a v2 create whose host is killed mid-poll", () => {
  let emulator: RunningEmulator;
  let dir: string;
  beforeAll(async () => {
    // Long enough that the host is surely still polling when the POST shows up in the log.
    emulator = await startEmulator({ port: 0, operationDelayMs: 1500, operationRetryAfterSeconds: 0 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-interrupted-"));
  });
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const engine = (onHostStarted?: (child: ChildProcess) => void) =>
    new EngineStandIn({
      project: "interrupted",
      stack: "e2e",
      statePath: path.join(dir, "state.json"),
      config: {
        "twilio-conversations:accountSid": emulator.accountSid,
        "twilio-conversations:authToken": emulator.authToken,
        "twilio-conversations:baseUrl": emulator.url,
      },
      secretKeys: ["twilio-conversations:authToken"],
      onHostStarted,
    });
  const configurations = () => (emulator.state() as { v2: { configurations: { id: string }[] } }).v2.configurations;
  const createOperations = () =>
    (emulator.state() as { v2: { operations: { write: string }[] } }).v2.operations.filter((op) => op.write === "create");
  const creates = () => emulator.requests().filter((r) => r.method === "POST" && r.path === CREATE_PATH);

  test("the first up fails with the host gone and nothing in state; the next up adopts the one configuration; a third is all same", async () => {
    let host: ChildProcess | undefined;
    let settled = false;
    const first = engine((child) => (host = child))
      .up(program)
      .finally(() => (settled = true));
    // Wait (on the log, not on time) for the create's POST to have been answered, then kill the host.
    while (creates().length === 0 && !settled) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(settled).toBe(false);
    expect(creates()[0]!.status).toBe(202);
    host!.kill("SIGKILL");

    const error = await first.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineRunError);
    expect((error as EngineRunError).summary.errors.join("\n")).toMatch(/killed by SIGKILL|unreachable/);
    expect(engine().readState().resources).toEqual([]);
    // Twilio accepted the write all the same: its operation runs on without anyone polling.
    expect(createOperations()).toHaveLength(1);

    const second = await engine().up(program);
    expect(second.counts).toMatchObject({ create: 1 });
    expect(createOperations()).toHaveLength(1);
    expect(configurations()).toHaveLength(1);
    const [created] = configurations();
    const state = engine().readState().resources;
    expect(state.map((r) => [r.name, r.id])).toEqual([["routing", created!.id]]);
    expect(second.outputs).toEqual({ id: created!.id });
    // The retried POST was a replay of the first: same Idempotency-Key.
    const keys = creates().map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);

    const third = await engine().up(program);
    expect(third.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: 1 });
    expect(configurations()).toHaveLength(1);

    await engine().destroy();
    expect(configurations()).toEqual([]);
  });
});
