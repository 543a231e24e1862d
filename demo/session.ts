import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../emulator";
import { EngineStandIn } from "../engine-standin";

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
}

/**
 * One run of the demo: an emulator on a free loopback port, a temp folder holding the stack's
 * state, and the stack config a user would set with `pulumi config set`.
 *
 * Commands get a fresh {@link EngineStandIn} each (like separate `pulumi` invocations) built from
 * the current config, so a config change between commands is seen exactly as the CLI would see it.
 */
export class DemoSession {
  private readonly config: Record<string, string>;

  private constructor(
    readonly emulator: RunningEmulator,
    /** Temp folder holding the state file; removed by {@link close}. */
    readonly stateDir: string,
    private readonly log: ((line: string) => void) | undefined,
  ) {
    this.config = {
      "twilio-conversations:accountSid": emulator.accountSid,
      "twilio-conversations:authToken": emulator.authToken,
      "twilio-conversations:baseUrl": emulator.url,
      memoryStoreId: DEMO_MEMORY_STORE_ID,
    };
  }

  /** Starts the emulator (in-process, port 0) and makes the state folder. */
  static async start(options: DemoSessionOptions = {}): Promise<DemoSession> {
    const emulator = await startEmulator({ port: 0, operationDelayMs: 200, operationRetryAfterSeconds: 0, ...options.emulator });
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "twilio-conversations-demo-"));
    return new DemoSession(emulator, stateDir, options.log);
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

  /** A fresh engine for one command, on the session's state file and current config. */
  engine(): EngineStandIn {
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
