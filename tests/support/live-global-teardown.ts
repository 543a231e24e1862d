/**
 * Global teardown of a live run: whatever the tests did and however they ended, puts the account's
 * singletons back as the setup found them and deletes everything the run created (its registry,
 * then anything else named with its prefix), then prints what it did and what it could not do.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { TwilioClient } from "../../provider/http/client";
import { liveSettings, RUN_DIR_VARIABLE, RUN_ID_VARIABLE, runPrefix } from "./account";
import { cleanUp, fileRegistry, type SingletonSnapshot } from "./live-cleanup";

export default async function liveGlobalTeardown(): Promise<void> {
  const runId = process.env[RUN_ID_VARIABLE];
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (!runId || !runDir) return; // the setup did not get as far as naming the run
  const snapshotFile = path.join(runDir, "snapshot.json");
  const snapshot = fs.existsSync(snapshotFile) ? (JSON.parse(fs.readFileSync(snapshotFile, "utf8")) as SingletonSnapshot) : undefined;
  const report = await cleanUp(new TwilioClient(liveSettings()), {
    created: fileRegistry(path.join(runDir, "created.jsonl")).entries(),
    snapshot,
    sweepPrefix: runPrefix(runId),
  });
  console.log(
    `\nLive run ${runId} cleaned up: ${report.deleted.length} deleted, ${report.restored.length} singletons restored` +
      (report.restored.length > 0 ? ` (${report.restored.join("; ")})` : ""),
  );
  for (const problem of report.problems) console.warn(`live clean-up: ${problem}`);
  if (report.problems.length === 0) fs.rmSync(runDir, { recursive: true, force: true });
  else console.warn(`live clean-up: the run's registry and snapshot are kept in ${runDir}`);
}
