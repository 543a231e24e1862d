/**
 * What the real Pulumi engine costs, as ratios to baselines measured in the same run:
 * - the real-engine suite (tests/e2e/automation-api) against the stand-in e2e suites, each a jest
 *   run with the project's two workers;
 * - `up` of a stack of 1,000 conversations through the real engine against the same stack through
 *   the engine stand-in, and against the engine's own floor: the same number of resources through
 *   the real engine with a dynamic provider that does nothing (no request, no validation).
 *
 * Needs a Pulumi CLI (engine-standin/pulumi-cli.ts); without one it says why and measures nothing.
 * Each run is bounded in time; the emulator runs in this process for every variant.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace, type PulumiFn } from "@pulumi/pulumi/automation";

import { type RunningEmulator, startEmulator } from "../emulator";
import { EngineStandIn, findRepoRoot } from "../engine-standin";
import { findPulumiCli, type PulumiCli, pulumiCommand, scratchEnv } from "../engine-standin/pulumi-cli";
import * as tc from "../sdk";
import type { BenchResult } from "./report";

/** Resources in the large stack (`BENCH_RESOURCES` changes it, e.g. for a quick look). */
const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 1_000);
/** No single run may take longer than this. */
const RUN_LIMIT_MS = 20 * 60_000;
const ROOT = findRepoRoot(__dirname)!;

/** What the benchmark measured, or why it did not. */
export interface RealEngineBench {
  results: BenchResult[];
  skipped?: string;
}

export async function benchRealEngine(): Promise<RealEngineBench> {
  const cli = findPulumiCli();
  if (!cli) return { results: [], skipped: "no Pulumi CLI on PATH or in .tools/pulumi/bin (npm run pulumi-cli builds one)" };
  const results: BenchResult[] = [];

  const suite = await jestWallTime(["tests/e2e/automation-api"]);
  const standInSuites = await jestWallTime(["tests/e2e/engine", "tests/e2e/resources", "tests/e2e/clone"]);
  results.push({
    name: `real-engine suite (tests/e2e/automation-api, pulumi ${cli.version}): wall time`,
    baseline: `${seconds(standInSuites)} (stand-in e2e suites: engine, resources, clone)`,
    measured: seconds(suite),
    ratio: suite / standInSuites,
  });

  const real = await upThroughCli(cli, "conversations", conversations);
  const floor = await upThroughCli(cli, "do-nothing", doNothing);
  const standIn = await upThroughStandIn();
  const label = `up of ${RESOURCES.toLocaleString("en-US")} resources`;
  results.push(
    {
      name: `${label}: real engine vs stand-in`,
      baseline: `${seconds(standIn)} (stand-in)`,
      measured: seconds(real),
      ratio: real / standIn,
    },
    {
      name: `${label}: real engine vs its floor`,
      baseline: `${seconds(floor)} (real engine, do-nothing dynamic provider)`,
      measured: seconds(real),
      ratio: real / floor,
    },
    {
      name: `${label}: stand-in vs the real engine's floor`,
      baseline: `${seconds(floor)} (real engine, do-nothing dynamic provider)`,
      measured: seconds(standIn),
      ratio: standIn / floor,
    },
  );
  return { results };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The large stack: one service and conversations in it, each a request to the emulator. */
async function conversations(): Promise<Record<string, unknown>> {
  const service = new tc.ConversationService("bench", { friendlyName: "Bench" });
  for (let i = 1; i < RESOURCES; i++) new tc.Conversation(`c${i}`, { chatServiceSid: service.sid, uniqueName: `c${i}` });
  return {};
}

/** The same number of resources, with a provider that answers at once: what the engine itself costs. */
const nothing: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: String(inputs.uniqueName), outs: inputs };
  },
};
class Nothing extends pulumi.dynamic.Resource {
  constructor(name: string) {
    super(nothing, name, { uniqueName: name }, {}, "bench", "Nothing");
  }
}
async function doNothing(): Promise<Record<string, unknown>> {
  for (let i = 0; i < RESOURCES; i++) new Nothing(`c${i}`);
  return {};
}

async function withEmulator<T>(run: (emulator: RunningEmulator, scratch: string) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ port: 0 });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-real-engine-"));
  try {
    return await run(emulator, scratch);
  } finally {
    await emulator.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Wall time of one `pulumi up` (no preview) of `program` as an inline program, file backend. */
function upThroughCli(cli: PulumiCli, project: string, program: PulumiFn): Promise<number> {
  return withEmulator(async (emulator, scratch) => {
    const workDir = path.join(scratch, "project");
    fs.mkdirSync(workDir);
    // The dynamic-provider host starts here and loads the package by name (see architecture.md).
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(workDir, "node_modules"), "dir");
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "bench", projectName: project, program },
      {
        workDir,
        pulumiCommand: await pulumiCommand(cli, scratch),
        projectSettings: { name: project, runtime: "nodejs" },
        envVars: scratchEnv(cli, scratch, "bench"),
      },
    );
    await stack.setAllConfig({
      "twilio:username": { value: emulator.accountSid },
      "twilio:password": { value: emulator.authToken, secret: true },
      "twilio-conversations:baseUrl": { value: emulator.url },
    });
    const started = performance.now();
    const up = await stack.up({ signal: AbortSignal.timeout(RUN_LIMIT_MS) });
    const elapsed = performance.now() - started;
    if (up.summary.resourceChanges?.create !== RESOURCES + 1) {
      throw new Error(`${project}: expected ${RESOURCES + 1} creates, got ${JSON.stringify(up.summary.resourceChanges)}`);
    }
    return elapsed;
  });
}

/** Wall time of the same `up` through the engine stand-in. */
function upThroughStandIn(): Promise<number> {
  return withEmulator(async (emulator, scratch) => {
    const engine = new EngineStandIn({
      project: "conversations",
      stack: "bench",
      statePath: path.join(scratch, "state.json"),
      config: {
        "twilio:username": emulator.accountSid,
        "twilio:password": emulator.authToken,
        "twilio-conversations:baseUrl": emulator.url,
      },
      secretKeys: ["twilio:password"],
    });
    const started = performance.now();
    const summary = await Promise.race([
      engine.up(conversations),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("stand-in up ran out of time")), RUN_LIMIT_MS).unref()),
    ]);
    const elapsed = performance.now() - started;
    if (summary.counts.create !== RESOURCES)
      throw new Error(`stand-in: expected ${RESOURCES} creates, got ${JSON.stringify(summary.counts)}`);
    return elapsed;
  });
}

/** Wall time of jest over `paths` (the project's config: two workers), failing if the tests do. */
function jestWallTime(paths: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/jest/bin/jest.js"), "--silent", ...paths], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill("SIGTERM"), RUN_LIMIT_MS);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`jest ${paths.join(" ")} exited ${code}:\n${stderr}`));
    });
  });
}
