/**
 * How faithful the engine stand-in (engine-standin/) is to the real engine: one scenario, run
 * through both against two fresh emulators, must give the same plan and the same remote state at
 * every step. The plan is, per resource, the operation (create, same, update, replace, delete;
 * for a refresh, which resources drifted) and, where order matters, its order: whether a
 * replacement deleted the old object before creating the new one, and that deletes go dependents
 * first. The remote state is the emulator's dump (`GET /__emulator/state`) with every SID and id
 * replaced by a name derived from the object (SIDs are random) and dates left out.
 *
 * The stand-in stays for the fast tests; this file is what measures it.
 */
import * as path from "node:path";

import * as tc from "pulumi-twilio-conversations";

import { type LoggedRequest, type RunningEmulator, startEmulator } from "../../../emulator";
import { EngineStandIn, type RunSummary } from "../../../engine-standin";
import { describeRealEngine, emulatorConfig, keyOf, type RealStack, Sandbox, uniqueToken } from "./harness";
import { twilioCall } from "./twilio-call";

/**
 * The scenario's program, by version:
 * 1. every kind: two services, a role, a service configuration, the account configuration, three
 *    conversations (two with unique names), an orchestrator configuration bridged to a service;
 * 2. in place: role permissions, a conversation's name and attributes, the account timer, the
 *    orchestrator description; the conversation without a unique name moves service (replaced, new
 *    one first); one conversation is removed;
 * 3. the first service renamed: replaced, with its role and configuration; the conversation with a
 *    unique name moves service (replaced, the new one first: unique names are per service); the account configuration and
 *    the orchestrator bridge follow.
 */
function scenario(version: 1 | 2 | 3) {
  return () => {
    const support = new tc.ConversationService("support", { friendlyName: version < 3 ? "Support" : "Support 2" });
    const sales = new tc.ConversationService("sales", { friendlyName: "Sales" });
    const agent = new tc.ServiceRole("agent", {
      chatServiceSid: support.sid,
      friendlyName: "agent",
      type: "conversation",
      permissions: version === 1 ? ["sendMessage"] : ["sendMessage", "leaveConversation"],
    });
    new tc.ServiceConfiguration("support", {
      chatServiceSid: support.sid,
      defaultConversationRoleSid: agent.sid,
      reachabilityEnabled: true,
    });
    new tc.GlobalConfiguration("account", { defaultChatServiceSid: support.sid, defaultClosedTimer: version === 1 ? "P1D" : "P2D" });
    new tc.Conversation("lobby", {
      chatServiceSid: version < 3 ? support.sid : sales.sid,
      uniqueName: "lobby",
      friendlyName: version === 1 ? "Lobby" : "Lobby 2",
      attributes: { tier: version === 1 ? "gold" : "platinum" },
    });
    new tc.Conversation("desk", { chatServiceSid: version === 1 ? support.sid : sales.sid, friendlyName: "Desk" });
    if (version === 1) new tc.Conversation("scratch", { chatServiceSid: sales.sid, uniqueName: "scratch" });
    new tc.OrchestratorConfiguration("routing", {
      displayName: "routing",
      description: version === 1 ? "first" : "second",
      conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
      memoryStoreId: "mem_store_e2e",
      conversationsV1Bridge: { serviceId: support.sid },
    });
    return {};
  };
}

/** What both engines did in one run: per resource `Kind/name`, one operation. */
type Plan = Record<string, string>;

function sorted(plan: Plan): Plan {
  return Object.fromEntries(Object.entries(plan).sort(([a], [b]) => a.localeCompare(b)));
}

/** The real engine's plan: from the steps it started, or for a refresh from what each one found. */
function realPlan(stack: RealStack, refresh = false): Plan {
  const plan: Plan = {};
  if (refresh) {
    for (const e of stack.events) {
      const m = e.resOutputsEvent?.metadata;
      if (m && !m.type.startsWith("pulumi:")) plan[keyOf(m.urn)] = m.op;
    }
    return sorted(plan);
  }
  for (const step of stack.steps) {
    const op = ["create-replacement", "delete-replaced", "replace"].includes(step.op) ? "replace" : step.op;
    plan[step.key] = plan[step.key] === "replace" ? "replace" : op;
  }
  return sorted(plan);
}

/** The stand-in's plan, in the same terms. */
function standInPlan(summary: RunSummary): Plan {
  return sorted(Object.fromEntries(summary.steps.map((s) => [keyOf(s.urn), s.op])));
}

interface Dump {
  v1: {
    services: { sid: string; friendlyName: string }[];
    roles: { sid: string; serviceSid: string; friendlyName: string }[];
    conversations: { sid: string; serviceSid: string; uniqueName: string | null; friendlyName: string | null }[];
  };
  v2: { configurations: { id: string; displayName: string }[]; operations: { operationId: string }[] };
}

// Fields that hold times, server-made URLs or counters: they differ between any two runs.
const UNSTABLE = new Set([
  "seq",
  "dateCreated",
  "dateUpdated",
  "dateInactive",
  "dateClosed",
  "createdAt",
  "updatedAt",
  "completedAt",
  "statusUrl",
  "operationId",
]);

/**
 * The emulator's state with every SID and id replaced by a name made from the object itself
 * (`service:Support`, `role:Support/agent`, `conversation:Sales/lobby`, `configuration:routing`),
 * unstable fields dropped and every list sorted, so two accounts built the same way compare equal.
 */
function normalised(emulator: RunningEmulator): unknown {
  const dump = emulator.state() as Dump;
  const names = new Map<string, string>();
  for (const s of dump.v1.services) names.set(s.sid, `service:${s.friendlyName}`);
  const service = (sid: string) => (names.get(sid) ?? sid).replace(/^service:/, "");
  for (const r of dump.v1.roles) names.set(r.sid, `role:${service(r.serviceSid)}/${r.friendlyName}`);
  for (const c of dump.v1.conversations) names.set(c.sid, `conversation:${service(c.serviceSid)}/${c.uniqueName ?? c.friendlyName}`);
  for (const c of dump.v2.configurations) names.set(c.id, `configuration:${c.displayName}`);
  let text = JSON.stringify(dump, (key, value: unknown) => (UNSTABLE.has(key) ? undefined : value));
  for (const [id, name] of names) text = text.split(id).join(name);
  // Ids of objects deleted since (still named by operations, for one).
  text = text.replace(/\b(?:IS|RL|CH)[0-9a-f]{32}\b|\bconv_configuration_[0-9a-z]+\b/g, "(deleted)");
  const sortLists = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortLists).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortLists(v)]));
    return value;
  };
  return sortLists(JSON.parse(text));
}

/** Whether a replacement created the new object before deleting the old one, read from the requests sent. */
function replacementOrder(
  requests: readonly LoggedRequest[],
  created: (r: LoggedRequest) => boolean,
  oldPath: string,
  oldDelete = "DELETE",
) {
  const createdAt = requests.findIndex(created);
  const deletedAt = requests.map((r) => r.method === oldDelete && r.path === oldPath).lastIndexOf(true);
  expect(createdAt).toBeGreaterThanOrEqual(0);
  expect(deletedAt).toBeGreaterThanOrEqual(0);
  return createdAt < deletedAt ? "new first" : "old first";
}

/** Every service delete comes after every delete of something inside it. */
function dependentsDeletedFirst(requests: readonly LoggedRequest[]): boolean {
  const deletes = requests.filter((r) => r.method === "DELETE").map((r) => r.path);
  return deletes.every((p, i) => !/^\/v1\/Services\/[^/]+$/.test(p) || deletes.slice(i + 1).every((later) => !later.startsWith(`${p}/`)));
}

describeRealEngine("Fidelity: the engine stand-in against the real engine", (cli) => {
  const authToken = uniqueToken("fidelity");
  let real: RunningEmulator;
  let standIn: RunningEmulator;
  let sandbox: Sandbox;
  let stack: RealStack;
  let engine: EngineStandIn;
  let version: 1 | 2 | 3 = 1;
  const both = () => [real, standIn] as const;

  beforeAll(async () => {
    const options = { port: 0, authToken, operationDelayMs: 20, operationRetryAfterSeconds: 0 };
    [real, standIn] = await Promise.all([startEmulator(options), startEmulator(options)]);
    sandbox = Sandbox.create(cli, "fidelity");
    sandbox.secrets.push(authToken);
    stack = await sandbox.inlineStack({
      project: "fidelity",
      stack: "e2e",
      program: async () => (await scenario(version)()) as Record<string, unknown>,
      config: emulatorConfig(real),
    });
    engine = new EngineStandIn({
      project: "fidelity",
      stack: "e2e",
      statePath: path.join(sandbox.dir, "stand-in-state.json"),
      config: { "twilio:username": standIn.accountSid, "twilio:password": authToken, "twilio-conversations:baseUrl": standIn.url },
      secretKeys: ["twilio:password"],
    });
  });
  afterAll(async () => {
    await Promise.all([real?.close(), standIn?.close()]);
    sandbox?.dispose();
  });
  beforeEach(() => both().forEach((e) => e.clearRequests()));

  test("version 1, every kind created: the same plan and the same account", async () => {
    await stack.up();
    const summary = await engine.up(scenario(1));
    expect(realPlan(stack)).toEqual(standInPlan(summary));
    expect(Object.values(realPlan(stack))).toEqual(Array(9).fill("create"));
    expect(normalised(standIn)).toEqual(normalised(real));
  }, 120_000);

  test("version 2, updates in place, a replacement (new object first) and a removal: the same plan, order and account", async () => {
    const before = both().map((e) => (e.state() as Dump).v1.conversations.find((c) => c.friendlyName === "Desk")!);
    version = 2;
    await stack.up();
    const summary = await engine.up(scenario(2));
    expect(realPlan(stack)).toEqual(standInPlan(summary));
    expect(realPlan(stack)).toEqual({
      "Conversation/desk": "replace",
      "Conversation/lobby": "update",
      "Conversation/scratch": "delete",
      "ConversationService/sales": "same",
      "ConversationService/support": "same",
      "GlobalConfiguration/account": "update",
      "OrchestratorConfiguration/routing": "update",
      "ServiceConfiguration/support": "same",
      "ServiceRole/agent": "update",
    });
    const orders = both().map((e, i) =>
      replacementOrder(
        e.requests(),
        (r) => r.method === "POST" && r.path.endsWith("/Conversations") && (r.parsedBody as Record<string, string>).FriendlyName === "Desk",
        `/v1/Services/${before[i]!.serviceSid}/Conversations/${before[i]!.sid}`,
      ),
    );
    expect(orders).toEqual(["new first", "new first"]);
    expect(normalised(standIn)).toEqual(normalised(real));
  }, 120_000);

  test("refresh after changes outside Pulumi: the same drift found, nothing written", async () => {
    for (const e of both()) {
      const conversations = (e.state() as Dump).v1.conversations;
      const lobby = conversations.find((c) => c.uniqueName === "lobby")!;
      const desk = conversations.find((c) => c.friendlyName === "Desk")!;
      await twilioCall(e, "POST", `/v1/Services/${lobby.serviceSid}/Conversations/${lobby.sid}`, { FriendlyName: "renamed outside" });
      await twilioCall(e, "DELETE", `/v1/Services/${desk.serviceSid}/Conversations/${desk.sid}`);
      e.clearRequests();
    }
    await stack.refresh();
    const summary = await engine.refresh();
    expect(realPlan(stack, true)).toEqual(standInPlan(summary));
    expect(Object.entries(realPlan(stack, true)).filter(([, op]) => op !== "same")).toEqual([
      ["Conversation/desk", "delete"],
      ["Conversation/lobby", "update"],
    ]);
    for (const e of both()) expect(e.requests().filter((r) => r.method !== "GET")).toEqual([]);
    expect(normalised(standIn)).toEqual(normalised(real));
  }, 120_000);

  test("version 3, the service renamed: the same cascade of replacements, each in the same order, and the same account", async () => {
    const before = both().map((e) => {
      const d = e.state() as Dump;
      return {
        support: d.v1.services.find((s) => s.friendlyName === "Support")!.sid,
        agent: d.v1.roles.find((r) => r.friendlyName === "agent")!.sid,
        lobby: d.v1.conversations.find((c) => c.uniqueName === "lobby")!,
      };
    });
    version = 3;
    await stack.up();
    const summary = await engine.up(scenario(3));
    expect(realPlan(stack)).toEqual(standInPlan(summary));
    expect(realPlan(stack)).toMatchObject({
      "Conversation/desk": "create",
      "Conversation/lobby": "replace",
      "ConversationService/support": "replace",
      "ServiceConfiguration/support": "replace",
      "ServiceRole/agent": "replace",
    });
    const orders = both().map((e, i) => {
      const requests = e.requests();
      const b = before[i]!;
      const body = (r: LoggedRequest) => r.parsedBody as Record<string, string>;
      return {
        service: replacementOrder(
          requests,
          (r) => r.method === "POST" && r.path === "/v1/Services" && body(r).FriendlyName === "Support 2",
          `/v1/Services/${b.support}`,
        ),
        role: replacementOrder(
          requests,
          (r) => r.method === "POST" && r.path.endsWith("/Roles") && !r.path.includes(b.support),
          `/v1/Services/${b.support}/Roles/${b.agent}`,
        ),
        // A singleton: "created" by taking over the new service's configuration, "deleted" by restoring the old one's.
        configuration: replacementOrder(
          requests,
          (r) =>
            r.method === "POST" && /\/Configuration$/.test(r.path) && r.path.startsWith("/v1/Services/") && !r.path.includes(b.support),
          `/v1/Services/${b.support}/Configuration`,
          "POST",
        ),
        lobby: replacementOrder(
          requests,
          (r) => r.method === "POST" && r.path.endsWith("/Conversations") && body(r).UniqueName === "lobby",
          `/v1/Services/${b.lobby.serviceSid}/Conversations/${b.lobby.sid}`,
        ),
      };
    });
    expect(orders[0]).toEqual({ service: "new first", role: "new first", configuration: "new first", lobby: "new first" });
    expect(orders[1]).toEqual(orders[0]);
    expect(both().map((e) => dependentsDeletedFirst(e.requests()))).toEqual([true, true]);
    expect(normalised(standIn)).toEqual(normalised(real));
  }, 120_000);

  test("destroy: the same deletes, dependents first, and the same account left", async () => {
    await stack.destroy();
    const summary = await engine.destroy();
    expect(realPlan(stack)).toEqual(standInPlan(summary));
    expect(new Set(Object.values(realPlan(stack)))).toEqual(new Set(["delete"]));
    expect(both().map((e) => dependentsDeletedFirst(e.requests()))).toEqual([true, true]);
    expect(normalised(standIn)).toEqual(normalised(real));
  }, 120_000);

  test("no secret in the state, the stack files, PULUMI_HOME or the CLI output", () => {
    expect(sandbox.leaks()).toEqual([]);
  });
});
