/**
 * The package as a user gets it: `npm pack`, then `npm install <tarball>` into a fresh folder with
 * a small program, run through the engine stand-in against the emulator, both from that folder.
 * Nothing in the folder links back to this repo, so a file missing from the tarball, a dependency
 * missing from package.json, or a `__provider` that only works in-repo fails here.
 *
 * Runs after the build (`npm test` builds first): the tarball packs the current dist/.
 */
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

import { DEFAULT_SCHEMA_REF } from "../../../cli/export/format";
import { installApp, packInto, ROOT } from "../../support/packed-app";

const FIXTURE = path.join(__dirname, "fixture");
const ENGINE_DIST = path.join(ROOT, "dist/engine-standin");

interface Step {
  label: string;
  counts: Record<string, number>;
  outputs: Record<string, string>;
  state: { resources: { type: string; name: string; id: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }[] };
  emulator: { v1: { services: { sid: string }[]; conversations: { sid: string }[] }; v2: { configurations: { id: string }[] } };
}
interface Result {
  resolved: { sdk: string; provider: string; host: string };
  nodePath: string | null;
  steps: Step[];
}

function runNode(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the packed tarball, installed into a fresh folder", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-packed-install-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("installs offline from the cache, and a program runs up, up, destroy through its own host", async () => {
    const tarball = await packInto(dir);
    const app = path.join(dir, "packed-install-app");
    const offline = await installApp(app, [tarball]);
    if (offline) {
      console.log(`skipped: ${offline}`);
      return;
    }
    const installed = path.join(app, "node_modules/pulumi-twilio-conversations");
    expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false); // a copy, not a link to this repo
    // The command is the package's name (what `npx pulumi-twilio-conversations` runs), and the
    // `$schema` line an export writes resolves from the project's folder.
    const bin = path.join(app, "node_modules", ".bin", "pulumi-twilio-conversations");
    const version = await promisify(execFile)(process.execPath, [bin, "--version"], { cwd: app });
    expect(version.stdout.trim()).toBe(
      (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version,
    );
    expect(fs.existsSync(path.join(app, DEFAULT_SCHEMA_REF))).toBe(true);

    // The stand-in's compiled files go next to the program, so they load this folder's @pulumi/pulumi
    // (the program's copy) and start this folder's dynamic-provider host.
    fs.mkdirSync(path.join(app, "engine"));
    for (const f of fs.readdirSync(ENGINE_DIST).filter((f) => f.endsWith(".js"))) {
      fs.copyFileSync(path.join(ENGINE_DIST, f), path.join(app, "engine", f));
    }
    for (const f of ["program.js", "run.js"]) {
      fs.copyFileSync(path.join(FIXTURE, f), path.join(app, f));
    }

    const env = { ...process.env };
    delete env.NODE_PATH; // no way back to the repo
    const out = await runNode("run.js", app, env);
    const line = out.stdout.split("\n").find((l) => l.startsWith("RESULT "));
    if (out.code !== 0 || !line) {
      throw new Error(`run.js exited ${out.code}:\n${out.stdout.slice(-3000)}\n${out.stderr.slice(-3000)}`);
    }
    const result = JSON.parse(line.slice("RESULT ".length)) as Result;

    // Everything resolved inside the folder.
    expect(result.nodePath).toBeNull();
    for (const p of Object.values(result.resolved)) {
      expect(p.startsWith(fs.realpathSync(app)) || p.startsWith(app)).toBe(true);
      expect(p.startsWith(ROOT + path.sep)).toBe(false);
    }

    const [up, again, destroy] = result.steps;
    expect(up!.counts).toMatchObject({ create: 3 });
    expect(again!.counts).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0, same: 3 });
    expect(destroy!.counts).toMatchObject({ delete: 3 });
    expect(up!.emulator.v1.services.map((s) => s.sid)).toContain(up!.outputs.serviceSid);
    expect(up!.emulator.v1.conversations.map((c) => c.sid)).toEqual([up!.outputs.lobbySid]);
    expect(up!.emulator.v2.configurations.map((c) => c.id)).toEqual([up!.outputs.routingId]);
    expect(destroy!.state.resources).toEqual([]);
    expect(destroy!.emulator.v1.conversations).toEqual([]);
    expect(destroy!.emulator.v2.configurations).toEqual([]);
    expect(destroy!.emulator.v1.services.map((s) => s.sid)).not.toContain(up!.outputs.serviceSid);

    // Installed under node_modules, __provider is the kind's module captured by name: a few hundred
    // bytes, the same text for every resource of a kind, and no path of this repo or the temp folder.
    const byKind = new Map<string, string>();
    for (const r of up!.state.resources) {
      const provider = String(r.outputs.__provider);
      const kind = r.type.slice(r.type.lastIndexOf(":") + 1);
      expect(provider).toContain(`require("pulumi-twilio-conversations/provider/kinds/${kind}")`);
      expect(provider).not.toContain(ROOT);
      expect(provider).not.toContain(dir);
      expect(Buffer.byteLength(provider)).toBeLessThanOrEqual(512);
      expect(String(r.inputs.__provider)).toBe(provider);
      expect(byKind.get(kind) ?? provider).toBe(provider);
      byKind.set(kind, provider);
    }
  }, 240_000);
});
