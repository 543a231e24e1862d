/**
 * Every resource kind in the REAL dynamic-provider host: one program with every kind goes
 * through up, an in-place change, refresh, a replacing change and destroy, and each of Configure,
 * Check, Diff, Create, Read, Update and Delete is seen going over gRPC for every kind. Then the
 * `__provider` Pulumi stored in state is held to the serialization contract (docs/architecture.md):
 * small, identical per kind, no credential, no path.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { type EmulatorView, viewOf } from "../../../demo/emulator-view";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import { EngineStandIn, linkPackageForHost, type RunSummary, type StateFile } from "../../../engine-standin";
import { ProviderClient, type ResourceRef } from "../../../engine-standin/grpc-client";
import { HostProcess } from "../../../engine-standin/host-process";
import { isSecret } from "../../../engine-standin/secrets";
import { KINDS as REGISTRY } from "../../../resources/registry";
import { kindOf, missingFromEmulator } from "../helpers/emulator-probe";
import { allKinds, FCM_KEYS } from "./all-kinds-program";

const KINDS = REGISTRY.map((k) => k.name);
const METHODS = ["check", "diff", "create", "update", "read", "delete"] as const;
const ROOT = path.resolve(__dirname, "../../..");

describe("every kind through the real dynamic-provider host", () => {
  // A token no one else uses, so finding it anywhere means it leaked.
  const authToken = `e2e-token-${randomUUID()}`;
  let emulator: RunningEmulator;
  let dir: string;
  let config: Record<string, string>;
  const logLines: string[] = [];
  const snapshots: { label: string; raw: string; state: StateFile }[] = [];
  /** kind -> provider methods seen going to the host for it. */
  const calls = new Map<string, Set<string>>();
  let configureCalls = 0;
  let baseline: EmulatorView;
  let commands = 0;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, authToken, operationDelayMs: 50, operationRetryAfterSeconds: 0 });
    baseline = viewOf(emulator);
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
  async function run(label: string, command: (e: EngineStandIn) => Promise<RunSummary>): Promise<RunSummary> {
    commands++;
    const summary = await command(engine());
    const raw = fs.readFileSync(statePath(), "utf8");
    snapshots.push({ label, raw, state: JSON.parse(raw) as StateFile });
    return summary;
  }
  const opsOf = (s: RunSummary) => Object.fromEntries(s.steps.map((x) => [`${kindOf(x)} ${x.name}`, x.op]));
  const last = () => snapshots[snapshots.length - 1]!.state;

  test("up creates one of each kind (two conversations)", async () => {
    const s = await run("up v1", (e) => e.up(allKinds(1)));
    expect(s.counts).toEqual({ create: 12, update: 0, replace: 0, delete: 0, same: 0 });
    expect(await missingFromEmulator(emulator, last().resources)).toEqual([]);
  });

  test("an in-place change updates every kind that can be updated, and nothing else", async () => {
    const s = await run("up v2", (e) => e.up(allKinds(2)));
    expect(opsOf(s)).toEqual({
      "ConversationService support": "same",
      "ServiceRole agent": "update",
      "ServiceConfiguration support": "update",
      "GlobalConfiguration account": "update",
      "Conversation lobby": "update",
      "Conversation desk": "same",
      "OrchestratorConfiguration routing": "update",
      "AddressConfiguration sms": "update",
      "PushCredential android": "update",
      "GlobalWebhookConfiguration account": "update",
      "ServiceWebhookConfiguration support": "update",
      "ServiceNotificationConfiguration support": "update",
    });
    const v = emulator.state() as {
      v1: { configuration: { defaultClosedTimer: string } };
      v2: { configurations: { description: string }[] };
    };
    expect(v.v1.configuration.defaultClosedTimer).toBe("P2D");
    expect(v.v2.configurations.map((c) => c.description)).toEqual(["version 2"]);
  });

  test("refresh reads every resource and finds nothing changed", async () => {
    const s = await run("refresh", (e) => e.refresh());
    expect(s.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: 12 });
  });

  test("renaming the service replaces it and everything scoped to it; the rest follows in place", async () => {
    const oldIds = Object.fromEntries(last().resources.map((r) => [`${kindOf(r)} ${r.name}`, r.id]));
    const s = await run("up v3", (e) => e.up(allKinds(3)));
    expect(opsOf(s)).toEqual({
      "ConversationService support": "replace",
      "ServiceRole agent": "replace",
      "ServiceConfiguration support": "replace",
      "GlobalConfiguration account": "update",
      "Conversation lobby": "replace",
      "Conversation desk": "replace",
      "OrchestratorConfiguration routing": "update",
      "AddressConfiguration sms": "update",
      "PushCredential android": "same",
      "GlobalWebhookConfiguration account": "same",
      "ServiceWebhookConfiguration support": "replace",
      "ServiceNotificationConfiguration support": "replace",
    });
    expect(await missingFromEmulator(emulator, last().resources)).toEqual([]);
    const v = emulator.state() as { v1: { services: { sid: string }[] } };
    expect(v.v1.services.map((x) => x.sid)).not.toContain(oldIds["ConversationService support"]);
  });

  test("destroy deletes every kind", async () => {
    const s = await run("destroy", (e) => e.destroy());
    expect(s.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 12, same: 0 });
    expect(last().resources).toEqual([]);
    // Replaced copies included: the account holds what a fresh one holds, its configuration back as found.
    expect(emulator.state()).toMatchObject({
      v1: {
        services: [{ sid: baseline.v1.services[0]!.sid }],
        conversations: [],
        configuration: baseline.v1.configuration,
        addressConfigurations: [],
        credentials: [],
      },
      v2: { configurations: [] },
    });
    expect((emulator.state() as EmulatorView).v1.roles.map((r) => r.sid).sort()).toEqual(baseline.v1.roles.map((r) => r.sid).sort());
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

  test("the push credential's secret is nowhere but in its state inputs, as a Pulumi secret (which the real engine encrypts)", () => {
    const plainIn = (value: unknown): boolean =>
      isSecret(value)
        ? false
        : typeof value === "string"
          ? FCM_KEYS.some((k) => value.includes(k))
          : value !== null && typeof value === "object" && Object.values(value).some(plainIn);
    for (const { label, state } of snapshots) {
      for (const r of state.resources) {
        expect([label, r.name, plainIn(r.outputs), plainIn(r.inputs)]).toEqual([label, r.name, false, false]);
      }
    }
    const credential = snapshots.find((x) => x.label === "up v2")!.state.resources.find((r) => kindOf(r) === "PushCredential")!;
    expect(isSecret(credential.inputs.secret)).toBe(true);
    expect(credential.outputs.secretDigests).toBeDefined();
    expect(logLines.filter((l) => FCM_KEYS.some((k) => l.includes(k)))).toEqual([]);
    // What the emulator logged of the requests holds fingerprints only.
    expect(JSON.stringify(emulator.requests()).includes(FCM_KEYS[0])).toBe(false);
  });
});
