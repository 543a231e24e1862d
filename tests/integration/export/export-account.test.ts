/**
 * exportAccount against a seeded emulator: every page of every list, keys from names, references
 * for SIDs in the export, parameters for environment-specific values, nothing secret.
 */
import { startEmulator, type RunningEmulator } from "../../../emulator";
import { exportAccount, formatSpec } from "../../../cli/export";
import { parseSpec } from "../../../sdk/spec/parse";
import { clientFor, seedAccount, SEED_MG_DEFAULT, SEED_MG_SALES, type Seeded } from "./seed";

let emulator: RunningEmulator;
let seeded: Seeded;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, operationDelayMs: 5, operationRetryAfterSeconds: 0, accountSid: `AC${"a".repeat(32)}` });
  seeded = await seedAccount(emulator);
});
afterAll(() => emulator.close());
beforeEach(() => emulator.clearRequests());

test("exports the seeded account as a valid document", async () => {
  const doc = await exportAccount(clientFor(emulator));
  console.log(formatSpec(doc, "yaml"));
  expect(parseSpec(formatSpec(doc, "yaml"))).toEqual(doc);
});
