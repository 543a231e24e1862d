/**
 * Both examples under the real Pulumi engine, through the Automation API, against the emulator:
 * preview, up, `preview --expect-no-changes`, changes made outside Pulumi found by `refresh` and
 * put back by `up`, and destroy; a file backend in a temp folder, the stack's secrets encrypted with
 * a passphrase. Each example runs as an inline program (its exported function) with its own
 * Pulumi.yaml as project settings, so the CLI checks the stack config against the types the
 * example declares; multi-environment runs on its committed `Pulumi.dev.yaml`.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { type ConfigMap } from "@pulumi/pulumi/automation";
import { parse } from "yaml";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import accountSetup = require("../../../examples/account-setup");
import multiEnvironment = require("../../../examples/multi-environment");
import { describeRealEngine, emulatorConfig, ROOT, Sandbox, uniqueToken } from "./harness";
import { twilioCall } from "./twilio-call";

interface EmulatorDump {
  v1: {
    configuration: Record<string, string | null>;
    conversations: { sid: string; serviceSid: string; uniqueName: string | null; friendlyName: string | null }[];
    roles: { sid: string; friendlyName: string }[];
  };
  v2: { configurations: { id: string; displayName: string }[] };
}

describeRealEngine("Automation API: the examples", (cli) => {
  const authToken = uniqueToken("examples");
  let emulator: RunningEmulator;
  let sandbox: Sandbox;
  // The emulator applies a v2 write once its clock passes the operation's delay; moving its clock
  // on applies an out-of-band delete at once, without waiting.
  let skewMs = 0;
  const dump = () => emulator.state() as EmulatorDump;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      authToken,
      operationDelayMs: 50,
      operationRetryAfterSeconds: 0,
      now: () => new Date(Date.now() + skewMs),
    });
    sandbox = Sandbox.create(cli, "examples");
    sandbox.secrets.push(authToken);
  });
  afterAll(async () => {
    await emulator?.close();
    sandbox?.dispose();
  });

  /** The example's Pulumi.yaml, minus what the inline stack sets itself. */
  function projectSettings(example: string) {
    const settings = parse(fs.readFileSync(path.join(ROOT, "examples", example, "Pulumi.yaml"), "utf8")) as Record<string, unknown>;
    delete settings.main;
    return settings;
  }

  test("account-setup: preview, up, no changes, drift in two resources found and repaired, destroy", async () => {
    const before = dump().v1.configuration;
    const stack = await sandbox.inlineStack({
      project: "account-setup",
      stack: "e2e",
      program: async () => (await accountSetup()) as Record<string, unknown>,
      settings: projectSettings("account-setup"),
      config: { ...emulatorConfig(emulator), "account-setup:memoryStoreId": { value: "mem_store_e2e" } },
    });
    const all = 6 + 1; // six resources and the stack

    const preview = await stack.preview();
    expect(preview.changeSummary).toEqual({ create: all });

    const up = await stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges).toEqual({ create: all });
    const serviceSid = String(up.outputs.serviceSid!.value);
    const lobbySid = String(up.outputs.lobbySid!.value);
    const routingId = String(up.outputs.orchestratorConfigurationId!.value);
    expect(dump().v1.configuration.defaultChatServiceSid).toBe(serviceSid);

    // `pulumi preview --expect-no-changes` fails the command on any change.
    await expect(stack.preview({ expectNoChanges: true })).resolves.toMatchObject({ changeSummary: { same: all } });

    // Outside Pulumi: the lobby renamed, the orchestrator configuration deleted.
    await twilioCall(emulator, "POST", `/v1/Services/${serviceSid}/Conversations/${lobbySid}`, { FriendlyName: "renamed in the Console" });
    await twilioCall(emulator, "DELETE", `/v2/ControlPlane/Configurations/${routingId}`);
    skewMs += 60_000;
    expect(dump().v2.configurations).toEqual([]);

    const refresh = await stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1, delete: 1 });

    const repair = await stack.up();
    expect(repair.summary.resourceChanges).toMatchObject({ update: 1, create: 1 });
    expect(dump().v1.conversations.find((c) => c.sid === lobbySid)?.friendlyName).toBe("Lobby");
    expect(dump().v2.configurations.map((c) => c.displayName)).toEqual(["support-routing"]);

    const destroy = await stack.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: all });
    expect(dump().v1.conversations).toEqual([]);
    expect(dump().v2.configurations).toEqual([]);
    expect(dump().v1.roles.map((r) => r.friendlyName)).not.toContain("support-agent");
    // The account configuration is put back as it was found.
    expect(dump().v1.configuration).toEqual(before);
  }, 240_000);

  test("multi-environment: its committed dev stack file, drift repaired, destroy", async () => {
    const workDir = sandbox.projectDir("multi-environment");
    fs.copyFileSync(path.join(ROOT, "examples/multi-environment/Pulumi.dev.yaml"), path.join(workDir, "Pulumi.dev.yaml"));
    // What differs from the committed file: this emulator's port, and its token (now a secret).
    const config: ConfigMap = {
      "twilio-conversations:baseUrl": { value: emulator.url },
      "twilio:password": { value: authToken, secret: true },
    };
    const stack = await sandbox.inlineStack({
      project: "multi-environment",
      stack: "dev",
      program: async () => (await multiEnvironment()) as Record<string, unknown>,
      settings: projectSettings("multi-environment"),
      workDir,
      config,
    });
    const stackFile = fs.readFileSync(path.join(workDir, "Pulumi.dev.yaml"), "utf8");
    expect(stackFile).toContain("twilio:password:\n    secure: ");
    const all = 4 + 1; // service, account configuration, one queue conversation (dev), orchestrator; the stack

    expect((await stack.preview()).changeSummary).toEqual({ create: all });
    const up = await stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: all });
    expect(up.outputs.environment!.value).toBe("dev");
    const serviceSid = String(up.outputs.serviceSid!.value);
    const [queueSid] = up.outputs.queueSids!.value as string[];
    await stack.preview({ expectNoChanges: true });

    await twilioCall(emulator, "POST", `/v1/Services/${serviceSid}/Conversations/${queueSid}`, { FriendlyName: "changed outside Pulumi" });
    const refresh = await stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1 });
    const repair = await stack.up();
    expect(repair.summary.resourceChanges).toMatchObject({ update: 1, same: all - 1 });
    expect(dump().v1.conversations.find((c) => c.sid === queueSid)?.friendlyName).toBe("general queue (dev)");

    const destroy = await stack.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: all });
    expect(dump().v1.conversations).toEqual([]);
    expect(dump().v2.configurations).toEqual([]);
  }, 240_000);

  test("no secret in the state, the stack files, PULUMI_HOME or the CLI output", () => {
    // The token went in as a secret stack value only: encrypted in the stack file, absent elsewhere.
    expect(sandbox.transcript.length).toBeGreaterThan(0);
    expect(sandbox.leaks()).toEqual([]);
  });
});
