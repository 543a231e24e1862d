/**
 * The `pulumi-twilio-conversations emulator` command as users run it: the built bin (npm test builds
 * dist/ first), one line on stdout, served requests, a clean exit on SIGTERM.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "../../../emulator";

const ROOT = join(__dirname, "..", "..", "..");
const BIN = join(ROOT, "dist", "cli", "main.js");

let child: ChildProcessWithoutNullStreams | undefined;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  child = undefined;
});

function start(args: string[]): { proc: ChildProcessWithoutNullStreams; firstLine: Promise<string> } {
  const proc = spawn(process.execPath, [BIN, "emulator", ...args], { cwd: ROOT });
  child = proc;
  const lines = createInterface({ input: proc.stdout });
  const firstLine = new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`emulator exited (${code}) before printing its URL`)));
  });
  return { proc, firstLine };
}

test("the built bin exists (npm test builds dist/ before jest)", () => {
  expect(existsSync(BIN)).toBe(true);
});

test("prints one line with URL, account and token, serves, exits 0 on SIGTERM", async () => {
  const { proc, firstLine } = start(["--port", "0"]);
  const line = await firstLine;
  const match =
    /^Twilio Conversations emulator listening on (http:\/\/127\.0\.0\.1:\d+) \(account (AC[0-9a-f]{32}), auth token (\S+)\)$/.exec(line);
  expect(match).not.toBeNull();
  const [, url, account, token] = match!;
  expect([account, token]).toEqual([DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN]);

  const res = await fetch(`${url}/v1/Configuration`, {
    headers: { authorization: `Basic ${Buffer.from(`${account}:${token}`).toString("base64")}` },
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { account_sid: string }).account_sid).toBe(account);

  proc.kill("SIGTERM");
  const [code] = await once(proc, "exit");
  expect(code).toBe(0);
});

test("flags set credentials and faults", async () => {
  const account = "AC" + "5".repeat(32);
  const { proc, firstLine } = start([
    "--port",
    "0",
    "--account-sid",
    account,
    "--auth-token",
    "secret-t",
    "--rate-limit-fraction",
    "1",
    "--rate-limit-retry-after",
    "7",
  ]);
  const line = await firstLine;
  expect(line).toContain(`account ${account}, auth token secret-t`);
  const url = /listening on (\S+)/.exec(line)![1];
  const res = await fetch(`${url}/v1/Configuration`, {
    headers: { authorization: `Basic ${Buffer.from(`${account}:secret-t`).toString("base64")}` },
  });
  expect(res.status).toBe(429);
  expect(res.headers.get("retry-after")).toBe("7");
  proc.kill("SIGINT");
  const [code] = await once(proc, "exit");
  expect(code).toBe(0);
});

test("an invalid flag value exits non-zero with a message", async () => {
  const proc = spawn(process.execPath, [BIN, "emulator", "--rate-limit-fraction", "2"], { cwd: ROOT });
  child = proc as ChildProcessWithoutNullStreams;
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += String(d)));
  const [code] = await once(proc, "exit");
  expect(code).not.toBe(0);
  expect(stderr).toMatch(/rate-limit-fraction/);
});
