/**
 * `@pulumi/pulumi` is a peer dependency, as in every Pulumi package: the program's own copy is the
 * one the package and the dynamic-provider host use. Its lowest supported version is 3.139.0, the
 * first whose Node.js dynamic providers get the stack config through `configure()` (pulumi/pulumi
 * #17697, in the 3.139.0 changelog); below it the provider would see only environment variables.
 *
 * The packed tarball goes into an app pinned to @pulumi/pulumi 3.139.0 (from the npm cache when it
 * has it): exactly one copy of @pulumi/pulumi is installed, that version, and under the real
 * engine a program whose credentials are in stack config only runs up and destroy through that
 * copy's dynamic-provider host. An app pinned below the range is refused by npm.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { describeRealEngine, emulatorConfig, ROOT, Sandbox, uniqueToken } from "./harness";

const run = promisify(execFile);
const LOWEST = "3.139.0";
/** Failures of `npm install` that mean "no network and not in the cache", not a broken package. */
const OFFLINE = /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET/;

const PROGRAM = `
const tc = require("pulumi-twilio-conversations");
const service = new tc.ConversationService("support", { friendlyName: "Support" });
new tc.GlobalConfiguration("account", { defaultChatServiceSid: service.sid });
const lobby = new tc.Conversation("lobby", { chatServiceSid: service.sid, uniqueName: "lobby" });
const routing = new tc.OrchestratorConfiguration("routing", {
  displayName: "routing",
  description: "",
  conversationGroupingType: "GROUP_BY_PROFILE",
  memoryStoreId: "mem_store_e2e",
  conversationsV1Bridge: { serviceId: service.sid },
});
// The SDK the program runs on; the launcher resolves the dynamic-provider host from the same folder.
const sdkVersion = require("@pulumi/pulumi/package.json").version;
module.exports = { lobbySid: lobby.sid, routingId: routing.configurationId, sdkVersion };
`;

/** Every installed copy of @pulumi/pulumi under `dir`: path and version. */
function copiesOfPulumi(dir: string): { path: string; version: string }[] {
  const found: { path: string; version: string }[] = [];
  const walk = (modules: string) => {
    if (!fs.existsSync(modules)) return;
    for (const entry of fs.readdirSync(modules)) {
      const scoped = entry.startsWith("@") ? fs.readdirSync(path.join(modules, entry)).map((e) => `${entry}/${e}`) : [entry];
      for (const name of scoped) {
        const pkg = path.join(modules, name);
        if (name === "@pulumi/pulumi") {
          found.push({
            path: path.relative(dir, pkg),
            version: (JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")) as { version: string }).version,
          });
        }
        walk(path.join(pkg, "node_modules"));
      }
    }
  };
  walk(path.join(dir, "node_modules"));
  return found;
}

async function npm(args: string[], cwd: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run("npm", args, { cwd, maxBuffer: 32 * 1024 * 1024 });
    return { ok: true, output: stdout + stderr };
  } catch (e) {
    return {
      ok: false,
      output: `${(e as { stdout?: string }).stdout ?? ""}${(e as { stderr?: string }).stderr ?? ""}${(e as Error).message}`,
    };
  }
}

let dir: string;
let app: string;
let installed: { ok: boolean; output: string } | undefined;
let offline: string | undefined;

beforeAll(async () => {
  expect(fs.existsSync(path.join(ROOT, "dist/sdk/index.js"))).toBe(true); // npm test builds first
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "peer-dependency-"));
  // --ignore-scripts: `prepare` would rebuild; the build under test is the one just made.
  await run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], { cwd: ROOT });
  const tarball = path.join(
    dir,
    fs.readdirSync(dir).find((f) => f.endsWith(".tgz"))!,
  );
  app = path.join(dir, "app");
  fs.mkdirSync(app);
  fs.writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify({
      name: "lowest-pulumi-app",
      private: true,
      dependencies: { "@pulumi/pulumi": LOWEST, "pulumi-twilio-conversations": `file:${tarball}` },
    }),
  );
  installed = await npm(["install", "--prefer-offline", "--no-audit", "--no-fund"], app);
  if (!installed.ok && OFFLINE.test(installed.output)) offline = installed.output.slice(-600);
}, 300_000);
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`the packed package in an app pinned to @pulumi/pulumi ${LOWEST}`, () => {
  test("declares @pulumi/pulumi as a peer dependency only", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string>>;
    expect(manifest.peerDependencies).toEqual({ "@pulumi/pulumi": `^${LOWEST}` });
    expect(manifest.dependencies).not.toHaveProperty("@pulumi/pulumi");
  });

  test("installs with exactly one copy of @pulumi/pulumi, the app's", () => {
    if (offline) return console.log(`skipped: npm install needs the network and the npm cache lacks a package:\n${offline}`);
    expect(installed?.output).toBeDefined();
    expect(installed!.ok).toBe(true);
    expect(copiesOfPulumi(app)).toEqual([{ path: "node_modules/@pulumi/pulumi", version: LOWEST }]);
    // And the package resolves it to that copy.
    const fromPackage = require.resolve("@pulumi/pulumi/package.json", {
      paths: [path.join(app, "node_modules/pulumi-twilio-conversations")],
    });
    expect(fs.realpathSync(fromPackage)).toBe(fs.realpathSync(path.join(app, "node_modules/@pulumi/pulumi/package.json")));
  });

  test("is refused by npm next to an @pulumi/pulumi below the range", async () => {
    if (offline) return console.log("skipped: offline (see above)");
    const older = path.join(dir, "older");
    fs.mkdirSync(older);
    const tarball = path.join(
      dir,
      fs.readdirSync(dir).find((f) => f.endsWith(".tgz"))!,
    );
    fs.writeFileSync(
      path.join(older, "package.json"),
      JSON.stringify({
        name: "older-pulumi-app",
        private: true,
        dependencies: { "@pulumi/pulumi": "3.138.0", "pulumi-twilio-conversations": `file:${tarball}` },
      }),
    );
    const result = await npm(["install", "--dry-run", "--prefer-offline", "--no-audit", "--no-fund"], older);
    if (!result.ok && OFFLINE.test(result.output)) return console.log(`skipped: offline:\n${result.output.slice(-400)}`);
    expect(result.ok).toBe(false);
    expect(result.output).toContain("ERESOLVE");
    expect(result.output).toContain(`peer @pulumi/pulumi@"^${LOWEST}"`);
  }, 120_000);
});

describeRealEngine(`Automation API: the packed package on @pulumi/pulumi ${LOWEST}`, (cli) => {
  const authToken = uniqueToken("peer");
  let emulator: RunningEmulator;
  let sandbox: Sandbox;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, authToken, operationDelayMs: 20, operationRetryAfterSeconds: 0 });
    sandbox = Sandbox.create(cli, "peer");
    sandbox.secrets.push(authToken);
    // Credentials come from stack config only: blank environment variables count as unset.
    Object.assign(sandbox.extraEnv, { TWILIO_ACCOUNT_SID: "", TWILIO_AUTH_TOKEN: "", TWILIO_API_KEY: "", TWILIO_API_SECRET: "" });
  });
  afterAll(async () => {
    await emulator?.close();
    sandbox?.dispose();
  });

  test("stack config reaches the providers through configure(): up, then destroy", async () => {
    if (offline) return console.log("skipped: offline (see above)");
    fs.writeFileSync(path.join(app, "index.js"), PROGRAM);
    fs.writeFileSync(
      path.join(app, "Pulumi.yaml"),
      "name: lowest-pulumi\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n",
    );
    const stack = await sandbox.localStack(app, "e2e", emulatorConfig(emulator));
    const up = await stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 5 });
    const state = emulator.state() as { v1: { conversations: { sid: string }[] }; v2: { configurations: { id: string }[] } };
    expect(state.v1.conversations.map((c) => c.sid)).toEqual([up.outputs.lobbySid!.value]);
    expect(state.v2.configurations.map((c) => c.id)).toEqual([up.outputs.routingId!.value]);
    expect(up.outputs.sdkVersion!.value).toBe(LOWEST);
    const destroy = await stack.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: 5 });
    expect(sandbox.leaks()).toEqual([]);
  }, 240_000);
});
