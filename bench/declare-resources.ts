/**
 * What declaring 1,000 resources costs the user's program, the way a user gets the package: `npm
 * pack` of this build installed into a fresh folder, so Pulumi's closure serializer finds each
 * kind's provider module under `node_modules` and captures it by name (sdk/shim.ts `shimFor`).
 *
 * The same 1,000 resources (10 services, each with a role, its configuration and 96 conversations;
 * the account configuration; 9 orchestrator configurations) are declared in a child process under
 * Pulumi's SDK mocks (`pulumi.runtime.setMocks`: the program side only, no engine), two ways:
 * - measured: this package's classes (`new tc.Conversation(...)`);
 * - baseline: `new pulumi.dynamic.Resource(provider, ...)` with the same type tokens and the same
 *   properties (the arguments, and every declared output as an undefined input, which is how a
 *   dynamic resource exposes an output: read off the classes by a first child, `keys`), and one
 *   provider object per kind, made once by the program: the least a dynamic resource can cost,
 *   since Pulumi serializes a provider once per object (`@pulumi/pulumi` dynamic/index.js
 *   `providerCache`). The state both register is the same but for `__provider`.
 * Time runs from the first declaration until every resource is registered (its `__provider`
 * serialized), counted as the child's CPU time (user + system: the program's own work, which other
 * processes on a shared machine stretch less than wall time; wall time is shown beside it); memory
 * is the heap retained then, after a full GC. Each figure is the median of five child processes
 * per way, run alternately. Also reported: the `__provider` text each kind
 * stores, against the 1.5 KB 0.1.0 stored (tests/fixtures/shim-v0.json).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { installApp, packInto, ROOT } from "../tests/support/packed-app";
import type { BenchResult } from "./report";

const ROUNDS = 5;

/** What one child process reports. */
interface Declared {
  resources: number;
  /** Wall time. */
  ms: number;
  /** CPU time of the child (user + system): the work itself, less sensitive to other load on the machine. */
  cpuMs: number;
  heapBytes: number;
  /** Kind -> byte lengths of the distinct `__provider` texts its resources carried. */
  providerBytes: Record<string, number[]>;
}

/** The program, run in the installed folder as `node declare.js package|baseline`. Plain JS: it must not see this repo. */
const PROGRAM = String.raw`"use strict";
const pulumi = require("@pulumi/pulumi");
const tc = require("pulumi-twilio-conversations");
const mode = process.argv[2];
const texts = {};
pulumi.runtime.setMocks(
  {
    newResource(args) {
      const kind = args.type.slice(args.type.lastIndexOf(":") + 1);
      (texts[kind] = texts[kind] || new Set()).add(args.inputs.__provider);
      return { id: args.name, state: { ...args.inputs, sid: "IS" + "0".repeat(32), configurationId: "conv_configuration_" + args.name } };
    },
    call: () => ({}),
  },
  "bench",
  "dev",
  false,
);
const kinds = ["ConversationService", "ServiceRole", "ServiceConfiguration", "Conversation", "GlobalConfiguration", "OrchestratorConfiguration"];
const keys = mode === "baseline" ? JSON.parse(process.env.BENCH_KEYS) : {};
const providers = {};
const plain = (kind) => (name, args) =>
  new pulumi.dynamic.Resource(
    (providers[kind] = providers[kind] || { async create(inputs) { return { id: name, outs: inputs }; } }),
    name,
    { ...Object.fromEntries(keys[kind].map((p) => [p, undefined])), ...args },
    undefined,
    "twilio-conversations",
    kind,
  );
const make = Object.fromEntries(kinds.map((k) => [k, mode === "package" ? (name, args) => new tc[k](name, args) : plain(k)]));

/** The properties each class registers: a dynamic resource gets one own property per input. */
async function printKeys() {
  const made = Object.fromEntries(kinds.map((k) => [k, new tc[k]("keys-" + k, {})]));
  await Promise.all(Object.values(made).map((r) => new Promise((resolve) => r.urn.apply(resolve))));
  const own = (r) => Object.keys(r).filter((p) => !p.startsWith("__") && p !== "urn" && p !== "id");
  console.log("KEYS " + JSON.stringify(Object.fromEntries(Object.entries(made).map(([k, r]) => [k, own(r)]))));
}

async function main() {
  if (mode === "keys") return printKeys();
  global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const all = [];
  const add = (r) => (all.push(r), r);
  let first;
  for (let s = 0; s < 10; s++) {
    const service = add(make.ConversationService("service-" + s, { friendlyName: "Service " + s }));
    first = first || service;
    const role = add(make.ServiceRole("role-" + s, { chatServiceSid: service.sid, friendlyName: "agent", type: "conversation", permissions: ["sendMessage"] }));
    add(make.ServiceConfiguration("service-configuration-" + s, { chatServiceSid: service.sid, defaultConversationRoleSid: role.sid }));
    for (let c = 0; c < 96; c++) {
      add(make.Conversation("conversation-" + s + "-" + c, { chatServiceSid: service.sid, uniqueName: "c-" + s + "-" + c, friendlyName: "Conversation " + c, attributes: { n: c } }));
    }
  }
  add(make.GlobalConfiguration("account", { defaultChatServiceSid: first.sid, defaultClosedTimer: "P1D" }));
  for (let o = 0; o < 9; o++) {
    add(make.OrchestratorConfiguration("routing-" + o, { displayName: "routing-" + o, description: "bench", conversationGroupingType: "GROUP_BY_PROFILE", memoryStoreId: "mem_store_bench" }));
  }
  await Promise.all(all.map((r) => new Promise((resolve) => r.urn.apply(resolve))));
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  global.gc();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;
  const providerBytes = Object.fromEntries(Object.entries(texts).map(([k, set]) => [k, [...set].map((t) => Buffer.byteLength(String(t)))]));
  console.log("RESULT " + JSON.stringify({ resources: all.length, ms, cpuMs, heapBytes, providerBytes }));
  // Keep every resource reachable until the heap was measured.
  if (all.length === 0) console.log("");
}
main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
`;

/** Runs `declare.js <mode>` in the app folder; resolves with its stdout line that starts with `tag`. */
function runChild(app: string, mode: string, tag: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const childEnv = { ...process.env, ...env };
    delete childEnv.NODE_PATH;
    const child = spawn(process.execPath, ["--expose-gc", "declare.js", mode], {
      cwd: app,
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => {
      const line = stdout.split("\n").find((l) => l.startsWith(`${tag} `));
      if (code !== 0 || !line) reject(new Error(`declare.js ${mode} exited ${code}: ${stderr.slice(-2000)}`));
      else resolve(line.slice(tag.length + 1));
    });
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchDeclareResources(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-declare-"));
  try {
    const tarball = await packInto(dir);
    const app = path.join(dir, "declare-app");
    const offline = await installApp(app, [tarball]);
    if (offline) throw new Error(`cannot install the packed package for the declare bench: ${offline}`);
    fs.writeFileSync(path.join(app, "declare.js"), PROGRAM);

    const keys = await runChild(app, "keys", "KEYS");
    const declared = async (mode: "package" | "baseline") =>
      JSON.parse(await runChild(app, mode, "RESULT", { BENCH_KEYS: keys })) as Declared;
    const runs: Record<"package" | "baseline", Declared[]> = { package: [], baseline: [] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.baseline.push(await declared("baseline"));
      runs.package.push(await declared("package"));
    }
    const count = runs.package[0]!.resources;
    const ms = (mode: "package" | "baseline") => median(runs[mode].map((r) => r.ms));
    const cpuMs = (mode: "package" | "baseline") => median(runs[mode].map((r) => r.cpuMs));
    const heap = (mode: "package" | "baseline") => median(runs[mode].map((r) => r.heapBytes));
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

    const perKind = runs.package[0]!.providerBytes;
    for (const [kind, sizes] of Object.entries(perKind)) {
      if (sizes.length !== 1)
        throw new Error(`${kind} resources carried ${sizes.length} different __provider texts; expected one per kind`);
    }
    const v0 = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/shim-v0.json"), "utf8")) as Record<string, string>;
    const largest = (sizes: Record<string, number>) => Math.max(...Object.values(sizes));
    const now = Object.fromEntries(Object.entries(perKind).map(([k, [size]]) => [k, size!]));
    const before = Object.fromEntries(Object.entries(v0).map(([k, text]) => [k, Buffer.byteLength(text)]));
    return [
      {
        name: `declare ${count} resources: program CPU time (tarball, SDK mocks)`,
        baseline: `${cpuMs("baseline").toFixed(0)} ms, wall ${ms("baseline").toFixed(0)} ms (dynamic.Resource, one provider object per kind)`,
        measured: `${cpuMs("package").toFixed(0)} ms, wall ${ms("package").toFixed(0)} ms (the package's classes)`,
        ratio: cpuMs("package") / cpuMs("baseline"),
      },
      {
        name: `declare ${count} resources: heap retained`,
        baseline: mb(heap("baseline")),
        measured: mb(heap("package")),
        ratio: heap("package") / heap("baseline"),
      },
      {
        name: "__provider bytes per resource, largest kind (one text per kind)",
        baseline: `${largest(before)} B (0.1.0's by-value shim)`,
        measured: `${largest(now)} B (${Object.entries(now)
          .map(([k, size]) => `${k} ${size}`)
          .join(", ")})`,
        ratio: largest(now) / largest(before),
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
