/**
 * Environment cloning, end to end: seed account A, export it, apply the document to an empty
 * account B through the root GitOps program (program/index.ts) run by the engine stand-in as
 * `pulumi up` would, export B, and the two documents are equal. A second `up` changes nothing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { exportAccount, formatSpec } from "../../../cli/export";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import { clientFor, seedAccount, untilConfigurations } from "../../integration/export/seed";
import { engineFor, notSame } from "./harness";
import program = require("../../../program/index");

// Two full `up` runs of ~70 resources through the real dynamic-provider host.
jest.setTimeout(300_000);

let a: RunningEmulator;
let b: RunningEmulator;
let dir: string;
beforeAll(async () => {
  // Different account SIDs, so every SID differs between the two accounts (default service included).
  a = await startEmulator({ port: 0, operationDelayMs: 5, operationRetryAfterSeconds: 0, accountSid: `AC${"a".repeat(32)}` });
  b = await startEmulator({ port: 0, operationDelayMs: 5, operationRetryAfterSeconds: 0, accountSid: `AC${"b".repeat(32)}` });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "clone-round-trip-"));
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

const engineForB = (specFile: string) => engineFor(b, dir, { config: { spec: specFile } });

test("export A, apply to an empty B, export B: equal documents; apply again: no changes", async () => {
  await seedAccount(a);
  const exportedA = await exportAccount(clientFor(a));
  expect(Object.keys(exportedA.conversations ?? {})).toHaveLength(40);
  expect(Object.keys(exportedA.orchestratorConfigurations ?? {})).toHaveLength(5);

  const specFile = path.join(dir, "conversations.yaml");
  fs.writeFileSync(specFile, formatSpec(exportedA, "yaml"));

  const first = await engineForB(specFile).up(program);
  expect(notSame(first).every((s) => s.startsWith("create "))).toBe(true);
  // 3 services, 16 roles (4 + 7 + 5), 3 service configurations, the account, 40 conversations, 5 orchestrator configurations.
  expect(first.counts.create).toBe(3 + 16 + 3 + 1 + 40 + 5);
  // Creates finish before the v2 operations are necessarily visible in a list; wait for them (bounded).
  await untilConfigurations(clientFor(b), 5);

  const exportedB = await exportAccount(clientFor(b));
  expect(exportedB).toEqual(exportedA);
  expect(formatSpec(exportedB, "yaml")).toBe(formatSpec(exportedA, "yaml"));

  // Adoption kept B free of duplicates: one default service, four default roles per service.
  const stateB = (await (await fetch(`${b.url}/__emulator/state`)).json()) as { v1: { services: unknown[]; roles: unknown[] } };
  expect(stateB.v1.services).toHaveLength(3);
  expect(stateB.v1.roles).toHaveLength(16);

  const again = await engineForB(specFile).up(program);
  expect(notSame(again)).toEqual([]);
  expect(again.counts.same).toBe(first.counts.create);
});
