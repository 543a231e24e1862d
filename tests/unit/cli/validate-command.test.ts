import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { githubAnnotation } from "../../../cli/spec-input";
import { runCli } from "../../support/run-cli";
import { THREE_MISTAKES } from "../sdk/spec/fixtures";

let dir: string;
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "validate-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const DOC = THREE_MISTAKES;
const MG = `MG${"a".repeat(32)}`;

describe("validate", () => {
  test("text: each problem as file:line: path: message, a true count, exit 1", async () => {
    const file = write("three.yaml", DOC);
    const run = await runCli(["validate", file]);
    expect(run.code).toBe(1);
    const out = run.stdout.trimEnd().split("\n");
    expect(out).toEqual([
      expect.stringMatching(new RegExp(`^${file}:10: services\\.support\\.configuration\\.defaultConversationRole: "agnet" is not a key`)),
      `${file}:15: conversations.lobby.messagingServiceSid: uses parameter "mg", which has no value for this stack and no default: ` +
        "pass it with --parameters mg=<value> (or give it a default in the document's parameters)",
      `${file}:16: conversations.lobby.timers.closed: must be at least 10 minutes (got "PT5M")`,
      `${file}: 3 problems`,
    ]);
  });

  test("--parameters gives values (several after one flag, or the flag repeated); a valid document exits 0", async () => {
    const file = write("fixed.yaml", DOC.replace("agnet", "agent").replace("PT5M", "PT15M"));
    expect(await runCli(["validate", file, "--parameters", `mg=${MG}`])).toEqual({
      code: 0,
      stdout: `${file}: valid (4 entries)\n`,
      stderr: "",
    });
    const twice = await runCli(["validate", file, "--parameters", "other=x", "--parameters", `mg=${MG}`]);
    expect(twice.code).toBe(0);
    const wrong = await runCli(["validate", file, "--parameters", "mg=MG-not-a-sid"]);
    expect(wrong.stdout).toContain(`${file}:15: conversations.lobby.messagingServiceSid: must be a messaging service SID`);
    expect((await runCli(["validate", file, "--parameters", "mg"])).stderr).toMatch(/expected name=value/);
  });

  test("json: the problems and their count", async () => {
    const file = write("three-json.yaml", DOC);
    const run = await runCli(["validate", file, "--format", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ file, valid: false, count: 3 });
    expect(report.problems[2]).toEqual({
      file,
      line: 16,
      path: "conversations.lobby.timers.closed",
      message: 'must be at least 10 minutes (got "PT5M")',
    });
  });

  test("github: one workflow annotation per problem", async () => {
    const file = write("three-gh.yaml", DOC);
    const run = await runCli(["validate", file, "--format", "github"]);
    expect(run.code).toBe(1);
    const annotations = run.stdout.split("\n").filter((l) => l.startsWith("::error "));
    expect(annotations).toHaveLength(3);
    expect(annotations[2]).toBe(
      `::error file=${file.replace(/:/g, "%3A")},line=16,title=conversations.lobby.timers.closed::must be at least 10 minutes (got "PT5M")`,
    );
  });

  test("annotations escape what the workflow command syntax reserves (actions/toolkit's escaping)", () => {
    expect(githubAnnotation({ path: ["a", "b,c"], message: "50% done\nnext", line: 3 }, "dir:x/f,1.yaml")).toBe(
      '::error file=dir%3Ax/f%2C1.yaml,line=3,title=a."b%2Cc"::50%25 done%0Anext',
    );
  });

  test("a file that is not there", async () => {
    const run = await runCli(["validate", path.join(dir, "missing.yaml")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Cannot read .*missing\.yaml: no such file/);
  });
});
