import type { ChildProcess } from "node:child_process";
import * as path from "node:path";

import { status as grpcStatus } from "@grpc/grpc-js";

import { EngineLogService } from "./engine-service";
import { ProviderCallError, ProviderClient, ResourceInitError, type ResourceRef } from "./grpc-client";
import { HostProcess } from "./host-process";
import { findRepoRoot, linkPackageForHost } from "./link-package";
import { type Registration, type RegistrationResult, runProgram } from "./program-runner";
import { countSteps, formatCounts, formatStep } from "./reporter";
import { rewrapSecrets, secretKeysOf, unwrapSecrets, wrapSecret } from "./secrets";
import { StateStore } from "./state-store";
import { changedKeys, deletionOrder, planFromDiff } from "./step-planner";
import type { PropertyMap, RunKind, RunStep, RunSummary, StateFile, StateResource } from "./types";

/** Type tokens the dynamic-provider host serves; anything else is refused. */
const DYNAMIC_PREFIX = "pulumi-nodejs:dynamic";

/** How to build an {@link EngineStandIn}. */
export interface EngineOptions {
  /** Project name: the URN's project part and the namespace of unqualified config keys. */
  readonly project: string;
  readonly stack: string;
  /** JSON state file kept between runs (created on the first write). */
  readonly statePath: string;
  /**
   * Stack config, as in `Pulumi.<stack>.yaml`: `twilio:accountSid`, or a bare key which (like the
   * CLI) is namespaced with the project. Values are strings.
   */
  readonly config?: Readonly<Record<string, string>>;
  /** Config keys whose values are secret: they reach the provider as Pulumi secrets, and `pulumi.Config` treats them as secret. */
  readonly secretKeys?: readonly string[];
  /**
   * Extra environment for the host. Without `NODE_PATH` here, and when this file sits inside the
   * pulumi-twilio-conversations repo, the host gets a `NODE_PATH` holding a link to the repo (see
   * {@link linkPackageForHost}) so `require("pulumi-twilio-conversations/provider")` resolves.
   */
  readonly hostEnv?: NodeJS.ProcessEnv;
  /** Working directory of the host (default: this process's). */
  readonly hostCwd?: string;
  /** Receives each progress line (steps as they happen, host stderr, the summary). */
  readonly log?: (line: string) => void;
  /** Called with each host process once it listens; a test can keep it to kill it mid-operation. */
  readonly onHostStarted?: (child: ChildProcess) => void;
}

/** A run that failed; `summary` holds what was done before (state on disk matches it). */
export class EngineRunError extends Error {
  constructor(readonly summary: RunSummary) {
    super(`${summary.kind} failed:\n  ${summary.errors.join("\n  ")}`);
    this.name = "EngineRunError";
  }
}

/** Thrown into the program for registrations after the first failure: the engine issues no more steps. */
const ABORTED = "engine stand-in: skipped because an earlier step failed";

/** The mutable bookkeeping of one command. */
interface Run {
  readonly kind: RunKind;
  /** State as it evolves; saved after every step. */
  resources: StateResource[];
  /** URNs of custom resources registered by the program, in registration order. */
  readonly registered: string[];
  /** Steps keyed by registration index (so the summary follows the program, not completion order). */
  readonly programSteps: Map<number, RunStep>;
  readonly laterSteps: RunStep[];
  readonly errors: string[];
  /** Old copies of resources this run replaced create-before-delete: deleted at the end, not reported twice. */
  readonly replacedOlds: StateResource[];
}

/**
 * Plays the Pulumi engine for programs made of dynamic resources, so e2e tests and the offline demo
 * run them the way `pulumi up` does without the Pulumi CLI.
 *
 * The program runs in this process under `pulumi.runtime.setMocks` (a fresh SDK store per command);
 * every `pulumi-nodejs:dynamic` registration is forwarded over gRPC to one real dynamic-provider
 * host process (`@pulumi/pulumi/cmd/dynamic-provider`) started for the command and killed at its
 * end: Configure once with the whole stack config, then Check, Diff, Create, Update, Delete as the
 * engine orders them, and Read for refresh. State goes to a JSON file after every step.
 *
 * @example
 * ```ts
 * const engine = new EngineStandIn({ project: "demo", stack: "dev", statePath: "/tmp/dev.json",
 *   config: { "twilio-conversations:accountSid": sid, "twilio-conversations:authToken": token }, secretKeys: ["twilio-conversations:authToken"] });
 * const summary = await engine.up(() => { const c = new Conversation("support", {...}); return { sid: c.sid }; });
 * console.log(formatSummary(summary));   // throws EngineRunError (with .summary) when the run fails
 * ```
 */
export class EngineStandIn {
  private readonly store: StateStore;
  private readonly config: Record<string, string>;
  private readonly secretKeys: string[];
  private readonly hostEnv: NodeJS.ProcessEnv;
  private host: HostProcess | undefined;
  private hostReady: Promise<ProviderClient> | undefined;
  /** The Engine service of the running command: what the provider logs (warnings) lands there. */
  private engineService: EngineLogService | undefined;
  private busy = false;

  constructor(private readonly options: EngineOptions) {
    this.store = new StateStore(path.resolve(options.statePath), options.project, options.stack);
    const qualify = (k: string) => (k.includes(":") ? k : `${options.project}:${k}`);
    this.config = Object.fromEntries(Object.entries(options.config ?? {}).map(([k, v]) => [qualify(k), v]));
    this.secretKeys = (options.secretKeys ?? []).map(qualify);
    this.hostEnv = { ...options.hostEnv };
    if (this.hostEnv.NODE_PATH === undefined) {
      const repoRoot = findRepoRoot(__dirname);
      if (repoRoot) {
        this.hostEnv.NODE_PATH = linkPackageForHost(repoRoot);
      }
    }
    // The host reads the project from here for unqualified keys in `Config.get("key")`.
    this.hostEnv.PULUMI_NODEJS_PROJECT ??= options.project;
    this.hostEnv.PULUMI_NODEJS_STACK ??= options.stack;
  }

  /** Runs the program and applies its changes (`pulumi up`). Rejects with {@link EngineRunError} on failure. */
  up(program: () => unknown): Promise<RunSummary> {
    return this.command("up", (run) => this.runUp(run, program, false));
  }

  /** Runs the program and reports what `up` would do: Check and Diff only, nothing written (`pulumi preview`). */
  preview(program: () => unknown): Promise<RunSummary> {
    return this.command("preview", (run) => this.runUp(run, program, true));
  }

  /** Reads every resource in state and records drift; a blank id drops it (`pulumi refresh`). */
  refresh(): Promise<RunSummary> {
    return this.command("refresh", (run) => this.runRefresh(run));
  }

  /** Deletes every resource in state, dependents first (`pulumi destroy`). */
  destroy(): Promise<RunSummary> {
    return this.command("destroy", (run) => this.runDestroy(run));
  }

  /** The state file as it is on disk now. */
  readState(): StateFile {
    return this.store.load();
  }

  /** The running host process, if a command has started one. */
  get hostProcess(): ChildProcess | undefined {
    return this.host?.child;
  }

  /** Kills the host now (SIGKILL), e.g. in the middle of a Create; the running command then fails with state saved. */
  async killHost(): Promise<void> {
    await this.host?.kill();
  }

  // ---- one command -------------------------------------------------------------------------

  private async command(kind: RunKind, body: (run: Run) => Promise<Record<string, unknown>>): Promise<RunSummary> {
    if (this.busy) {
      throw new Error("engine stand-in: a command is already running on this instance");
    }
    // Read before taking the instance: an unreadable state file fails the command, nothing else.
    const resources = [...this.store.load().resources];
    this.busy = true;
    const run: Run = {
      kind,
      resources,
      registered: [],
      programSteps: new Map(),
      laterSteps: [],
      errors: [],
      replacedOlds: [],
    };
    let outputs: Record<string, unknown> = {};
    const engine = await EngineLogService.start((d) => this.log(`${d.severity}: ${d.message}`));
    this.engineService = engine;
    try {
      outputs = await body(run);
    } catch (e) {
      run.errors.push(e instanceof Error ? e.message : String(e));
    } finally {
      await this.stopHost();
      engine.close();
      this.engineService = undefined;
      this.busy = false;
    }
    const steps = [...[...run.programSteps.entries()].sort(([a], [b]) => a - b).map(([, s]) => s), ...run.laterSteps];
    const summary: RunSummary = {
      kind,
      steps,
      counts: countSteps(steps),
      outputs,
      ok: run.errors.length === 0,
      errors: run.errors,
      diagnostics: engine.diagnostics,
    };
    this.log(formatCounts(kind, summary.counts));
    for (const e of summary.errors) {
      this.log(`error: ${e}`);
    }
    if (!summary.ok) {
      throw new EngineRunError(summary);
    }
    return summary;
  }

  private async runUp(run: Run, program: () => unknown, preview: boolean): Promise<Record<string, unknown>> {
    const myErrors: string[] = [];
    const result = await runProgram(program, {
      project: this.options.project,
      stack: this.options.stack,
      preview,
      config: this.config,
      secretKeys: this.secretKeys,
      register: async (reg) => {
        try {
          return await this.register(run, reg, preview);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          if (message !== ABORTED) {
            myErrors.push(message);
            run.errors.push(message);
          }
          throw e;
        }
      },
    });
    // Program errors that merely carry a registration failure already reported are not repeated.
    for (const e of result.errors) {
      if (!e.message.includes(ABORTED) && !myErrors.some((m) => e.message.includes(m))) {
        run.errors.push(`program failed: ${e.message}`);
      }
    }
    if (run.errors.length > 0) {
      // The engine stops issuing steps at the first failure: no deletes after a failed run.
      return result.outputs;
    }
    const toDelete = run.resources.filter((r) => r.pendingDelete || !run.registered.includes(r.urn));
    for (const old of deletionOrder(toDelete)) {
      const replaced = run.replacedOlds.includes(old);
      const step: RunStep = { op: "delete", urn: old.urn, type: old.type, name: old.name };
      if (!replaced) {
        run.laterSteps.push(step);
      }
      if (preview) {
        this.logStep(step);
        continue;
      }
      await this.deleteResource(run, old);
      this.log(replaced ? `  -- delete-replaced  ${old.type}  ${old.name}` : `  ${formatStep(step)}`);
    }
    return result.outputs;
  }

  /** The engine's answer to one registration. */
  private async register(run: Run, reg: Registration, preview: boolean): Promise<RegistrationResult> {
    if (!reg.custom) {
      // Components (the stack included) have no provider; the engine just records them.
      return { id: "", outputs: {} };
    }
    if (run.errors.length > 0) {
      throw new Error(ABORTED);
    }
    if (!reg.type.startsWith(DYNAMIC_PREFIX)) {
      throw new Error(`${reg.type} ${reg.name}: the engine stand-in only runs dynamic resources (${DYNAMIC_PREFIX}...)`);
    }
    if (run.registered.includes(reg.urn)) {
      throw new Error(`Duplicate resource URN ${reg.urn}: two resources of the same type have the same name`);
    }
    const index = run.registered.push(reg.urn) - 1;
    const ref: ResourceRef = { urn: reg.urn, type: reg.type, name: reg.name };
    const secretInputs = secretKeysOf(reg.inputs);
    const news = unwrapSecrets(reg.inputs) as PropertyMap;
    const old = run.resources.find((r) => r.urn === reg.urn && !r.pendingDelete);
    const oldInputs = old ? (unwrapSecrets(old.inputs) as PropertyMap) : {};
    const client = await this.client();

    const checked = await this.calling(ref, "check", () => client.check(ref, oldInputs, news));
    if (checked.failures.length > 0) {
      const reasons = checked.failures.map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason));
      throw new Error(`${reg.type} ${reg.name}: check failed: ${reasons.join("; ")}`);
    }
    const inputs = checked.inputs;
    const stored = (id: string, outputs: PropertyMap): StateResource => ({
      urn: reg.urn,
      type: reg.type,
      name: reg.name,
      id,
      inputs: rewrapSecrets(inputs, secretInputs),
      outputs,
      dependencies: reg.dependencies,
      ...(reg.parent && reg.parent.split("::")[2] !== "pulumi:pulumi:Stack" ? { parent: reg.parent } : {}),
    });
    const record = (step: RunStep) => {
      run.programSteps.set(index, step);
      this.logStep(step);
    };
    const answer = (id: string, outputs: PropertyMap): RegistrationResult => ({ id, outputs: rewrapSecrets(outputs, secretInputs) });

    if (!old) {
      record({ op: "create", ...ref });
      if (preview) {
        // The host cannot preview a create: the engine answers with the inputs and the SDK marks the rest unknown.
        return answer("", inputs);
      }
      const created = await this.create(run, ref, inputs, stored);
      return answer(created.id, created.outputs);
    }

    const diff = await this.calling(ref, "diff", () =>
      client.diff(ref, old.id, unwrapSecrets(old.outputs) as PropertyMap, oldInputs, inputs),
    );
    const plan = planFromDiff(diff, oldInputs, inputs, {
      deleteBeforeReplace: reg.deleteBeforeReplace,
      replaceOnChanges: reg.replaceOnChanges,
    });
    if (plan.op === "same") {
      record({ op: "same", ...ref });
      if (!preview) {
        this.replaceEntry(run, old, stored(old.id, old.outputs));
      }
      return answer(old.id, unwrapSecrets(old.outputs) as PropertyMap);
    }
    record({ op: plan.op, ...ref, changed: plan.changed });
    if (preview) {
      return answer(plan.op === "update" ? old.id : "", inputs);
    }
    if (plan.op === "update") {
      try {
        const outputs = await client.update(ref, old.id, unwrapSecrets(old.outputs) as PropertyMap, oldInputs, inputs);
        this.replaceEntry(run, old, stored(old.id, outputs));
        return answer(old.id, outputs);
      } catch (e) {
        if (e instanceof ResourceInitError) {
          this.replaceEntry(run, old, stored(old.id, e.properties));
          throw new Error(partialMessage("updating", ref, e), { cause: e });
        }
        throw new Error(`${ref.type} ${ref.name}: update failed: ${await this.explain(e)}`, { cause: e });
      }
    }
    if (plan.deleteBeforeReplace) {
      await this.deleteResource(run, old);
      const created = await this.create(run, ref, inputs, stored);
      return answer(created.id, created.outputs);
    }
    // Create-before-delete: the old copy stays in state marked for deletion until the program ends.
    const pending: StateResource = { ...old, pendingDelete: true };
    run.replacedOlds.push(pending);
    this.replaceEntry(run, old, pending);
    const created = await this.create(run, ref, inputs, stored);
    return answer(created.id, created.outputs);
  }

  private async create(
    run: Run,
    ref: ResourceRef,
    inputs: PropertyMap,
    stored: (id: string, outputs: PropertyMap) => StateResource,
  ): Promise<{ id: string; outputs: PropertyMap }> {
    const client = await this.client();
    try {
      const created = await client.create(ref, inputs);
      run.resources.push(stored(created.id, created.outputs));
      this.save(run);
      return created;
    } catch (e) {
      if (e instanceof ResourceInitError) {
        // The resource exists: keep it, as the engine does, so the next run updates instead of orphaning it.
        run.resources.push(stored(e.id, e.properties));
        this.save(run);
        throw new Error(partialMessage("creating", ref, e), { cause: e });
      }
      throw new Error(`${ref.type} ${ref.name}: create failed: ${await this.explain(e)}`, { cause: e });
    }
  }

  private async deleteResource(run: Run, res: StateResource): Promise<void> {
    const client = await this.client();
    try {
      await client.delete(res, res.id, unwrapSecrets(res.outputs) as PropertyMap, unwrapSecrets(res.inputs) as PropertyMap);
    } catch (e) {
      throw new Error(`${res.type} ${res.name}: delete failed: ${await this.explain(e)}`, { cause: e });
    }
    run.resources = run.resources.filter((r) => r !== res);
    this.save(run);
  }

  private async runRefresh(run: Run): Promise<Record<string, unknown>> {
    for (const res of [...run.resources]) {
      const ref: ResourceRef = res;
      let read;
      try {
        read = await (
          await this.client()
        ).read(ref, res.id, unwrapSecrets(res.outputs) as PropertyMap, unwrapSecrets(res.inputs) as PropertyMap);
      } catch (e) {
        throw new Error(`${res.type} ${res.name}: read failed: ${await this.explain(e)}`, { cause: e });
      }
      const index = run.resources.indexOf(res);
      if (!read.id) {
        run.resources.splice(index, 1);
        this.save(run);
        this.laterStep(run, { op: "delete", urn: res.urn, type: res.type, name: res.name });
        continue;
      }
      const secretInputs = secretKeysOf(res.inputs);
      const inputs = read.inputs ? rewrapSecrets(read.inputs, secretInputs) : res.inputs;
      const drift = changedKeys(unwrapSecrets(res.outputs) as PropertyMap, read.outputs);
      run.resources[index] = { ...res, id: read.id, outputs: read.outputs, inputs };
      this.save(run);
      this.laterStep(
        run,
        drift.length > 0 || read.id !== res.id
          ? { op: "update", urn: res.urn, type: res.type, name: res.name, changed: drift }
          : { op: "same", urn: res.urn, type: res.type, name: res.name },
      );
    }
    return {};
  }

  private async runDestroy(run: Run): Promise<Record<string, unknown>> {
    for (const res of deletionOrder(run.resources)) {
      await this.deleteResource(run, res);
      this.laterStep(run, { op: "delete", urn: res.urn, type: res.type, name: res.name });
    }
    return {};
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The host's client, starting and configuring the host on first use in a command. */
  private client(): Promise<ProviderClient> {
    this.hostReady ??= (async () => {
      const host = await HostProcess.start({
        env: this.hostEnv,
        cwd: this.options.hostCwd,
        onStderr: (line) => this.log(`  host: ${line}`),
        engineAddress: this.engineService?.address,
      });
      this.host = host;
      this.options.onHostStarted?.(host.child);
      const client = new ProviderClient(host.address);
      // Exactly what the engine sends a dynamic provider: the whole stack config, secrets as secrets.
      const args: PropertyMap = {};
      for (const [k, v] of Object.entries(this.config)) {
        args[k] = this.secretKeys.includes(k) ? wrapSecret(v) : v;
      }
      await client.configure(args);
      return client;
    })();
    return this.hostReady;
  }

  private async stopHost(): Promise<void> {
    const ready = this.hostReady;
    this.hostReady = undefined;
    if (ready) {
      await ready.then((c) => c.close()).catch(() => undefined);
    }
    await this.host?.kill();
    this.host = undefined;
  }

  /** Runs one provider call, naming the resource and the call in its error. */
  private async calling<T>(ref: ResourceRef, what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      throw new Error(`${ref.type} ${ref.name}: ${what} failed: ${await this.explain(e)}`, { cause: e });
    }
  }

  /** A provider error, with the host's fate when it is gone (a killed host explains a dropped call). */
  private async explain(e: unknown): Promise<string> {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof ProviderCallError && e.code === grpcStatus.UNAVAILABLE) {
      // The connection drops a moment before the exit is reported: give the exit a chance to land.
      await this.host?.waitForExit(2000);
    }
    const status = this.host?.exitStatus;
    return status ? `${message} (the dynamic-provider host ${status})` : message;
  }

  private replaceEntry(run: Run, old: StateResource, next: StateResource): void {
    run.resources = run.resources.map((r) => (r === old ? next : r));
    this.save(run);
  }

  /** Saves in registration order: this run's resources first, then what it has not reached (yet). */
  private save(run: Run): void {
    const live = (urn: string) => run.resources.find((r) => r.urn === urn && !r.pendingDelete);
    const first = run.registered.map(live).filter((r): r is StateResource => r !== undefined);
    const rest = run.resources.filter((r) => !first.includes(r));
    run.resources = [...first, ...rest];
    this.store.save(run.resources);
  }

  private laterStep(run: Run, step: RunStep): void {
    run.laterSteps.push(step);
    this.logStep(step);
  }

  private logStep(step: RunStep): void {
    this.log(`  ${formatStep(step)}`);
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

function partialMessage(action: string, ref: ResourceRef, e: ResourceInitError): string {
  const reasons = e.reasons.length > 0 ? ` (${e.reasons.join("; ")})` : "";
  return `${ref.type} ${ref.name}: ${action} failed after the resource came to exist: ${e.message}${reasons}; it stays in state with id ${e.id}`;
}
