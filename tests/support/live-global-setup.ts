/**
 * Global setup of a live run (TWILIO_LIVE_TESTS=1; jest.config.js uses it only then): checks the
 * credentials, names the run, snapshots the account's singletons for the teardown, and says which
 * test files the run leaves out and why.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { TwilioClient } from "../../provider/http/client";
import { liveSettings, RUN_DIR_VARIABLE, RUN_ID_VARIABLE, runPrefix } from "./account";
import { snapshotSingletons } from "./live-cleanup";
import manifest = require("./live-manifest.js");

export default async function liveGlobalSetup(): Promise<void> {
  const settings = liveSettings();
  const runId = randomBytes(4).readUInt32BE(0).toString(36).padStart(7, "0").slice(0, 7);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), `twilio-live-${runId}-`));
  process.env[RUN_ID_VARIABLE] = runId;
  process.env[RUN_DIR_VARIABLE] = runDir;
  const snapshot = await snapshotSingletons(new TwilioClient(settings));
  fs.writeFileSync(path.join(runDir, "snapshot.json"), JSON.stringify(snapshot, null, 2));
  const lines = [
    `Live run ${runId} against account ${settings.accountSid} (${settings.baseUrl}): every name it gives starts with ${runPrefix(runId)}.`,
    `Running: ${manifest.live.join(", ")}.`,
    "Not run against a live account:",
    ...Object.entries(manifest.notLive).map(([where, why]) => `  ${where}: ${why}`),
  ];
  console.log(`\n${lines.join("\n")}`);
}
