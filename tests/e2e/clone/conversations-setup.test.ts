/**
 * ConversationsSetup through the engine stand-in: names from keys (reordering the file replaces
 * nothing), parents and dependencies from references.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { parse, stringify } from "yaml";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { ConversationsSetup } from "../../../sdk/conversations-setup";
import { engineFor } from "./harness";

jest.setTimeout(120_000);

const SPEC = `version: 1
parameters:
  memoryStoreId: {default: mem_1}
account:
  defaultChatService: support
services:
  support:
    friendlyName: Support
    roles:
      agent: {friendlyName: agent, type: conversation, permissions: [sendMessage]}
      member: {friendlyName: member, type: service, permissions: [joinConversation]}
    configuration:
      defaultConversationRole: agent
      defaultChatServiceRole: member
  sales:
    friendlyName: Sales
conversations:
  lobby: {uniqueName: lobby}
  deals: {service: sales, uniqueName: deals}
orchestratorConfigurations:
  routing: {displayName: routing, description: d, conversationGroupingType: GROUP_BY_PROFILE, memoryStoreId: "\${memoryStoreId}", conversationsV1Bridge: {service: sales}}
`;

/** The same document with every map's entries in reverse order. */
function reversed(text: string): string {
  const flip = (v: unknown): unknown =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, flip(x)]),
        )
      : v;
  return stringify(flip(parse(text)));
}

let emulator: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, operationDelayMs: 5, operationRetryAfterSeconds: 0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "setup-"));
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const engine = () => engineFor(emulator, dir, { project: "setup", stack: "test" });
const programOf = (spec: string) => () => {
  const setup = new ConversationsSetup("cx", { spec });
  return { serviceSids: setup.ids.serviceSids, conversationSids: setup.ids.conversationSids };
};

test("resources are named by key, parented by the component, and depend on what they reference", async () => {
  const first = await engine().up(programOf(SPEC));
  expect(first.steps.map((s) => `${s.type.split(":").pop()} ${s.name}`).sort()).toEqual([
    "Conversation cx/deals",
    "Conversation cx/lobby",
    "ConversationService cx/sales",
    "ConversationService cx/support",
    "GlobalConfiguration cx/account",
    "OrchestratorConfiguration cx/routing",
    "ServiceConfiguration cx/support",
    "ServiceRole cx/support/agent",
    "ServiceRole cx/support/member",
  ]);
  const state = engine().readState().resources;
  const urn = (name: string) => state.find((r) => r.name === name)!.urn;
  for (const r of state) expect(r.parent).toMatch(/twilio-conversations:index:ConversationsSetup::cx$/);
  expect(state.find((r) => r.name === "cx/support/agent")!.dependencies).toContain(urn("cx/support"));
  expect(state.find((r) => r.name === "cx/support")!.type).toMatch(/ConversationService$/);
  const configuration = state.find((r) => r.name === "cx/support" && r.type.endsWith("ServiceConfiguration"))!;
  expect(configuration.dependencies).toEqual(expect.arrayContaining([urn("cx/support/agent"), urn("cx/support/member")]));
  // Without a service, a conversation waits for the account configuration that sets the default one.
  expect(state.find((r) => r.name === "cx/lobby")!.dependencies).toContain(urn("cx/account"));
  expect(state.find((r) => r.name === "cx/deals")!.dependencies).toContain(urn("cx/sales"));
  expect(state.find((r) => r.name === "cx/routing")!.dependencies).toContain(urn("cx/sales"));
  expect(first.outputs.serviceSids).toEqual({ support: expect.stringMatching(/^IS/), sales: expect.stringMatching(/^IS/) });

  const lobby = (first.outputs.conversationSids as Record<string, string>).lobby;
  const live = (await (await fetch(`${emulator.url}/__emulator/state`)).json()) as {
    v1: { conversations: Array<{ sid: string; serviceSid: string }> };
  };
  expect(live.v1.conversations.find((c) => c.sid === lobby)!.serviceSid).toBe(
    (first.outputs.serviceSids as Record<string, string>).support,
  );

  // The same document in another order: nothing changes.
  const again = await engine().up(programOf(reversed(SPEC)));
  expect(again.steps.filter((s) => s.op !== "same")).toEqual([]);
});
