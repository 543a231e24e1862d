/**
 * Every resource kind in the REAL dynamic-provider host: the program of all-kinds-program.ts (one
 * scenario per kind) goes through up, an in-place change, refresh, a replacing change and destroy,
 * and each of Configure, Check, Diff, Create, Read, Update and Delete is seen going over gRPC for
 * every kind. What each step must do, and what the account must hold after it, comes from the
 * scenarios. Then the `__provider` Pulumi stored in state is held to the serialization contract
 * (docs/architecture.md): small, identical per kind, no credential, no path.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { EngineStandIn, linkPackageForHost, type RunSummary, type StateFile, type StepOp } from "../../../engine-standin";
import { ProviderClient, type ResourceRef } from "../../../engine-standin/grpc-client";
import { HostProcess } from "../../../engine-standin/host-process";
import { KINDS as REGISTRY } from "../../../resources/registry";
import { getStatus, kindOf, livePathOf, missingFromEmulator } from "../helpers/emulator-probe";
import { plainSecretsIn, secretsIn, textsInSecrets } from "../helpers/secrets";
import { type AccountDump, allKinds, remoteOf, scenarios, type Version, VERSIONS } from "./all-kinds-program";

const KINDS = REGISTRY.map((k) => k.name);
const METHODS = ["check", "diff", "create", "update", "read", "delete"] as const;
const ROOT = path.resolve(__dirname, "../../..");
const SCENARIOS = scenarios();

/** `Kind name` of every resource the scenarios declare, with the step `version` brings it (1: create). */
function expectedOps(version: Version): Record<string, StepOp> {
  return Object.fromEntries(
    SCENARIOS.flatMap(([kind, s]) =>
      Object.entries(s.ops).map(([name, ops]) => [`${kind} ${name}`, version === 1 ? "create" : ops[version]]),
    ),
  );
}
const RESOURCES = Object.keys(expectedOps(1));
/** The counts a run reports for these steps. */
function countsOf(ops: Record<string, StepOp>) {
  const n = (op: StepOp) => Object.values(ops).filter((o) => o === op).length;
  return { create: n("create"), update: n("update"), replace: n("replace"), delete: n("delete"), same: n("same") };
}
/** The emulator's log of v2 operations, which the dump holds beside the account's objects. */
interface Operations {
  readonly v2: { readonly operations: ReadonlyArray<{ status: string; error: unknown }> };
}
/** The dump without that log. */
function withoutOperations({ v2: { operations: _log, ...v2 }, ...account }: AccountDump & Operations) {
  return { ...account, v2 };
}
/** Every secret value a scenario declares, in any version. */
const SECRETS = [...new Set(SCENARIOS.flatMap(([, s]) => VERSIONS.flatMap((v) => s.secrets?.(v) ?? [])))];

describe("every kind through the real dynamic-provider host", () => {
  // A token no one else uses, so finding it anywhere means it leaked.
  const authToken = `e2e-token-${randomUUID()}`;
  let emulator: RunningEmulator;
  let dir: string;
  let config: Record<string, string>;
  const logLines: string[] = [];
  /** State after each command; `version`: the program's, for an up. */
  const snapshots: { label: string; version?: Version; raw: string; state: StateFile }[] = [];
  /** kind -> provider methods seen going to the host for it. */
  const calls = new Map<string, Set<string>>();
  let configureCalls = 0;
  let baseline: AccountDump;
  let commands = 0;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, authToken, operationDelayMs: 50, operationRetryAfterSeconds: 0 });
    baseline = emulator.state() as AccountDump;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-all-kinds-"));
    config = {
      "twilio-conversations:accountSid": emulator.accountSid,
      "twilio-conversations:authToken": authToken,
      "twilio-conversations:baseUrl": emulator.url,
    };
    // Observe the engine's side of every gRPC call, without changing what it sends.
    for (const method of METHODS) {
      const original = ProviderClient.prototype[method] as (...args: unknown[]) => Promise<unknown>;
      jest.spyOn(ProviderClient.prototype, method).mockImplementation(function (this: ProviderClient, ...args: unknown[]) {
        const kind = kindOf(args[0] as ResourceRef);
        if (!calls.has(kind)) calls.set(kind, new Set());
        calls.get(kind)!.add(method);
        return original.apply(this, args) as never;
      });
    }
    const configure = ProviderClient.prototype.configure;
    jest.spyOn(ProviderClient.prototype, "configure").mockImplementation(function (this: ProviderClient, args) {
      configureCalls++;
      return configure.call(this, args);
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const statePath = () => path.join(dir, "state.json");
  const engine = () =>
    new EngineStandIn({
      project: "all-kinds",
      stack: "e2e",
      statePath: statePath(),
      config,
      secretKeys: ["twilio-conversations:authToken"],
      log: (line) => logLines.push(line),
    });
  async function run(label: string, command: (e: EngineStandIn) => Promise<RunSummary>, version?: Version): Promise<RunSummary> {
    commands++;
    const summary = await command(engine());
    const raw = fs.readFileSync(statePath(), "utf8");
    snapshots.push({ label, version, raw, state: JSON.parse(raw) as StateFile });
    return summary;
  }
  /** `up` of a version of the program. */
  const up = (version: Version) => run(`up v${version}`, (e) => e.up(allKinds(version)), version);
  const opsOf = (s: RunSummary) => Object.fromEntries(s.steps.map((x) => [`${kindOf(x)} ${x.name}`, x.op]));
  const last = () => snapshots[snapshots.length - 1]!.state;
  /** What the account holds of each kind whose scenario says, against what `version` declares of it. */
  function expectAccountAsDeclared(version: Version): void {
    const { held, declared } = remoteOf(SCENARIOS, emulator.state() as AccountDump, version);
    expect(held).toEqual(declared);
  }

  test("up creates every resource of every scenario, and the account holds what they declare", async () => {
    // Every kind of the registry has a scenario (all-kinds-program.ts does not compile otherwise) with a resource.
    expect(KINDS.filter((kind) => !RESOURCES.some((r) => r.startsWith(`${kind} `)))).toEqual([]);
    const s = await up(1);
    expect(opsOf(s)).toEqual(expectedOps(1));
    expect(s.counts).toEqual(countsOf(expectedOps(1)));
    expect(await missingFromEmulator(emulator, last().resources)).toEqual([]);
    expectAccountAsDeclared(1);
  });

  test("an in-place change updates every resource whose scenario changes it, and nothing else", async () => {
    const s = await up(2);
    expect(opsOf(s)).toEqual(expectedOps(2));
    expect(s.counts).toEqual(countsOf(expectedOps(2)));
    expect(s.counts.update).toBeGreaterThan(0);
    expectAccountAsDeclared(2);
  });

  test("refresh reads every resource and finds nothing changed", async () => {
    const s = await run("refresh", (e) => e.refresh());
    expect(s.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: RESOURCES.length });
  });

  test("renaming the service replaces it and everything scoped to it; the rest follows in place", async () => {
    const before = last().resources;
    const s = await up(3);
    expect(opsOf(s)).toEqual(expectedOps(3));
    expect(s.counts).toEqual(countsOf(expectedOps(3)));
    expect(s.counts.replace).toBeGreaterThan(0);
    expect(await missingFromEmulator(emulator, last().resources)).toEqual([]);
    expectAccountAsDeclared(3);
    // A replaced resource has a new object, and its old one is gone; every other keeps its object.
    const idNow = new Map(last().resources.map((r) => [`${kindOf(r)} ${r.name}`, r.id]));
    for (const old of before) {
      const key = `${kindOf(old)} ${old.name}`;
      const replaced = expectedOps(3)[key] === "replace";
      expect([key, idNow.get(key) === old.id]).toEqual([key, !replaced]);
      if (replaced) expect([key, (await getStatus(emulator, livePathOf(old))).status]).toEqual([key, 404]);
    }
  });

  test("destroy deletes every resource and leaves the account as it was before the first up", async () => {
    const s = await run("destroy", (e) => e.destroy());
    expect(s.counts).toEqual({ create: 0, update: 0, replace: 0, delete: RESOURCES.length, same: 0 });
    expect(last().resources).toEqual([]);
    // Replaced copies included: the account holds what it held before, but for what a scenario says
    // Twilio cannot put back. Its log of v2 operations only grows: each write's operation completed.
    const now = emulator.state() as AccountDump & Operations;
    expect(now.v2.operations.filter((o) => o.status !== "COMPLETED" || o.error !== null)).toEqual([]);
    const expected = SCENARIOS.reduce((account, [, scenario]) => scenario.leftByDestroy?.(account) ?? account, baseline);
    expect(withoutOperations(now)).toEqual(withoutOperations(expected as AccountDump & Operations));
  });

  test("ConversationService's Update reaches its provider in the host, which refuses it (Twilio cannot rename a service)", async () => {
    // Diff always asks for replacement, so no program sends this Update; send it directly to prove
    // the host's Update path for this kind runs the provider and answers with its message.
    const entry = snapshots.find((x) => x.label === "up v3")!.state.resources.find((r) => kindOf(r) === "ConversationService")!;
    const host = await HostProcess.start({ env: { NODE_PATH: linkPackageForHost(ROOT) }, onStderr: (l) => logLines.push(`host: ${l}`) });
    const client = new ProviderClient(host.address);
    try {
      await client.configure(config);
      const news = { ...entry.inputs, friendlyName: "Support 3" };
      await expect(client.update(entry, entry.id, entry.outputs, entry.inputs, news)).rejects.toThrow(/cannot be updated in place/);
    } finally {
      client.close();
      await host.kill();
    }
  });

  test("Configure, Check, Diff, Create, Read, Update and Delete all went to the host for every kind", () => {
    expect(Object.fromEntries(KINDS.map((k) => [k, [...(calls.get(k) ?? [])].sort()]))).toEqual(
      Object.fromEntries(KINDS.map((k) => [k, [...METHODS].sort()])),
    );
    // One host per command (plus the direct Update's), each configured once with the stack config:
    // the host's environment holds no credentials, so every call above authenticated through it.
    expect(configureCalls).toBe(commands + 1);
  });

  test("__provider is small, identical per kind, and holds no credential and no path", () => {
    const byKind = new Map<string, Set<string>>();
    for (const { state } of snapshots) {
      for (const r of state.resources) {
        for (const p of [r.inputs.__provider, r.outputs.__provider]) {
          expect(typeof p).toBe("string");
          if (!byKind.has(kindOf(r))) byKind.set(kindOf(r), new Set());
          byKind.get(kindOf(r))!.add(p as string);
        }
      }
    }
    expect([...byKind.keys()].sort()).toEqual([...KINDS].sort());
    const forbidden = [ROOT, os.tmpdir(), os.homedir(), dir, emulator.url, authToken, emulator.accountSid];
    for (const [kind, providers] of byKind) {
      expect([kind, providers.size]).toEqual([kind, 1]);
      const p = [...providers][0]!;
      expect(Buffer.byteLength(p)).toBeLessThan(2048);
      expect(p).toContain('require("pulumi-twilio-conversations/provider")');
      expect(p).toContain(JSON.stringify(kind));
      for (const f of forbidden) {
        expect(p).not.toContain(f);
      }
      // No absolute path of any machine: no string literal starting with "/", "~" or a drive letter.
      expect(p).not.toMatch(/["'`](?:\/|~|[A-Za-z]:\\)/);
      expect(p).not.toMatch(/__dirname|__filename/);
    }
    expect(new Set([...byKind.values()].map((s) => [...s][0])).size).toBe(KINDS.length);
  });

  test("the auth token is nowhere: not in any state file, the engine's log or the host's stderr", () => {
    expect(logLines.some((l) => l.startsWith("Resources:"))).toBe(true); // the log was captured
    for (const { label, raw } of snapshots) {
      expect([label, raw.includes(authToken)]).toEqual([label, false]);
    }
    expect(logLines.filter((l) => l.includes(authToken))).toEqual([]);
    expect(logLines.filter((l) => l.includes(Buffer.from(`${emulator.accountSid}:${authToken}`).toString("base64")))).toEqual([]);
  });

  test("every secret a scenario declares is nowhere but in its state inputs, as a Pulumi secret (which the real engine encrypts)", () => {
    // The scenarios declare some: else this test checks nothing.
    expect(SECRETS).not.toEqual([]);
    for (const { label, version, state } of snapshots) {
      for (const r of state.resources) {
        expect([label, r.name, plainSecretsIn(r.inputs, SECRETS), secretsIn(JSON.stringify(r.outputs), SECRETS)]).toEqual([
          label,
          r.name,
          [],
          [],
        ]);
      }
      // Each up holds, as Pulumi secrets in its kind's inputs, exactly the secrets its version declares.
      if (version === undefined) continue;
      for (const [kind, scenario] of SCENARIOS) {
        const held = state.resources.filter((r) => kindOf(r) === kind).flatMap((r) => textsInSecrets(r.inputs));
        expect([label, kind, held.sort()]).toEqual([label, kind, [...(scenario.secrets?.(version) ?? [])].sort()]);
      }
    }
    expect(logLines.flatMap((l) => secretsIn(l, SECRETS))).toEqual([]);
    // What the emulator logged of the requests holds fingerprints only.
    expect(secretsIn(JSON.stringify(emulator.requests()), SECRETS)).toEqual([]);
  });
});
