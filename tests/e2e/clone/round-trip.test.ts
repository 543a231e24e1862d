/**
 * Environment cloning, end to end: seed account A, export it, apply the document to an empty
 * account B through the root GitOps program (program/index.ts) run by the engine stand-in as
 * `pulumi up` would, export B, and the two documents are equal. A second `up` changes nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { exportAccount, formatSpec } from "../../../cli/export";
import { clientFor, seedAccount, untilConfigurations } from "../../integration/export/seed";
import { cloneAccounts, engineFor, notSame } from "./harness";
import program = require("../../../program/index");

// Two full `up` runs of ~70 resources through the real dynamic-provider host.
jest.setTimeout(300_000);

const accounts = cloneAccounts("clone-round-trip-", { operationDelayMs: 5, operationRetryAfterSeconds: 0 });

const engineForB = (specFile: string) => engineFor(accounts.b, accounts.dir, { config: { spec: specFile } });

test("export A, apply to an empty B, export B: equal documents; apply again: no changes", async () => {
  await seedAccount(accounts.a);
  const exportedA = await exportAccount(clientFor(accounts.a));
  expect(Object.keys(exportedA.conversations ?? {})).toHaveLength(40);
  expect(Object.keys(exportedA.orchestratorConfigurations ?? {})).toHaveLength(5);

  const specFile = path.join(accounts.dir, "conversations.yaml");
  fs.writeFileSync(specFile, formatSpec(exportedA, "yaml"));

  const first = await engineForB(specFile).up(program);
  expect(notSame(first).every((s) => s.startsWith("create "))).toBe(true);
  // 3 services, 16 roles (4 + 7 + 5), 3 service configurations, the account, 40 conversations, 5 orchestrator configurations.
  expect(first.counts.create).toBe(3 + 16 + 3 + 1 + 40 + 5);
  // Creates finish before the v2 operations are necessarily visible in a list; wait for them (bounded).
  await untilConfigurations(clientFor(accounts.b), 5);

  const exportedB = await exportAccount(clientFor(accounts.b));
  expect(exportedB).toEqual(exportedA);
  expect(formatSpec(exportedB, "yaml")).toBe(formatSpec(exportedA, "yaml"));

  // Adoption kept B free of duplicates: one default service, four default roles per service.
  const stateB = (await (await fetch(`${accounts.b.url}/__emulator/state`)).json()) as { v1: { services: unknown[]; roles: unknown[] } };
  expect(stateB.v1.services).toHaveLength(3);
  expect(stateB.v1.roles).toHaveLength(16);

  const again = await engineForB(specFile).up(program);
  expect(notSame(again)).toEqual([]);
  expect(again.counts.same).toBe(first.counts.create);
});
