/**
 * `plan` against the emulator: read-only (GET requests only), entry by entry, with terraform's
 * detailed exit codes (0 no difference, 2 differences, 1 error).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { exportAccount, formatSpec } from "../../../cli/export";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import { runCli } from "../../support/run-cli";
import { clientFor, seedAccount } from "./seed";

let emulator: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, operationDelayMs: 5, operationRetryAfterSeconds: 0, accountSid: `AC${"d".repeat(32)}` });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const env = () => ({
  TWILIO_ACCOUNT_SID: emulator.accountSid,
  TWILIO_AUTH_TOKEN: emulator.authToken,
  TWILIO_CONVERSATIONS_BASE_URL: emulator.url,
});
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const writes = () => emulator.requests().filter((r) => r.method !== "GET");

const SPEC = `version: 1
parameters:
  memoryStoreId: {default: mem_plan}
account:
  defaultChatService: support
  defaultClosedTimer: P1D
services:
  default:
    friendlyName: Default Conversations Service
    adoptExisting: true
  support:
    friendlyName: Support
    roles:
      agent: {friendlyName: agent, type: conversation, permissions: [sendMessage]}
    configuration:
      defaultConversationRole: agent
conversations:
  lobby: {uniqueName: lobby, friendlyName: Lobby}
orchestratorConfigurations:
  routing: {displayName: routing, description: d, conversationGroupingType: GROUP_BY_PROFILE, memoryStoreId: "\${memoryStoreId}"}
`;

test("on an empty account: what up would create, adopt and change, entry by entry; exit 2; nothing written", async () => {
  emulator.reset();
  const run = await runCli(["plan", write("plan.yaml", SPEC), "--format", "json"], env());
  expect(run.code).toBe(2);
  const plan = JSON.parse(run.stdout);
  expect(plan.steps.map((s: { path: string; action: string }) => `${s.action} ${s.path}`)).toEqual([
    "change account",
    "adopt services.default",
    "create services.support",
    "create services.support.configuration",
    "create services.support.roles.agent",
    "create conversations.lobby",
    "create orchestratorConfigurations.routing",
  ]);
  const account = plan.steps.find((s: { path: string }) => s.path === "account");
  expect(account.changes).toEqual([
    { field: "defaultChatService", live: expect.stringMatching(/^IS/), declared: "(services.support, to be created)" },
    { field: "defaultClosedTimer", live: null, declared: "P1D" },
  ]);
  // The adopted default service keeps the roles the document does not name: up leaves them alone.
  expect(plan.left).toEqual(
    ["service admin", "service user", "channel admin", "channel user"].map((name) => ({ kind: "ServiceRole", name })),
  );
  expect(plan.differs).toBe(true);
  expect(writes()).toEqual([]);
});

test("the text form names each step and sums up", async () => {
  emulator.reset();
  const run = await runCli(["plan", write("plan-text.yaml", SPEC)], env());
  expect(run.code).toBe(2);
  expect(run.stdout).toMatch(/^Plan for .*plan-text\.yaml:\n/);
  expect(run.stdout).toMatch(/\n {2}\+ create {2}services\.support +ConversationService\n/);
  expect(run.stdout).toMatch(/\n {6}defaultClosedTimer: null -> "P1D"\n/);
  expect(run.stdout).toMatch(
    /Plan: 5 to create, 1 to adopt, 1 to change \(0 by replacement\), 0 unchanged, 4 left alone\. pulumi up would write/,
  );
});

test("an exported account planned against itself: no difference, exit 0; a change made live: exit 2, naming it", async () => {
  emulator.reset();
  const seeded = await seedAccount(emulator);
  const file = write("exported.yaml", formatSpec(await exportAccount(clientFor(emulator)), "yaml"));
  emulator.clearRequests();
  const same = await runCli(["plan", file, "--format", "json"], env());
  expect(JSON.parse(same.stdout).steps.filter((s: { action: string }) => s.action !== "same" && s.action !== "adopt")).toEqual([]);
  expect(same.code).toBe(0);
  expect(writes()).toEqual([]);

  // Behind the document's back: a role loses a permission.
  const client = clientFor(emulator);
  const roles = (
    await client.request<{ roles: Array<{ sid: string; friendly_name: string }> }>({
      method: "GET",
      path: `/v1/Services/${seeded.supportSid}/Roles`,
    })
  ).data.roles;
  const agent = roles.find((r) => r.friendly_name === "agent")!;
  await client.request({
    method: "POST",
    path: `/v1/Services/${seeded.supportSid}/Roles/${agent.sid}`,
    form: { Permission: ["sendMessage"] },
  });
  const drift = await runCli(["plan", file, "--format", "json"], env());
  expect(drift.code).toBe(2);
  const changed = JSON.parse(drift.stdout).steps.filter((s: { action: string }) => s.action !== "same" && s.action !== "adopt");
  expect(changed).toEqual([
    {
      path: "services.customer-support.roles.agent",
      kind: "ServiceRole",
      action: "change",
      changes: [{ field: "permissions", live: ["sendMessage"], declared: ["addParticipant", "leaveConversation", "sendMessage"] }],
    },
  ]);
});

test("an invalid document is an error (exit 1) before anything is read", async () => {
  emulator.clearRequests();
  const run = await runCli(["plan", write("bad.yaml", "version: 2\n")], env());
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(
    /bad\.yaml:1: version: must be 1: the only version of this document\n.*bad\.yaml: 1 problem; nothing was read from the account/,
  );
  expect(emulator.requests()).toEqual([]);
});
