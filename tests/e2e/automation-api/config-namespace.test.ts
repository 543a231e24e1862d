/**
 * This package beside a Terraform-bridged Twilio provider, under the real engine. The bridge cannot
 * be installed here, so its place is taken by fixture/twilio-bridge: a provider plugin for the
 * `twilio` package that checks its stack config as the bridge does (it fails on any `twilio:` key
 * its schema lacks) and records the keys and credentials it was configured with.
 *
 * One stack holds both namespaces: the shared credentials (`twilio:accountSid`, `twilio:username`,
 * `twilio:password`, `twilio:region`), which the bridge accepts and uses, and this package's own
 * settings in `twilio-conversations:`; both providers run in one `up`, on the same credentials.
 * The old keys (`twilio:authToken`, `twilio:baseUrl`) are what the bridge rejects, and still work,
 * with a deprecation warning, in a stack without it.
 *
 * The program is plain JavaScript run by the Node.js language host (a project folder with its own
 * Pulumi.yaml, whose `plugins` entry points the CLI at the fixture).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { describeRealEngine, Sandbox, uniqueToken } from "./harness";

const API_KEY = `SK${"5".repeat(32)}`;
const BRIDGE_REJECTS = (key: string) => `\`twilio:${key}\` is not a valid configuration key for the twilio provider.`;

const PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const tc = require("pulumi-twilio-conversations");

// A resource of the twilio package: the engine starts (and configures) its default provider.
const probe = new pulumi.Config().getBoolean("withBridge")
  ? [new pulumi.CustomResource("twilio:index:Probe", "probe", { note: "bridged" })]
  : [];
// The engine runs independent steps in parallel: a provider that refuses its config fails the run
// but does not stop a resource that does not wait for it. Depending on the probe makes the
// conversation wait, so the refused run provably sends nothing.
const lobby = new tc.Conversation("lobby", { uniqueName: "lobby", friendlyName: "Lobby" }, { dependsOn: probe });
module.exports = { lobbySid: lobby.sid };
`;

describeRealEngine("Config namespaces: beside a Terraform-bridged Twilio provider", (cli) => {
  const authToken = uniqueToken("namespaces");
  const apiSecret = uniqueToken("namespaces-api-secret");
  let emulator: RunningEmulator;
  let sandbox: Sandbox;
  let record: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, authToken, apiKeys: [{ sid: API_KEY, secret: apiSecret }], operationDelayMs: 20 });
    sandbox = Sandbox.create(cli, "namespaces");
    record = path.join(sandbox.dir, "bridge-record.json");
    sandbox.secrets.push(authToken, apiSecret);
    sandbox.extraEnv.TWILIO_BRIDGE_RECORD = record;
  });
  afterAll(async () => {
    await emulator?.close();
    sandbox?.dispose();
  });
  beforeEach(() => {
    emulator.reset();
    fs.rmSync(record, { force: true });
  });

  /** A project folder with the program, its Pulumi.yaml pointing the CLI at the bridge stand-in. */
  function project(name: string): string {
    const dir = sandbox.projectDir(name);
    fs.writeFileSync(path.join(dir, "index.js"), PROGRAM);
    const bridge = path.join(__dirname, "fixture/twilio-bridge");
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      [
        `name: ${name}`,
        "runtime:",
        "  name: nodejs",
        "  options:",
        "    typescript: false",
        "main: index.js",
        "plugins:",
        "  providers:",
        "    - name: twilio",
        `      path: ${bridge}`,
        "",
      ].join("\n"),
    );
    return dir;
  }

  test("one stack, both namespaces: the bridge accepts its keys and this package reads them and its own", async () => {
    const stack = await sandbox.localStack(project("both-namespaces"), "e2e", {
      "both-namespaces:withBridge": { value: "true" },
      "twilio:accountSid": { value: emulator.accountSid },
      "twilio:username": { value: API_KEY },
      "twilio:password": { value: apiSecret, secret: true },
      "twilio:region": { value: "us1" },
      "twilio-conversations:baseUrl": { value: emulator.url },
      "twilio-conversations:operationTimeout": { value: "60" },
      "twilio-conversations:maxConcurrentRequests": { value: "3" },
    });
    const up = await stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges).toEqual({ create: 3 });

    // The bridge got its keys, and the same credentials.
    const configured = JSON.parse(fs.readFileSync(record, "utf8")) as { keys: string[]; credentials: string };
    expect(configured.keys).toEqual(["accountSid", "password", "region", "username"]);
    expect(configured.credentials).toBe(createHash("sha256").update(`${API_KEY}:${apiSecret}`).digest("hex"));
    // This package used them too (the API key as the user), at its own base URL, with no warning.
    const creates = emulator.requests().filter((r) => r.method === "POST" && r.path === "/v1/Conversations");
    expect(creates.map((r) => r.username)).toEqual([API_KEY]);
    expect(sandbox.transcript.join("")).not.toContain("deprecated");
  }, 180_000);

  test("the old keys: the bridge rejects them before anything is sent; without the bridge they work, with a warning", async () => {
    const stack = await sandbox.localStack(project("old-keys"), "e2e", {
      "old-keys:withBridge": { value: "true" },
      "twilio:accountSid": { value: emulator.accountSid },
      "twilio:authToken": { value: authToken, secret: true },
      "twilio:baseUrl": { value: emulator.url },
    });
    const rejected = await stack.up().catch((e: Error) => e);
    expect(rejected).toBeInstanceOf(Error);
    expect(String(rejected)).toContain(BRIDGE_REJECTS("authToken"));
    expect(String(rejected)).toContain(BRIDGE_REJECTS("baseUrl"));
    expect(emulator.requests()).toEqual([]);

    await stack.stack.setConfig("old-keys:withBridge", { value: "false" });
    const up = await stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 1 }); // the conversation (the stack exists since the refused run)
    expect(emulator.requests().filter((r) => r.method === "POST" && r.path === "/v1/Conversations")).toHaveLength(1);
    // The host's warning reaches the CLI's diagnostics, once per key, naming the replacement.
    const output = up.stdout + up.stderr;
    expect(output).toContain("stack config twilio:authToken is deprecated");
    expect(output).toContain("pulumi config rm twilio:authToken && pulumi config set --secret twilio-conversations:authToken <value>");
    expect(output).toContain("pulumi config rm twilio:baseUrl && pulumi config set twilio-conversations:baseUrl <value>");
  }, 180_000);

  test("no secret in the state, the stack files, PULUMI_HOME, the bridge's record or the CLI output", () => {
    expect(sandbox.leaks()).toEqual([]);
  });
});
