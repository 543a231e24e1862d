/**
 * What the clone tests share: an engine stand-in pointed at an emulated account, running a program
 * as `pulumi up` runs it (the root GitOps program, program/index.ts, or a test's own). The one
 * place these tests name stack config keys.
 */
import * as path from "node:path";

import type { RunningEmulator } from "../../../emulator";
import { EngineStandIn, type RunSummary } from "../../../engine-standin";

/** An engine for `account`, its state in `stateDir`; `config` adds program keys (`spec`, parameters). */
export function engineFor(
  account: RunningEmulator,
  stateDir: string,
  options: { project?: string; stack?: string; config?: Record<string, string> } = {},
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
    secretKeys: ["twilio-conversations:authToken"],
  });
}

/** The steps of a run that changed something, as `op name`. */
export const notSame = (summary: RunSummary) => summary.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`);
