import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../emulator";
import { EngineStandIn } from "../engine-standin";
import { findPulumiCli, type PulumiCli } from "../engine-standin/pulumi-cli";
import { CliEngine, type DemoEngine, type DemoProgram } from "./cli-engine";

/** The example's Pulumi project name: unqualified config keys (`lobbyFriendlyName`) live under it. */
export const DEMO_PROJECT = "account-setup";
export const DEMO_STACK = "demo";
/** The memory store the example's orchestrator configuration points at (the emulator takes any id). */
export const DEMO_MEMORY_STORE_ID = "mem_store_demo";

/** How to start a {@link DemoSession}. */
export interface DemoSessionOptions {
  /** Receives the engine's progress lines (steps, host stderr, summaries). */
  readonly log?: (line: string) => void;
  /**
   * Emulator options over the demo's defaults. The defaults keep v2 operations short (200 ms) so
   * the demo still shows a real wait on an asynchronous write without making anyone wait long.
   */
  readonly emulator?: EmulatorOptions;
  /**
   * Which engine runs the commands: `"cli"` the real Pulumi CLI (an error when none is found),
   * `"standin"` the project's engine stand-in. Default: the CLI when one is found (`pulumi` on PATH,
   * or `.tools/pulumi/bin` after `npm run pulumi-cli`), else the stand-in; the environment variable
   * `TWILIO_CONVERSATIONS_DEMO_ENGINE` (`cli` or `standin`) chooses too.
   */
  readonly engine?: "cli" | "standin";
}

/**
 * One run of the demo: an emulator on a free loopback port, a temp folder holding the stack's
 * state, the stack config a user would set with `pulumi config set`, and the engine that runs the
 * commands (the real Pulumi CLI when one is found, else the engine stand-in).
 */
export class DemoSession {
  private readonly config: Record<string, string>;
  /** The engine every command of this session runs on. */
  readonly engine: DemoEngine;

  private constructor(
    readonly emulator: RunningEmulator,
    /** Temp folder holding the state; removed by {@link close}. */
    readonly stateDir: string,
    private readonly log: ((line: string) => void) | undefined,
    cli: PulumiCli | undefined,
  ) {
    this.config = {
      "twilio-conversations:accountSid": emulator.accountSid,
      "twilio-conversations:authToken": emulator.authToken,
      "twilio-conversations:baseUrl": emulator.url,
      memoryStoreId: DEMO_MEMORY_STORE_ID,
    };
    this.engine = cli
      ? new CliEngine(cli, stateDir, DEMO_PROJECT, DEMO_STACK, () => this.cliConfig(), log)
      : new StandInEngine(() => this.standIn());
  }

  /** Starts the emulator (in-process, port 0) and makes the state folder. */
  static async start(options: DemoSessionOptions = {}): Promise<DemoSession> {
    const choice = options.engine ?? engineFromEnvironment();
    const cli = choice === "standin" ? undefined : findPulumiCli();
    if (choice === "cli" && !cli) {
      throw new Error("no Pulumi CLI found (not on PATH, not in .tools/pulumi/bin): run npm run pulumi-cli, or install pulumi");
    }
    const emulator = await startEmulator({ port: 0, operationDelayMs: 200, operationRetryAfterSeconds: 0, ...options.emulator });
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "twilio-conversations-demo-"));
    return new DemoSession(emulator, stateDir, options.log, cli);
  }

  /** The JSON state file the engine stand-in keeps between commands. */
  get statePath(): string {
    return path.join(this.stateDir, `${DEMO_STACK}.json`);
  }

  /** The stack config as it stands (a copy). */
  get stackConfig(): Readonly<Record<string, string>> {
    return { ...this.config };
  }

  /** `pulumi config set <key> <value>`: seen by every later command. */
  setConfig(key: string, value: string): void {
    this.config[key] = value;
  }

  /** The config as the CLI stores it: the token a secret, as `pulumi config set --secret` makes it. */
  private cliConfig() {
    return Object.fromEntries(
      Object.entries(this.config).map(([key, value]) => [key, { value, secret: key === "twilio-conversations:authToken" }]),
    );
  }

  /**
   * A fresh stand-in for one command (like separate `pulumi` invocations), on the session's state
   * file and current config, so a config change between commands is seen as the CLI would see it.
   */
  private standIn(): EngineStandIn {
    return new EngineStandIn({
      project: DEMO_PROJECT,
      stack: DEMO_STACK,
      statePath: this.statePath,
      config: { ...this.config },
      // As `pulumi config set --secret`: the token reaches the provider as a secret.
      secretKeys: ["twilio-conversations:authToken"],
      log: this.log,
    });
  }

  /** Stops the emulator and removes the state folder. Safe to call more than once. */
  async close(): Promise<void> {
    await this.emulator.close();
    fs.rmSync(this.stateDir, { recursive: true, force: true });
  }
}

/** `TWILIO_CONVERSATIONS_DEMO_ENGINE=cli|standin`, or undefined (the CLI when one is found). */
function engineFromEnvironment(): "cli" | "standin" | undefined {
  const value = process.env.TWILIO_CONVERSATIONS_DEMO_ENGINE?.trim();
  if (value === undefined || value === "") return undefined;
  if (value === "cli" || value === "standin") return value;
  throw new Error(`TWILIO_CONVERSATIONS_DEMO_ENGINE must be "cli" or "standin" (got ${JSON.stringify(value)})`);
}

/** The stand-in behind the demo's engine interface: a fresh one per command. */
class StandInEngine implements DemoEngine {
  readonly label = "the project's engine stand-in (no Pulumi CLI found: npm run pulumi-cli builds one)";

  constructor(private readonly fresh: () => EngineStandIn) {}

  up(program: DemoProgram) {
    return this.fresh().up(program);
  }

  refresh() {
    return this.fresh().refresh();
  }

  destroy() {
    return this.fresh().destroy();
  }

  async state() {
    return this.fresh().readState();
  }
}
