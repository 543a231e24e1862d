/**
 * `npm run demo` as a user runs it (after the build): `node dist/demo/main.js` in a child process.
 * Exit code 0, every step heading and check printed, the temp state folder gone afterwards.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

import { findPulumiCli } from "../../../engine-standin/pulumi-cli";

const ROOT = path.resolve(__dirname, "../../..");
const MAIN = path.join(ROOT, "dist/demo/main.js");

function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

test("node dist/demo/main.js runs every step, exits 0 and removes its state folder", async () => {
  expect(fs.existsSync(MAIN)).toBe(true); // npm test builds first; run `npm run build` otherwise
  const { code, stdout, stderr } = await runDemo();
  if (code !== 0) {
    // The demo names the first step that misbehaved: show it rather than just the exit code.
    throw new Error(`demo exited ${code}:\n${stdout.split("\n").slice(-30).join("\n")}\n${stderr}`);
  }
  for (let i = 1; i <= 7; i++) {
    expect(stdout).toContain(`=== ${i}/7`);
  }
  expect(stdout).toMatch(/Resources: 6 created/);
  expect(stdout).toMatch(/Resources: 6 unchanged/);
  expect(stdout).toMatch(/~ update\s+\S+:Conversation\s+lobby\s+\(changed: friendlyName\)/);
  expect(stdout).toMatch(/Resources: 6 deleted/);
  expect(stdout).toMatch(/TYPE\s+NAME\s+ID\s+KEY OUTPUT/);
  expect(stdout).not.toContain("✗");
  // It says which engine ran it: the real CLI where one is found (CI builds one), else the stand-in.
  expect(stdout).toMatch(findPulumiCli() ? /engine: the Pulumi CLI v\d/ : /engine: the project's engine stand-in/);
  expect(stdout.trimEnd().split("\n").pop()).toBe("Demo complete: every step behaved as described.");
  const stateDir = /state in (\S+)/.exec(stdout)?.[1];
  expect(stateDir).toBeDefined();
  expect(fs.existsSync(stateDir!)).toBe(false);
});
