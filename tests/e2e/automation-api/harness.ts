/**
 * What every real-engine suite shares: the Pulumi CLI (engine-standin/pulumi-cli.ts), a sandbox per
 * test file (a temp folder holding a file backend, a PULUMI_HOME and the project folders), stacks
 * whose every run records the CLI's output and the engine's events, and the check that no secret
 * reached a file, a log or the CLI's output.
 *
 * Without a CLI the suites are skipped with the reason printed, except where one must be present
 * (`cliRequiredBecause`): there a missing CLI fails them.
 *
 * The CLI starts the dynamic-provider host (through the launcher) from the project folder, so each
 * project folder gets `node_modules` -> this repo's node_modules, which holds
 * `pulumi-twilio-conversations` (a link to the repo, scripts/link-self.js) and `@pulumi/pulumi`:
 * the host loads `pulumi-twilio-conversations/provider` from dist/ (build first).
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import {
  type ConfigMap,
  type DestroyOptions,
  type EngineEvent,
  LocalWorkspace,
  type OpType,
  type PreviewOptions,
  type ProjectSettings,
  type PulumiCommand,
  type PulumiFn,
  type RefreshOptions,
  type Stack,
  type UpOptions,
} from "@pulumi/pulumi/automation";

import {
  BUILD_COMMAND,
  cliRequiredBecause,
  findPulumiCli,
  type PulumiCli,
  pulumiCommand,
  scratchEnv,
} from "../../../engine-standin/pulumi-cli";

export const ROOT = path.resolve(__dirname, "../../..");

/** The CLI the suites run, if any. */
export const cli: PulumiCli | undefined = findPulumiCli();

/** The passphrase that encrypts each sandbox's stack secrets. */
const PASSPHRASE = "real-engine-passphrase";

/**
 * `describe` when a CLI is present. Otherwise one test that says why it did not run: it fails when
 * the CLI must be present here, and passes with the reason printed elsewhere (jest prints nothing
 * for a file whose tests are all skipped, so a skipped describe would hide the reason).
 */
export function describeRealEngine(title: string, body: (cli: PulumiCli) => void): void {
  if (cli) {
    describe(`${title} [pulumi ${cli.version} from ${cli.source}]`, () => body(cli));
    return;
  }
  const required = cliRequiredBecause();
  if (required) {
    test(`${title}: needs the Pulumi CLI`, () => {
      throw new Error(
        `No Pulumi CLI found (not on PATH, not in .tools/pulumi/bin), and it must be here because ${required}. ` +
          `Run \`${BUILD_COMMAND}\` (builds it from Go modules) or install it: https://www.pulumi.com/docs/install/`,
      );
    });
    return;
  }
  test(`${title}: skipped, no Pulumi CLI`, () => {
    console.log(`${title}: skipped: no pulumi on PATH (install it from https://www.pulumi.com/docs/install/, or run ${BUILD_COMMAND})`);
    expect(findPulumiCli()).toBeUndefined();
  });
}

/** One resource step the engine took, as its events report it. */
export interface Step {
  readonly op: OpType;
  readonly urn: string;
  readonly type: string;
  /** The resource's name (the URN's last part). */
  readonly name: string;
  /** `<Kind>/<name>` (`Conversation/lobby`): unique in these programs, where a service and its configuration share a name. */
  readonly key: string;
}

/** `<Kind>/<name>` of a URN: the type's last part and the URN's last part. */
export function keyOf(urn: string): string {
  const name = urn.slice(urn.lastIndexOf("::") + 2);
  const type = urn.slice(0, urn.lastIndexOf("::"));
  return `${type.slice(type.lastIndexOf(":") + 1)}/${name}`;
}

/** A stack in a sandbox; each run records its output in the sandbox and its steps here. */
export class RealStack {
  /** The engine's resource steps of the last run, in the order it started them. */
  steps: Step[] = [];
  /** The engine events of the last run. */
  events: EngineEvent[] = [];

  constructor(
    readonly stack: Stack,
    private readonly sandbox: Sandbox,
  ) {}

  get name(): string {
    return this.stack.name;
  }

  up(options: UpOptions = {}) {
    return this.stack.up(this.recording(options));
  }

  preview(options: PreviewOptions = {}) {
    return this.stack.preview(this.recording(options));
  }

  refresh(options: RefreshOptions = {}) {
    return this.stack.refresh(this.recording(options));
  }

  destroy(options: DestroyOptions = {}) {
    return this.stack.destroy(this.recording(options));
  }

  /** `pulumi stack export`: the checkpoint, resources first to last. */
  async resources(): Promise<StateEntry[]> {
    const deployment = await this.stack.exportStack();
    return ((deployment.deployment as { resources?: StateEntry[] }).resources ?? []).filter((r) =>
      r.type.startsWith("pulumi-nodejs:dynamic"),
    );
  }

  /** Runs `pulumi <args> --stack <this> --non-interactive` in its project folder, recording the output. */
  cli(args: string[]): Promise<CliResult> {
    return this.sandbox.run([...args, "--stack", this.name, "--non-interactive"], this.stack.workspace.workDir);
  }

  /** The options with every callback also recording into this stack and the sandbox. */
  private recording<T extends { onOutput?: (out: string) => void; onError?: (err: string) => void; onEvent?: (e: EngineEvent) => void }>(
    options: T,
  ): T {
    const steps: Step[] = [];
    const events: EngineEvent[] = [];
    this.steps = steps;
    this.events = events;
    return {
      ...options,
      onOutput: (out: string) => {
        this.sandbox.record(out);
        options.onOutput?.(out);
      },
      onError: (err: string) => {
        this.sandbox.record(err);
        options.onError?.(err);
      },
      onEvent: (event: EngineEvent) => {
        events.push(event);
        const m = event.resourcePreEvent?.metadata;
        if (m && !m.type.startsWith("pulumi:")) {
          steps.push({ op: m.op, urn: m.urn, type: m.type, name: m.urn.slice(m.urn.lastIndexOf("::") + 2), key: keyOf(m.urn) });
        }
        options.onEvent?.(event);
      },
    };
  }
}

/** What a CLI run printed and how it exited. */
export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** One resource of `pulumi stack export`. */
export interface StateEntry {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  protect?: boolean;
  retainOnDelete?: boolean;
  initErrors?: string[];
  pendingReplacement?: boolean;
  delete?: boolean;
}

/** A temp folder for one test file: file backend, PULUMI_HOME, project folders. */
export class Sandbox {
  /** Every chunk of CLI output any run printed. */
  readonly transcript: string[] = [];
  /** Values that must appear nowhere: not in files, logs or output. */
  readonly secrets: string[] = [];
  /** More environment for every CLI run (and so for its plugins); set before creating stacks. */
  readonly extraEnv: Record<string, string> = {};
  private pulumiCommand?: Promise<PulumiCommand>;

  private constructor(
    readonly dir: string,
    private readonly cli: PulumiCli,
  ) {}

  static create(cli: PulumiCli, label: string): Sandbox {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `real-engine-${label}-`));
    fs.mkdirSync(path.join(dir, "projects"));
    return new Sandbox(dir, cli);
  }

  /** The environment of every CLI run: this sandbox's home and backend, the passphrase, the CLI's folder first on PATH. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { ...scratchEnv(this.cli, this.dir, PASSPHRASE), ...this.extraEnv, ...extra };
  }

  /** The Automation API's handle on the CLI. */
  command(): Promise<PulumiCommand> {
    this.pulumiCommand ??= pulumiCommand(this.cli, this.dir);
    return this.pulumiCommand;
  }

  /** Runs `pulumi <args>` in `cwd` with this sandbox's environment, recording the output. */
  run(args: string[], cwd: string): Promise<CliResult> {
    return new Promise((resolve) => {
      execFile(
        this.cli.command,
        args,
        { cwd, env: { ...process.env, ...this.env() }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          this.record(stdout, stderr);
          resolve({ stdout, stderr, code: error ? (typeof error.code === "number" ? error.code : 1) : 0 });
        },
      );
    });
  }

  record(...chunks: string[]): void {
    this.transcript.push(...chunks);
  }

  /** A new project folder whose node_modules is this repo's (see the file comment). */
  projectDir(name: string): string {
    const dir = path.join(this.dir, "projects", `${name}-${randomUUID().slice(0, 8)}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    return dir;
  }

  /** A stack of an inline program (the program runs in this process, the engine in the CLI). */
  async inlineStack(options: {
    project: string;
    stack: string;
    program: PulumiFn;
    config?: ConfigMap;
    /** Project settings beyond the name and runtime (an example's Pulumi.yaml). */
    settings?: Partial<ProjectSettings>;
    /** A folder to run in (default: a new project folder). */
    workDir?: string;
  }): Promise<RealStack> {
    const workDir = options.workDir ?? this.projectDir(options.project);
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: options.stack, projectName: options.project, program: options.program },
      {
        workDir,
        pulumiCommand: await this.command(),
        projectSettings: { runtime: "nodejs", ...options.settings, name: options.project },
        envVars: this.env(),
      },
    );
    if (options.config) await stack.setAllConfig(options.config);
    return new RealStack(stack, this);
  }

  /** A stack of the project in `workDir` (its Pulumi.yaml; run by the Node.js language host). */
  async localStack(workDir: string, stackName: string, config?: ConfigMap): Promise<RealStack> {
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName, workDir },
      { pulumiCommand: await this.command(), envVars: this.env() },
    );
    if (config) await stack.setAllConfig(config);
    return new RealStack(stack, this);
  }

  /**
   * Every place a secret could leak to that holds one: each file under the sandbox (state,
   * backups, history, stack config files, logs in PULUMI_HOME) and the CLI output of every run.
   */
  leaks(): string[] {
    const found: string[] = [];
    const check = (where: string, text: string) => {
      for (const secret of this.secrets) if (text.includes(secret)) found.push(`${where} holds ${secret.slice(0, 6)}...`);
    };
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.isFile()) check(path.relative(this.dir, file), fs.readFileSync(file).toString("latin1"));
      }
    };
    walk(this.dir);
    check("the CLI output", this.transcript.join(""));
    return found;
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Stack config for the emulator: the shared credentials (secret password) and this package's base URL. */
export function emulatorConfig(emulator: { accountSid: string; authToken: string; url: string }): ConfigMap {
  return {
    "twilio:username": { value: emulator.accountSid },
    "twilio:password": { value: emulator.authToken, secret: true },
    "twilio-conversations:baseUrl": { value: emulator.url },
  };
}

/** A token no one else uses, so finding it anywhere means it leaked. */
export function uniqueToken(label: string): string {
  return `${label}-token-${randomUUID()}`;
}
