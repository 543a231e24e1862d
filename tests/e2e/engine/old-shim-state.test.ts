/**
 * Stacks written by release 0.1.0 keep working: their state holds, as every resource's
 * `__provider` (inputs and outputs), the 1.5 KB shim 0.1.0 serialized by value, which requires
 * `pulumi-twilio-conversations/provider` by name and calls `[kind][method]` on it
 * (tests/fixtures/shim-v0.json, the exact texts). The dynamic-provider host deserializes the
 * state's own text for read and delete (`@pulumi/pulumi` cmd/dynamic-provider `getProvider(props)`),
 * so refresh and destroy run that old shim against this release's provider index; an update runs
 * the program's new shim on the old state. Every kind 0.1.0 had, through the engine stand-in.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { EngineStandIn, type StateFile } from "../../../engine-standin";
import { KINDS } from "../../../resources/registry";
import { type AccountDump, allKinds, remoteOf, scenarios } from "../resources/all-kinds-program";

const SHIM_V0 = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../fixtures/shim-v0.json"), "utf8")) as Record<string, string>;

/** The scenarios of the kinds 0.1.0 had, and their resources' steps in version 2. */
const RELEASED = scenarios({ released: true });
const V2_OPS = RELEASED.flatMap(([, s]) => Object.values(s.ops).map((ops) => ops[2]));

describe("state written by 0.1.0's by-value shim", () => {
  let emulator: RunningEmulator;
  let dir: string;
  let statePath: string;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, operationDelayMs: 50, operationRetryAfterSeconds: 0 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-old-shim-"));
    statePath = path.join(dir, "state.json");
  });
  afterAll(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const engine = () =>
    new EngineStandIn({
      project: "old-shim",
      stack: "e2e",
      statePath,
      config: {
        "twilio-conversations:accountSid": emulator.accountSid,
        "twilio-conversations:authToken": emulator.authToken,
        "twilio-conversations:baseUrl": emulator.url,
      },
      secretKeys: ["twilio-conversations:authToken"],
    });
  const account = () => emulator.state() as AccountDump;
  const kindOf = (type: string) => type.slice(type.lastIndexOf(":") + 1);

  /** Rewrites the state file as 0.1.0 would have left it: every `__provider` the old shim of its kind. */
  function writeAsV0(textFor: (kind: string) => string = (kind) => SHIM_V0[kind]!): StateFile {
    const state = JSON.parse(fs.readFileSync(statePath, "utf8")) as StateFile;
    const old = {
      ...state,
      resources: state.resources.map((r) => ({
        ...r,
        inputs: { ...r.inputs, __provider: textFor(kindOf(r.type)) },
        outputs: { ...r.outputs, __provider: textFor(kindOf(r.type)) },
      })),
    };
    fs.writeFileSync(statePath, JSON.stringify(old, null, 2));
    return old;
  }

  test("refreshes, updates and destroys every kind", async () => {
    // Every kind 0.1.0 had is still here (kinds added since have no 0.1.0 state).
    expect(Object.keys(SHIM_V0).filter((kind) => !KINDS.some((k) => k.name === kind))).toEqual([]);
    const created = await engine().up(allKinds(1, { released: true }));
    expect(created.counts).toMatchObject({ create: V2_OPS.length });
    const ids = Object.fromEntries(
      engine()
        .readState()
        .resources.map((r) => [r.name + ":" + kindOf(r.type), r.id]),
    );

    // The texts are 0.1.0's, not what this release writes.
    const old = writeAsV0();
    for (const r of old.resources) {
      expect(Buffer.byteLength(String(r.outputs.__provider))).toBeGreaterThan(1400);
      expect(String(r.outputs.__provider)).toContain(`with({ kind: "${kindOf(r.type)}"`);
    }

    // The host runs the state's own text: one that throws fails the refresh with its message.
    const saved = fs.readFileSync(statePath, "utf8");
    writeAsV0(() => `exports.handler = () => { throw new Error("the state's own __provider ran"); };`);
    await expect(engine().refresh()).rejects.toThrow(/the state's own __provider ran/);
    fs.writeFileSync(statePath, saved);

    const refreshed = await engine().refresh();
    expect(refreshed.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: V2_OPS.length });
    expect(
      Object.fromEntries(
        engine()
          .readState()
          .resources.map((r) => [r.name + ":" + kindOf(r.type), r.id]),
      ),
    ).toEqual(ids);

    writeAsV0();
    const updated = await engine().up(allKinds(2, { released: true }));
    // Each resource takes the step its scenario gives version 2 (the service cannot be updated;
    // some resources are untouched), and the account holds what version 2 declares.
    const count = (op: string) => V2_OPS.filter((o) => o === op).length;
    expect(updated.counts).toEqual({ create: 0, update: count("update"), replace: count("replace"), delete: 0, same: count("same") });
    expect(count("update")).toBeGreaterThan(0);
    const remote = remoteOf(RELEASED, account(), 2);
    expect(remote.kinds).toEqual(RELEASED.map(([kind]) => kind));
    expect(remote.held).toEqual(remote.declared);

    writeAsV0();
    const destroyed = await engine().destroy();
    expect(destroyed.counts).toMatchObject({ delete: V2_OPS.length });
    expect(engine().readState().resources).toEqual([]);
    expect(account().v1.conversations).toEqual([]);
    expect(account().v2.configurations).toEqual([]);
    expect(account().v1.services.map((s) => s.friendlyName)).toEqual(["Default Conversations Service"]);
  }, 120_000);
});
