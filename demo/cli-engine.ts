/**
 * The demo's commands through the real Pulumi CLI (the Automation API over `pulumi` found on PATH
 * or built into `.tools/` by `npm run pulumi-cli`), in the same shapes the engine stand-in
 * reports: a {@link RunSummary} per command, the checkpoint as a {@link StateFile}. So the demo's
 * steps and checks run unchanged on either engine.
 *
 * Everything lives in the session's temp folder: a file backend, a PULUMI_HOME, stack secrets under
 * a passphrase, and a project folder whose `node_modules` is this repository's (it holds the link
 * to this package, scripts/link-self.js), from which the CLI starts the dynamic-provider host.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { type ConfigMap, type EngineEvent, LocalWorkspace, type OpType, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";

import { findRepoRoot, formatCounts, formatStep } from "../engine-standin";
import { type PulumiCli, pulumiCommand, scratchEnv } from "../engine-standin/pulumi-cli";
import type { RunCounts, RunKind, RunStep, RunSummary, StateFile, StateResource, StepOp } from "../engine-standin/types";

/** Encrypts the demo stack's secrets (a throwaway stack in a temp folder). */
const PASSPHRASE = "demo-passphrase";

/** A program as the examples export it: Pulumi calls it and exports what it returns. */
export type DemoProgram = () => unknown;

/** What the demo asks of an engine: the stand-in and the CLI both answer it. */
export interface DemoEngine {
  /** One line naming the engine, for the demo's output. */
  readonly label: string;
  up(program: DemoProgram): Promise<RunSummary>;
  refresh(): Promise<RunSummary>;
  destroy(): Promise<RunSummary>;
  state(): Promise<StateFile>;
}

/** The CLI's engine ops, as the stand-in names them (a replacement's three steps count as one). */
function stepOp(op: OpType): StepOp | undefined {
  switch (op) {
    case "create":
    case "update":
    case "delete":
    case "same":
      return op;
    case "replace":
    case "create-replacement":
      return "replace";
    default:
      return undefined; // read, refresh (handled by the caller), delete-replaced, discard, import...
  }
}

/** A stack of the demo's project, one per session, driven through the CLI. */
export class CliEngine implements DemoEngine {
  readonly label: string;
  private stack?: Stack;

  constructor(
    private readonly cli: PulumiCli,
    /** The session's temp folder: backend, home and project folder go here. */
    private readonly scratch: string,
    private readonly project: string,
    private readonly stackName: string,
    /** The stack config as `pulumi config set` would hold it, read before every command. */
    private readonly config: () => ConfigMap,
    private readonly log?: (line: string) => void,
  ) {
    this.label = `the Pulumi CLI ${cli.version} (${cli.source === "PATH" ? "from PATH" : "built by npm run pulumi-cli"})`;
  }

  async up(program: DemoProgram): Promise<RunSummary> {
    const stack = await this.stackFor(program);
    return this.run("up", (onEvent, onOutput) => stack.up({ onEvent, onOutput }));
  }

  async refresh(): Promise<RunSummary> {
    const stack = await this.stackFor();
    return this.run("refresh", (onEvent, onOutput) => stack.refresh({ onEvent, onOutput }));
  }

  async destroy(): Promise<RunSummary> {
    const stack = await this.stackFor();
    return this.run("destroy", (onEvent, onOutput) => stack.destroy({ onEvent, onOutput }));
  }

  /** `pulumi stack export`, as the stand-in's state file. */
  async state(): Promise<StateFile> {
    const stack = await this.stackFor();
    const deployment = (await stack.exportStack()).deployment as { resources?: CheckpointResource[] };
    const resources: StateResource[] = (deployment.resources ?? [])
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"))
      .map((r) => ({
        urn: r.urn,
        type: r.type,
        name: r.urn.slice(r.urn.lastIndexOf("::") + 2),
        id: r.id ?? "",
        inputs: (r.inputs ?? {}) as StateResource["inputs"],
        outputs: (r.outputs ?? {}) as StateResource["outputs"],
        dependencies: r.dependencies ?? [],
        ...(r.parent ? { parent: r.parent } : {}),
      }));
    return { version: 1, project: this.project, stack: this.stackName, resources };
  }

  /** The stack, created on first use, with the program to run (an inline program) and the current config. */
  private async stackFor(program?: DemoProgram): Promise<Stack> {
    if (!this.stack) {
      const workDir = path.join(this.scratch, "project");
      fs.mkdirSync(workDir, { recursive: true });
      const root = findRepoRoot(__dirname);
      if (!root) throw new Error("the demo runs from a clone of the repository (its node_modules holds the package)");
      fs.symlinkSync(path.join(root, "node_modules"), path.join(workDir, "node_modules"), "dir");
      this.stack = await LocalWorkspace.createOrSelectStack(
        { stackName: this.stackName, projectName: this.project, program: (program ?? (() => ({}))) as PulumiFn },
        {
          workDir,
          pulumiCommand: await pulumiCommand(this.cli, this.scratch),
          projectSettings: { name: this.project, runtime: "nodejs" },
          envVars: scratchEnv(this.cli, this.scratch, PASSPHRASE),
        },
      );
    } else if (program) {
      this.stack.workspace.program = program as PulumiFn;
    }
    await this.stack.setAllConfig(this.config());
    return this.stack;
  }

  /** Runs one command, turning the engine's events into the stand-in's summary. */
  private async run(
    kind: RunKind,
    command: (
      onEvent: (e: EngineEvent) => void,
      onOutput: (out: string) => void,
    ) => Promise<{ outputs?: Record<string, { value: unknown }>; summary: { resourceChanges?: Record<string, number> } }>,
  ): Promise<RunSummary> {
    const steps: RunStep[] = [];
    // A step's changed properties come with the event that announces it; its outcome with the one
    // that ends it.
    const planned = new Map<string, string[]>();
    const onEvent = (event: EngineEvent) => {
      const pre = event.resourcePreEvent?.metadata;
      // Refresh compares what was recorded with what was read: outputs; the other commands, inputs.
      const compared = kind === "refresh" ? "outputs" : "inputs";
      if (pre)
        planned.set(pre.urn, [
          ...(planned.get(pre.urn) ?? []),
          ...(pre.diffs ?? []),
          ...changedKeys(pre.old?.[compared], pre.new?.[compared]),
        ]);
      const m = event.resOutputsEvent?.metadata;
      if (!m || m.type.startsWith("pulumi:")) return;
      const name = m.urn.slice(m.urn.lastIndexOf("::") + 2);
      const drifted = kind === "refresh" ? changedKeys(m.old?.outputs, m.new?.outputs) : [];
      const changed = [...new Set([...(planned.get(m.urn) ?? []), ...(m.diffs ?? []), ...drifted])].sort();
      // Refresh reports its steps as `refresh` (or `update`): an update where something drifted.
      const op = kind === "refresh" ? (changed.length > 0 ? "update" : "same") : stepOp(m.op);
      if (!op) return;
      steps.push({ op, urn: m.urn, type: m.type, name, ...(changed.length > 0 ? { changed } : {}) });
    };
    // The CLI's own output is shown only when a command fails (the error carries it); on success the
    // demo prints the steps and counts in the stand-in's words, so both engines read alike.
    const onOutput = () => undefined;
    const result = await command(onEvent, onOutput);
    const counts: RunCounts = { create: 0, update: 0, replace: 0, delete: 0, same: 0 };
    for (const step of steps) {
      counts[step.op]++;
      this.log?.(`  ${formatStep(step)}`);
    }
    this.log?.(formatCounts(kind, counts));
    const outputs = Object.fromEntries(Object.entries(result.outputs ?? {}).map(([k, v]) => [k, v.value]));
    return { kind, steps, counts, outputs, ok: true, errors: [], diagnostics: [] };
  }
}

/**
 * The top-level properties that differ between two property bags, `__provider` aside: what the
 * engine shows as changed when the provider's diff names none (the dynamic-provider host's never
 * does), as the stand-in computes it.
 */
function changedKeys(olds: Record<string, unknown> | undefined, news: Record<string, unknown> | undefined): string[] {
  if (!olds || !news) return [];
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  keys.delete("__provider");
  return [...keys].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
}

/** One resource of a `pulumi stack export` checkpoint: the fields the demo reads. */
interface CheckpointResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  dependencies?: string[];
  parent?: string;
}
