/**
 * The root GitOps program (program/index.ts, `main: program/index.ts` in Pulumi.yaml) applying the sample
 * conversations.yaml to an empty emulated account through the engine stand-in, as `pulumi up` does.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { EngineRunError } from "../../../engine-standin";
import { engineFor } from "./harness";
import program = require("../../../program/index");

const REPO = path.resolve(__dirname, "../../..");
const MG = `MG${"1".repeat(32)}`;

let emulator: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, operationDelayMs: 20, operationRetryAfterSeconds: 0, accountSid: `AC${"b".repeat(32)}` });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitops-program-"));
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const engine = (config: Record<string, string>, stack = "prod") =>
  engineFor(emulator, dir, { stack, config: { spec: path.join(REPO, "conversations.yaml"), ...config } });

test("a missing parameter stops the program before any request, naming the pulumi config command", async () => {
  emulator.clearRequests();
  const run = engine({ memoryStoreId: "mem_store_prod" }, "broken").up(program);
  await expect(run).rejects.toThrow(EngineRunError);
  const error = (await run.catch((e: EngineRunError) => e)) as EngineRunError;
  expect(error.summary.errors.join("\n")).toMatch(
    /account\.defaultMessagingServiceSid: uses parameter "messagingServiceSid", which has no value .*`pulumi config set messagingServiceSid <value> --stack broken`/,
  );
  expect(emulator.requests()).toEqual([]);
});

test("applies the sample document to an empty account, then a re-run changes nothing", async () => {
  const config = { messagingServiceSid: MG, memoryStoreId: "mem_store_prod" };
  const first = await engine(config).up(program);
  expect(first.counts).toMatchObject({ update: 0, replace: 0, delete: 0 });
  expect(first.counts.create).toBe(first.steps.length);
  expect(Object.keys(first.outputs.serviceSids as object).sort()).toEqual(["default", "support"]);
  expect(Object.keys(first.outputs.conversationSids as object).sort()).toEqual(["announcements", "queue-billing", "queue-general"]);

  const state = (await (await fetch(`${emulator.url}/__emulator/state`)).json()) as any;
  // The default service and the new service's default roles were adopted, not duplicated.
  expect(state.v1.services.map((s: { friendlyName: string }) => s.friendlyName).sort()).toEqual([
    "Customer Support",
    "Default Conversations Service",
  ]);
  const supportSid = (first.outputs.serviceSids as Record<string, string>).support;
  expect(state.v1.roles.filter((r: { serviceSid: string }) => r.serviceSid === supportSid)).toHaveLength(6);
  expect(state.v1.configuration).toMatchObject({ defaultMessagingServiceSid: MG, defaultClosedTimer: "P3D" });

  const again = await engine(config).up(program);
  expect(again.steps.filter((s) => s.op !== "same")).toEqual([]);
});
