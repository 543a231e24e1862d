/**
 * `pulumi-twilio-conversations export` as users run it: the built bin (`npm test` builds dist/ first),
 * settings and credentials from the environment, against an emulator on a loopback port.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { exportAccount, exportWithSnapshot, formatSpec, type ProgressEvent } from "../../../cli/export";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import { clientFor, seedAccount } from "./seed";

const BIN = path.resolve(__dirname, "../../../dist/cli/main.js");
const TOKEN = "a-token-that-must-never-be-printed";

let emulator: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    operationDelayMs: 5,
    operationRetryAfterSeconds: 0,
    accountSid: `AC${"c".repeat(32)}`,
    authToken: TOKEN,
  });
  await seedAccount(emulator);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-cli-"));
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the bin with only the given environment (plus PATH); resolves with its exit code and output. */
function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const credentials = () => ({
  TWILIO_ACCOUNT_SID: emulator.accountSid,
  TWILIO_AUTH_TOKEN: TOKEN,
  TWILIO_CONVERSATIONS_BASE_URL: emulator.url,
});

test("export --output writes the same document as the library, quietly when stderr is not a terminal", async () => {
  const out = path.join(dir, "conversations.yaml");
  const result = await run(["export", "--output", out], credentials());
  expect(result).toMatchObject({ code: 0, stdout: "" });
  // What the library reads of the same account, counted as its progress events count items (each
  // list's objects as they arrive): besides what is exported, every kind read once per account or
  // per service, untouched or not (the account webhooks, each service's webhook and notification
  // settings, ...). The snapshot holds them all.
  const events: ProgressEvent[] = [];
  const { snapshot } = await exportWithSnapshot(clientFor(emulator), { onProgress: (e) => events.push(e) });
  const read = events.at(-1)!.items;
  expect(snapshot.objects).toHaveLength(read);
  // No progress line off a terminal; one summary line: what was written, kind by kind.
  expect(result.stderr).toBe(
    `Wrote ${out}: exported 68 entries (1 account configuration, 3 services, 16 roles, 3 service configurations, ` +
      `40 conversations, 5 orchestrator configurations) from ${read} objects read\n`,
  );
  expect(fs.readFileSync(out, "utf8")).toBe(formatSpec(await exportAccount(clientFor(emulator)), "yaml"));
});

test("export to stdout as JSON, with the base URL as a flag", async () => {
  const { TWILIO_CONVERSATIONS_BASE_URL: baseUrl, ...env } = credentials();
  const result = await run(["export", "--format", "json", "--conversations", "none", "--base-url", baseUrl], env);
  expect(result.code).toBe(0);
  const doc = JSON.parse(result.stdout);
  expect(doc).toMatchObject({ version: 1, services: expect.any(Object) });
  expect(doc.conversations).toBeUndefined();
  expect(result.stdout + result.stderr).not.toContain(TOKEN);
});

test("a wrong token fails with Twilio's message and without the token", async () => {
  const result = await run(["export"], { ...credentials(), TWILIO_AUTH_TOKEN: `${TOKEN}-wrong` });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/401/);
  expect(result.stderr).not.toContain(TOKEN);
});

test("an output that cannot be written is refused before a request is sent", async () => {
  emulator.clearRequests();
  const result = await run(["export", "--output", path.join(dir, "no-such-folder", "x.yaml")], credentials());
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/--output .*x\.yaml cannot be created/);
  expect(emulator.requests()).toEqual([]);
});

test("to stdout, the summary goes to stderr", async () => {
  const result = await run(["export", "--conversations", "none"], credentials());
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^# yaml-language-server: \$schema=/);
  expect(result.stderr).toMatch(/^exported \d+ entries \(1 account configuration, 3 services, .*\) from \d+ objects read\n$/);
});

test("missing credentials say how to set them; a bad option is refused", async () => {
  const missing = await run(["export"], { TWILIO_CONVERSATIONS_BASE_URL: emulator.url });
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain("TWILIO_ACCOUNT_SID");
  const bad = await run(["export", "--conversations", "some"], credentials());
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/--conversations.*unique-named, all, none/s);
});
