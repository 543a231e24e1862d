import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { runCli } from "../../support/run-cli";

const VERSION = (JSON.parse(fs.readFileSync(path.join(__dirname, "../../../package.json"), "utf8")) as { version: string }).version;
const COMMANDS = ["emulator", "export", "validate", "plan"];

describe("the pulumi-twilio-conversations command", () => {
  test("is named after the package, in the bin and in its help", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../package.json"), "utf8")) as { name: string; bin: object };
    expect(pkg.bin).toEqual({ [pkg.name]: "dist/cli/main.js" });
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pulumi-twilio-conversations /);
    for (const command of COMMANDS) expect(help.stdout).toContain(command);
  });

  test.each([["the program", []], ...COMMANDS.map((c) => [c, [c]])])("%s answers --version and --help", async (_label, command) => {
    const version = await runCli([...command, "--version"]);
    expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    const help = await runCli([...command, "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--version");
  });

  test.each(COMMANDS)("%s: an unknown option names it and points to --help", async (command) => {
    const run = await runCli([command, "--no-such-flag"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown option '--no-such-flag'/);
    expect(run.stderr).toMatch(/pulumi-twilio-conversations <command> --help/);
  });

  test("an unknown command points to --help", async () => {
    const run = await runCli(["nope"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown command 'nope'[\s\S]*--help/);
  });
});

describe("export", () => {
  test("README documents every flag", async () => {
    const readme = fs.readFileSync(path.join(__dirname, "../../../README.md"), "utf8");
    const flags = [...(await runCli(["export", "--help"])).stdout.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
    expect(flags.length).toBeGreaterThan(8);
    for (const flag of flags) expect(readme).toContain(flag);
  });

  test("without credentials, says which environment variables and flags it reads (not stack config)", async () => {
    const run = await runCli(["export"], { TWILIO_CONVERSATIONS_BASE_URL: "http://127.0.0.1:9" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Missing in the environment: TWILIO_ACCOUNT_SID (or --account-sid), TWILIO_AUTH_TOKEN");
    expect(run.stderr).toMatch(/TWILIO_API_KEY and TWILIO_API_SECRET/);
    expect(run.stderr).not.toMatch(/pulumi config/);
  });

  test("an API key without its secret names the missing variable", async () => {
    const run = await runCli(["export", "--account-sid", `AC${"1".repeat(32)}`], { TWILIO_API_KEY: `SK${"2".repeat(32)}` });
    expect(run.stderr).toContain("Missing in the environment: TWILIO_API_SECRET (TWILIO_API_KEY is set)");
  });

  test("an output in a folder that does not exist, or that is a folder, is refused before anything else", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-output-"));
    try {
      // No credentials at all: the output is checked first, so its message is the one shown.
      const missing = await runCli(["export", "--output", path.join(dir, "nope", "x.yaml")]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/--output .*x\.yaml cannot be created: .*nope does not exist or cannot be written to/);
      const folder = await runCli(["export", "--output", dir]);
      expect(folder.stderr).toMatch(/is a folder: give a file name/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("emulator", () => {
  test.each([["notaurl"], ["ftp://example.com"], ["http://localhost:4010/v1"]])("refuses --public-url %s", async (url) => {
    const run = await runCli(["emulator", "--public-url", url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/option '--public-url <url>' argument .* is invalid\. expected/);
  });
});
