/**
 * The examples under the real Pulumi engine, through the Automation API: where the `pulumi` CLI is
 * on PATH (a user's machine, a CI image that has it), each example runs preview, up, refresh (after
 * a change made outside Pulumi) and destroy against the emulator, with a local file backend in a
 * temp folder. Where the CLI is absent (these build machines), the suite is skipped and says so.
 *
 * The examples run as inline programs (their exported function), so no `npm install` is needed in
 * the example folders. The CLI starts the dynamic-provider host from the workspace folder: that
 * folder gets a `node_modules` with links to this package and to `@pulumi/pulumi`, the in-repo way
 * for the host to `require("pulumi-twilio-conversations/provider")` (see docs/architecture.md).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { type ConfigMap, LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import accountSetup = require("../../../examples/account-setup");
import multiEnvironment = require("../../../examples/multi-environment");

const ROOT = path.resolve(__dirname, "../../..");

/** The `pulumi` executable on PATH, if any. */
function pulumiOnPath(): string | undefined {
  const names = process.platform === "win32" ? ["pulumi.exe", "pulumi.cmd"] : ["pulumi"];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

const cli = pulumiOnPath();
const SKIP_REASON =
  "skipped: pulumi CLI not on PATH (install it from https://www.pulumi.com/docs/install/ to run the Automation API suite)";
const suite = cli ? describe : describe.skip;

interface Example {
  readonly project: string;
  readonly stack: string;
  readonly program: () => unknown;
  readonly config: ConfigMap;
  /** Resources the program declares (the stack resource not included). */
  readonly resources: number;
}

const EXAMPLES: Example[] = [
  {
    project: "account-setup",
    stack: "e2e",
    program: accountSetup,
    config: { "account-setup:memoryStoreId": { value: "mem_store_e2e" } },
    resources: 6,
  },
  {
    project: "multi-environment",
    stack: "dev",
    program: multiEnvironment,
    config: {
      "multi-environment:memoryStoreId": { value: "mem_store_dev" },
      "multi-environment:queues": { value: JSON.stringify(["general", "vip"]) },
      "multi-environment:closeAfter": { value: "PT1H" },
    },
    resources: 5,
  },
];

suite(`Automation API: the examples under the real engine (${cli ?? SKIP_REASON})`, () => {
  let emulator: RunningEmulator;
  let dir: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, operationDelayMs: 50, operationRetryAfterSeconds: 0 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-automation-"));
    fs.mkdirSync(path.join(dir, "backend"));
    const nodeModules = path.join(dir, "node_modules");
    fs.mkdirSync(nodeModules);
    fs.symlinkSync(ROOT, path.join(nodeModules, "pulumi-twilio-conversations"), "dir");
    fs.symlinkSync(path.join(ROOT, "node_modules/@pulumi"), path.join(nodeModules, "@pulumi"), "dir");
  });
  afterAll(async () => {
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function stackFor(example: Example): Promise<Stack> {
    const stack = await LocalWorkspace.createOrSelectStack(
      {
        stackName: example.stack,
        projectName: example.project,
        program: async () => (await example.program()) as Record<string, unknown>,
      },
      {
        workDir: dir,
        projectSettings: { name: example.project, runtime: "nodejs", backend: { url: `file://${path.join(dir, "backend")}` } },
        envVars: { PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase", PULUMI_SKIP_UPDATE_CHECK: "true" },
      },
    );
    await stack.setAllConfig({
      "twilio:accountSid": { value: emulator.accountSid },
      "twilio:authToken": { value: emulator.authToken, secret: true },
      "twilio:baseUrl": { value: emulator.url },
      ...example.config,
    });
    return stack;
  }

  for (const example of EXAMPLES) {
    test(`${example.project}: preview, up, up (no changes), drift on refresh, destroy`, async () => {
      const stack = await stackFor(example);
      const all = example.resources + 1; // the stack resource is counted too

      const preview = await stack.preview();
      expect(preview.changeSummary.create).toBe(all);

      const up = await stack.up();
      expect(up.summary.result).toBe("succeeded");
      expect(up.summary.resourceChanges?.create).toBe(all);
      const serviceSid = String(up.outputs.serviceSid?.value);
      expect(serviceSid).toMatch(/^IS/);

      const again = await stack.up();
      expect(again.summary.resourceChanges).toEqual({ same: all });

      // A change outside Pulumi: rename the service's first conversation directly.
      const state = emulator.state() as { v1: { conversations: { sid: string; serviceSid: string }[] } };
      const conversation = state.v1.conversations.find((c) => c.serviceSid === serviceSid)!;
      const auth = Buffer.from(`${emulator.accountSid}:${emulator.authToken}`).toString("base64");
      const renamed = await fetch(`${emulator.url}/v1/Services/${serviceSid}/Conversations/${conversation.sid}`, {
        method: "POST",
        headers: { authorization: `Basic ${auth}`, "content-type": "application/x-www-form-urlencoded" },
        body: "FriendlyName=changed+outside+Pulumi",
      });
      expect(renamed.status).toBe(200);
      const refresh = await stack.refresh();
      expect(refresh.summary.resourceChanges?.update).toBe(1);

      const destroy = await stack.destroy();
      expect(destroy.summary.resourceChanges?.delete).toBe(all);
      const after = emulator.state() as { v1: { conversations: unknown[] }; v2: { configurations: unknown[] } };
      expect(after.v1.conversations).toEqual([]);
      expect(after.v2.configurations).toEqual([]);
      await stack.workspace.removeStack(example.stack);
    }, 300_000);
  }
});

if (!cli) {
  // A test that runs and prints, so the reason shows in jest's output: jest prints nothing at all
  // for a file whose tests are all skipped when it runs more than one file.
  test(`Automation API suite ${SKIP_REASON}`, () => {
    console.log(`Automation API suite ${SKIP_REASON}`);
    expect(pulumiOnPath()).toBeUndefined();
  });
}
