import { type ChildProcess, spawn } from "node:child_process";
import * as readline from "node:readline";

/** Where the real dynamic-provider host lives; the engine runs exactly this for `pulumi-nodejs:dynamic` resources. */
export const HOST_SCRIPT = require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js");

/** How to start the host. */
export interface HostOptions {
  /** Extra environment (merged over this process's); `NODE_PATH` is how the host finds packages by name. */
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Receives each line the host writes to stderr (provider `console.error`, stack traces). */
  readonly onStderr?: (line: string) => void;
  /** How long to wait for the port line before giving up. Default 30 s (a cold start loads @pulumi/pulumi). */
  readonly startTimeoutMs?: number;
  /**
   * The engine's address, passed as the host's argument as the engine does: where a provider's
   * log calls go (see engine-service.ts). Default: a placeholder nothing listens on.
   */
  readonly engineAddress?: string;
}

const TAIL_LINES = 40;

/**
 * One running dynamic-provider host process.
 *
 * The host prints its gRPC port on stdout. The address argument it requires is the engine's, used
 * only for logging back to the engine: the stand-in passes its {@link EngineLogService}'s (the host
 * itself never connects; a provider that logs to it does). Without one, a placeholder is passed.
 */
export class HostProcess {
  /** The child process, for tests that want to kill it mid-operation. */
  readonly child: ChildProcess;
  private readonly tail: string[] = [];
  private exitInfo: string | undefined;
  private readonly exited: Promise<void>;
  private portValue: number | undefined;

  private constructor(options: HostOptions) {
    this.child = spawn(process.execPath, [HOST_SCRIPT, options.engineAddress ?? "127.0.0.1:0"], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    readline.createInterface({ input: this.child.stderr! }).on("line", (line) => {
      this.tail.push(line);
      if (this.tail.length > TAIL_LINES) {
        this.tail.shift();
      }
      options.onStderr?.(line);
    });
    this.exited = new Promise<void>((resolve) => {
      this.child.once("exit", (code, signal) => {
        this.exitInfo = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        resolve();
      });
      // A spawn failure emits "error" and maybe no "exit": treat it as gone too.
      this.child.once("error", (e) => {
        this.exitInfo ??= `failed to start: ${e.message}`;
        resolve();
      });
    });
  }

  /** Starts a host and waits for the port it listens on. */
  static async start(options: HostOptions = {}): Promise<HostProcess> {
    const host = new HostProcess(options);
    const timeoutMs = options.startTimeoutMs ?? 30000;
    try {
      host.portValue = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`dynamic-provider host did not print its port within ${timeoutMs} ms`)), timeoutMs);
        readline.createInterface({ input: host.child.stdout! }).once("line", (line) => {
          clearTimeout(timer);
          const n = Number(line.trim());
          if (Number.isInteger(n) && n > 0) {
            resolve(n);
          } else {
            reject(new Error(`dynamic-provider host printed ${JSON.stringify(line)} instead of its port`));
          }
        });
        void host.exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`dynamic-provider host ${host.exitInfo} before printing its port:\n${host.tail.join("\n")}`));
        });
      });
    } catch (e) {
      await host.kill();
      throw e;
    }
    return host;
  }

  /** `127.0.0.1:<port>` of the host's ResourceProvider service. */
  get address(): string {
    return `127.0.0.1:${this.portValue}`;
  }

  /** Why the host is gone, or undefined while it runs. */
  get exitStatus(): string | undefined {
    return this.exitInfo;
  }

  /** The most recent stderr lines, to explain a failure. */
  get recentStderr(): string[] {
    return [...this.tail];
  }

  /** Waits up to `ms` for the host to be gone; true if it is. */
  async waitForExit(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const gone = await Promise.race([this.exited.then(() => true as const), timeout]);
    clearTimeout(timer);
    return gone;
  }

  /** Kills the host at once (SIGKILL) and waits for it to be gone. Safe to call more than once. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined) {
      this.child.kill("SIGKILL");
    }
    await this.exited;
  }
}
