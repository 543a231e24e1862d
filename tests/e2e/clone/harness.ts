/**
 * What the clone tests share: an engine stand-in pointed at an emulated account, running a program
 * as `pulumi up` runs it (the root GitOps program, program/index.ts, or a test's own). The one
 * place these tests name stack config keys.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../../emulator";
import { EngineStandIn, type RunSummary } from "../../../engine-standin";

/**
 * An engine for `account`, its state in `stateDir`; `config` adds program keys (`spec`,
 * parameters), `secretKeys` names those of them set as secrets (`pulumi config set --secret`),
 * `log` receives the engine's progress lines and the host's stderr.
 */
export function engineFor(
  account: RunningEmulator,
  stateDir: string,
  options: {
    project?: string;
    stack?: string;
    config?: Record<string, string>;
    secretKeys?: readonly string[];
    log?: (line: string) => void;
  } = {},
): EngineStandIn {
  const stack = options.stack ?? "clone";
  return new EngineStandIn({
    project: options.project ?? "twilio-conversations",
    stack,
    statePath: path.join(stateDir, `${stack}.json`),
    config: {
      "twilio-conversations:baseUrl": account.url,
      "twilio-conversations:accountSid": account.accountSid,
      "twilio-conversations:authToken": account.authToken,
      ...options.config,
    },
    secretKeys: ["twilio-conversations:authToken", ...(options.secretKeys ?? [])],
    ...(options.log ? { log: options.log } : {}),
  });
}

/** The steps of a run that changed something, as `op name`. */
export const notSame = (summary: RunSummary) => summary.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`);

/** A source account A, an empty target account B (every SID differs between them) and a state folder. */
export interface CloneAccounts {
  readonly a: RunningEmulator;
  readonly b: RunningEmulator;
  readonly dir: string;
}

/**
 * Starts A and B before the file's tests and closes them after (jest hooks), with `options` for
 * both; the accounts' SIDs differ, so every SID differs between them (default service included).
 */
export function cloneAccounts(stateDirPrefix: string, options: Omit<EmulatorOptions, "accountSid" | "port"> = {}): CloneAccounts {
  let accounts: { a: RunningEmulator; b: RunningEmulator; dir: string } | undefined;
  beforeAll(async () => {
    const [a, b] = await Promise.all([
      startEmulator({ ...options, port: 0, accountSid: `AC${"a".repeat(32)}` }),
      startEmulator({ ...options, port: 0, accountSid: `AC${"b".repeat(32)}` }),
    ]);
    accounts = { a, b, dir: fs.mkdtempSync(path.join(os.tmpdir(), stateDirPrefix)) };
  });
  afterAll(async () => {
    if (!accounts) return;
    await Promise.all([accounts.a.close(), accounts.b.close()]);
    fs.rmSync(accounts.dir, { recursive: true, force: true });
  });
  const started = () => {
    if (!accounts) throw new Error("cloneAccounts: the accounts start in beforeAll; read them inside a test");
    return accounts;
  };
  return {
    get a() {
      return started().a;
    },
    get b() {
      return started().b;
    },
    get dir() {
      return started().dir;
    },
  };
}
