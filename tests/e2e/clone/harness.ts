/**
 * What the clone tests share: the root GitOps program (program/index.ts) applied to an emulated
 * account through the engine stand-in, as `pulumi up` runs it. The one place these tests name
 * stack config keys.
 */
import * as path from "node:path";

import type { RunningEmulator } from "../../../emulator";
import { EngineStandIn, type RunSummary } from "../../../engine-standin";

/** An engine that applies the document at `specFile` to `account`, with its state in `stateDir`. */
export function engineFor(account: RunningEmulator, specFile: string, stateDir: string, stack = "clone"): EngineStandIn {
  return new EngineStandIn({
    project: "twilio-conversations",
    stack,
    statePath: path.join(stateDir, `${stack}.json`),
    config: {
      "twilio:baseUrl": account.url,
      "twilio:accountSid": account.accountSid,
      "twilio:authToken": account.authToken,
      spec: specFile,
    },
    secretKeys: ["twilio:authToken"],
  });
}

/** The steps of a run that changed something, as `op name`. */
export const notSame = (summary: RunSummary) => summary.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`);
