/**
 * The root GitOps program as `pulumi up` runs it at the repository root: Pulumi.yaml, package.json,
 * conversations.yaml, program/ (with its tsconfig.json) copied as they are into a project folder
 * beside a link to dist/, and run by the Node.js language host, which starts the program with
 * program/ as its working directory and type-checks it through ts-node. Preview, up,
 * `preview --expect-no-changes`, changes outside Pulumi found by refresh and repaired by up, and
 * destroy, against the emulator.
 *
 * Three defects only the real engine showed are covered here: with `main: program/` the runtime
 * took the entry point from package.json (this package's own, dist/sdk/index.js) and ran the SDK
 * instead of the program; the document's path was resolved against the working directory
 * (program/, so `conversations.yaml` was not found); without program/tsconfig.json ts-node's
 * defaults failed on the program's ES2022 library.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { describeRealEngine, emulatorConfig, ROOT, Sandbox, uniqueToken } from "./harness";
import { twilioCall } from "./twilio-call";

const MG = `MG${"1".repeat(32)}`;

interface Dump {
  v1: {
    configuration: Record<string, string | null>;
    services: { sid: string; friendlyName: string }[];
    conversations: { sid: string; serviceSid: string; uniqueName: string | null; friendlyName: string | null }[];
  };
  v2: { configurations: { id: string }[] };
}

describeRealEngine("Automation API: the root GitOps program (Pulumi.yaml, program/)", (cli) => {
  const authToken = uniqueToken("gitops");
  let emulator: RunningEmulator;
  let sandbox: Sandbox;
  const dump = () => emulator.state() as Dump;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, authToken, operationDelayMs: 20, operationRetryAfterSeconds: 0 });
    sandbox = Sandbox.create(cli, "gitops");
    sandbox.secrets.push(authToken);
  });
  afterAll(async () => {
    await emulator?.close();
    sandbox?.dispose();
  });

  test("preview, up, no changes, drift found and repaired, destroy", async () => {
    const workDir = sandbox.projectDir("gitops");
    for (const file of ["Pulumi.yaml", "conversations.yaml", "package.json", "program/index.ts", "program/tsconfig.json"]) {
      fs.mkdirSync(path.dirname(path.join(workDir, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(workDir, file));
    }
    // As at the root: package.json's entry point exists (and the program reaches the package
    // through it, by Node's self-reference).
    fs.symlinkSync(path.join(ROOT, "dist"), path.join(workDir, "dist"), "dir");
    const before = dump().v1.configuration;
    const stack = await sandbox.localStack(workDir, "prod", {
      ...emulatorConfig(emulator),
      messagingServiceSid: { value: MG },
      memoryStoreId: { value: "mem_store_prod" },
    });

    // The whole document: two services (the account's default one adopted), their roles and
    // configurations, the account configuration, three conversations, two orchestrator configurations.
    const preview = await stack.preview();
    const planned = preview.changeSummary.create!;
    expect(preview.changeSummary).toEqual({ create: planned });
    expect(planned).toBeGreaterThan(10);

    const up = await stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: planned });
    const serviceSids = up.outputs.serviceSids!.value as Record<string, string>;
    const conversationSids = up.outputs.conversationSids!.value as Record<string, string>;
    expect(Object.keys(conversationSids).sort()).toEqual(["announcements", "queue-billing", "queue-general"]);
    expect(
      dump()
        .v1.services.map((s) => s.friendlyName)
        .sort(),
    ).toEqual(["Customer Support", "Default Conversations Service"]);
    expect(dump().v1.configuration).toMatchObject({ defaultMessagingServiceSid: MG, defaultClosedTimer: "P3D" });

    await stack.preview({ expectNoChanges: true });

    // Outside Pulumi: one conversation renamed, another deleted.
    const general = dump().v1.conversations.find((c) => c.sid === conversationSids["queue-general"])!;
    await twilioCall(emulator, "POST", `/v1/Services/${general.serviceSid}/Conversations/${general.sid}`, { FriendlyName: "renamed" });
    const announcements = dump().v1.conversations.find((c) => c.sid === conversationSids.announcements)!;
    await twilioCall(emulator, "DELETE", `/v1/Services/${announcements.serviceSid}/Conversations/${announcements.sid}`);

    const refresh = await stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1, delete: 1 });
    const repair = await stack.up();
    expect(repair.summary.resourceChanges).toMatchObject({ update: 1, create: 1 });
    const after = dump().v1.conversations;
    expect(after.find((c) => c.sid === general.sid)?.friendlyName).toBe(general.friendlyName);
    expect(after.filter((c) => c.uniqueName === announcements.uniqueName)).toHaveLength(1);

    // The document adopts the account's default service, which Twilio refuses to delete while it is
    // the default (code 50060). Destroy everything else, then let go of it (README, "Clone an
    // environment"): it stays in the account, as it was before the stack took it over.
    const defaultService = (await stack.resources()).find((r) => r.id === serviceSids.default)!;
    expect(defaultService.urn).toMatch(/ConversationService::conversations\/default$/);
    const destroy = await stack.destroy({ exclude: [defaultService.urn] });
    // Kept: the default service, its parent (the ConversationsSetup component) and the stack.
    expect(destroy.summary.resourceChanges).toMatchObject({ delete: planned - 3 });
    const released = await stack.cli(["state", "delete", defaultService.urn, "--yes"]);
    expect(released.code).toBe(0);
    expect(await stack.resources()).toEqual([]);
    expect(dump().v1.conversations).toEqual([]);
    expect(dump().v2.configurations).toEqual([]);
    // What the document adopted stays (the account's default service); what it created is gone.
    expect(dump().v1.services.map((s) => s.sid)).toEqual([serviceSids.default]);
    expect(dump().v1.configuration).toEqual(before);
  }, 300_000);

  test("no secret in the state, the stack files, PULUMI_HOME or the CLI output", () => {
    expect(sandbox.transcript.length).toBeGreaterThan(0);
    expect(sandbox.leaks()).toEqual([]);
  });
});
