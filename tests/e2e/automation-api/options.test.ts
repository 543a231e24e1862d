/**
 * Resource options and plans only the real engine carries out (the stand-in does not implement
 * them, engine-standin/README.md): `protect`, `retainOnDelete`, `ignoreChanges`; a
 * replacement of every kind that can be replaced, in the order its diff asks for (new first, or
 * the old one deleted first where a conversation keeps its unique name); `--parallel 1` against the
 * default. Inline programs, a file backend, the emulator.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation";
import * as tc from "pulumi-twilio-conversations";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { describeRealEngine, emulatorConfig, Sandbox, type Step, uniqueToken } from "./harness";

interface Dump {
  v1: {
    services: { sid: string; friendlyName: string }[];
    roles: { sid: string; serviceSid: string; friendlyName: string }[];
    conversations: { sid: string; serviceSid: string; uniqueName: string | null; friendlyName: string | null }[];
    configuration: { defaultChatServiceSid: string | null };
  };
  v2: { configurations: { id: string; conversationsV1Bridge?: { serviceId: string } | null }[] };
}

/** Where in the run the engine started `op` on the resource `key` (`Kind/name`); -1 if it did not. */
function at(steps: readonly Step[], key: string, op: string): number {
  return steps.findIndex((s) => s.key === key && s.op === op);
}

describeRealEngine("Automation API: resource options, replacements and parallelism", (cli) => {
  const authToken = uniqueToken("options");
  let emulator: RunningEmulator;
  let sandbox: Sandbox;
  const dump = () => emulator.state() as Dump;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, authToken, operationDelayMs: 20, operationRetryAfterSeconds: 0 });
    sandbox = Sandbox.create(cli, "options");
    sandbox.secrets.push(authToken);
  });
  afterAll(async () => {
    await emulator?.close();
    sandbox?.dispose();
  });
  // Each test starts from a fresh account (and its own stack).
  beforeEach(() => emulator.reset());

  const stackOf = (project: string, program: () => unknown) =>
    sandbox.inlineStack({
      project,
      stack: "e2e",
      program: async () => (await program()) as Record<string, unknown>,
      config: emulatorConfig(emulator),
    });

  test("protect refuses the delete, retainOnDelete leaves the object, ignoreChanges keeps the old value", async () => {
    let version = 1;
    const stack = await stackOf("options", () => {
      const service = new tc.ConversationService("support", { friendlyName: "Support" }, { protect: version < 4 });
      // In the account's default service, so it outlives the service above.
      if (version < 3) new tc.Conversation("keep", { uniqueName: "keep", friendlyName: "Keep" }, { retainOnDelete: true });
      new tc.Conversation(
        "quiet",
        { chatServiceSid: service.sid, uniqueName: "quiet", friendlyName: version === 1 ? "Quiet" : "Loud" },
        { ignoreChanges: ["friendlyName"] },
      );
      return { serviceSid: service.sid };
    });
    const up = await stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 4 });
    const serviceSid = String(up.outputs.serviceSid!.value);
    expect((await stack.resources()).find((r) => r.id === serviceSid)).toMatchObject({ protect: true });

    // ignoreChanges: the program's new name is not a change; Twilio keeps the old one.
    version = 2;
    const renamed = await stack.up();
    expect(renamed.summary.resourceChanges).toEqual({ same: 4 });
    expect(dump().v1.conversations.find((c) => c.uniqueName === "quiet")?.friendlyName).toBe("Quiet");

    // retainOnDelete: gone from the stack, still in the account.
    version = 3;
    const released = await stack.up();
    expect(released.summary.resourceChanges).toMatchObject({ delete: 1, same: 3 });
    expect((await stack.resources()).map((r) => r.urn)).not.toContainEqual(expect.stringMatching(/::keep$/));
    const kept = dump().v1.conversations.find((c) => c.uniqueName === "keep");
    expect(kept?.friendlyName).toBe("Keep");

    // protect: destroy deletes what it may and refuses the protected service, naming it.
    const refused = await stack.destroy().catch((e: Error) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(String(refused)).toMatch(/support.*protected|protected.*support/s);
    expect(dump().v1.services.map((s) => s.sid)).toContain(serviceSid);
    expect((await stack.resources()).map((r) => r.id)).toEqual([serviceSid]);

    version = 4; // protect: false (the conversation the destroy removed comes back)
    const unprotected = await stack.up();
    expect(unprotected.summary.resourceChanges).toMatchObject({ create: 1 });
    expect((await stack.resources()).find((r) => r.id === serviceSid)).not.toHaveProperty("protect", true);
    const destroy = await stack.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: 3 });
    expect(dump().v1.services.map((s) => s.sid)).not.toContain(serviceSid);
    expect(dump().v1.conversations.map((c) => c.uniqueName)).toEqual(["keep"]);
  }, 240_000);

  test("each kind that can be replaced is, in the order its diff asks for", async () => {
    let version = 1;
    const stack = await stackOf("replacements", () => {
      const support = new tc.ConversationService("support", { friendlyName: version < 3 ? "Support" : "Support 2" });
      const sales = new tc.ConversationService("sales", { friendlyName: "Sales" });
      const agent = new tc.ServiceRole("agent", {
        chatServiceSid: support.sid,
        friendlyName: version === 1 ? "agent" : "agent-2",
        type: "conversation",
        permissions: ["sendMessage"],
      });
      new tc.ServiceConfiguration("support", { chatServiceSid: support.sid, defaultConversationRoleSid: agent.sid });
      new tc.GlobalConfiguration("account", { defaultChatServiceSid: support.sid });
      // Moved to another service keeping its unique name: unique names are unique per service, so the
      // new one can exist beside the old, and is made first (losing both is the risk of deleting first).
      new tc.Conversation("lobby", { chatServiceSid: version === 1 ? support.sid : sales.sid, uniqueName: "lobby" });
      // Moving service without a unique name: the new one first.
      new tc.Conversation("desk", { chatServiceSid: version === 1 ? support.sid : sales.sid, friendlyName: "Desk" });
      new tc.OrchestratorConfiguration("routing", {
        displayName: "routing",
        description: "bridged to support",
        conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
        memoryStoreId: "mem_store_e2e",
        conversationsV1Bridge: { serviceId: support.sid },
      });
      return {};
    });
    await stack.up();
    const v1 = dump();
    const deskV1 = v1.v1.conversations.find((c) => c.friendlyName === "Desk")!;

    // A role renamed, two conversations moved to another service.
    version = 2;
    await stack.up();
    let s = stack.steps;
    expect(
      s
        .filter((x) => x.op !== "same")
        .map((x) => `${x.op} ${x.key}`)
        .sort(),
    ).toEqual(
      [
        "create-replacement Conversation/desk",
        "create-replacement Conversation/lobby",
        "create-replacement ServiceRole/agent",
        "delete-replaced Conversation/desk",
        "delete-replaced Conversation/lobby",
        "delete-replaced ServiceRole/agent",
        "replace Conversation/desk",
        "replace Conversation/lobby",
        "replace ServiceRole/agent",
        "update ServiceConfiguration/support",
      ].sort(),
    );
    expect(at(s, "ServiceRole/agent", "create-replacement")).toBeLessThan(at(s, "ServiceRole/agent", "delete-replaced"));
    expect(at(s, "Conversation/desk", "create-replacement")).toBeLessThan(at(s, "Conversation/desk", "delete-replaced"));
    expect(at(s, "Conversation/lobby", "create-replacement")).toBeLessThan(at(s, "Conversation/lobby", "delete-replaced"));
    const v2 = dump();
    const salesSid = v2.v1.services.find((x) => x.friendlyName === "Sales")!.sid;
    expect(v2.v1.roles.filter((r) => r.friendlyName.startsWith("agent")).map((r) => r.friendlyName)).toEqual(["agent-2"]);
    expect(v2.v1.conversations.filter((c) => c.uniqueName === "lobby").map((c) => c.serviceSid)).toEqual([salesSid]);
    expect(v2.v1.conversations.filter((c) => c.friendlyName === "Desk").map((c) => c.serviceSid)).toEqual([salesSid]);
    expect(v2.v1.conversations.map((c) => c.sid)).not.toContain(deskV1.sid);

    // The service renamed: it is replaced, and so is everything that names it by SID.
    version = 3;
    await stack.up();
    s = stack.steps;
    const replaced = s.filter((x) => x.op === "replace").map((x) => x.key);
    expect(replaced.sort()).toEqual(["ConversationService/support", "ServiceConfiguration/support", "ServiceRole/agent"]);
    expect(
      s
        .filter((x) => x.op === "update")
        .map((x) => x.key)
        .sort(),
    ).toEqual(["GlobalConfiguration/account", "OrchestratorConfiguration/routing"]);
    // The new service before anything in it; the old one deleted after everything that was in it.
    expect(at(s, "ConversationService/support", "create-replacement")).toBeLessThan(at(s, "ServiceRole/agent", "create-replacement"));
    expect(at(s, "ServiceConfiguration/support", "create-replacement")).toBeLessThan(
      at(s, "ServiceConfiguration/support", "delete-replaced"),
    );
    expect(at(s, "ServiceRole/agent", "delete-replaced")).toBeLessThan(at(s, "ConversationService/support", "delete-replaced"));
    expect(at(s, "ServiceConfiguration/support", "delete-replaced")).toBeLessThan(at(s, "ConversationService/support", "delete-replaced"));
    const v3 = dump();
    const support2 = v3.v1.services.find((x) => x.friendlyName === "Support 2")!.sid;
    expect(v3.v1.services.map((x) => x.friendlyName)).not.toContain("Support");
    expect(v3.v1.configuration.defaultChatServiceSid).toBe(support2);
    expect(v3.v2.configurations.map((c) => c.conversationsV1Bridge?.serviceId)).toEqual([support2]);
  }, 240_000);

  test("--parallel 1 takes one step at a time, the default several, and both end in the same state", async () => {
    const stack = await stackOf("parallel", () => {
      const service = new tc.ConversationService("queues", { friendlyName: "Queues" });
      for (const q of ["a", "b", "c", "d", "e"]) new tc.Conversation(q, { chatServiceSid: service.sid, uniqueName: q, friendlyName: q });
      return {};
    });
    /** Most resource steps running at once: started (pre) and not yet finished (outputs). */
    const mostAtOnce = (events: EngineEvent[]) => {
      let running = 0;
      let most = 0;
      for (const e of events) {
        if (e.resourcePreEvent && !e.resourcePreEvent.metadata.type.startsWith("pulumi:")) most = Math.max(most, ++running);
        if (e.resOutputsEvent && !e.resOutputsEvent.metadata.type.startsWith("pulumi:")) running--;
      }
      return most;
    };
    const shape = () =>
      dump()
        .v1.conversations.filter((c) => c.uniqueName && "abcde".includes(c.uniqueName))
        .map((c) => `${c.uniqueName}:${c.friendlyName}`)
        .sort();

    // Some latency, so that steps the engine runs together overlap.
    emulator.setFaults({ latencyMs: 50 });
    try {
      const one = await stack.up({ parallel: 1 });
      expect(one.summary.resourceChanges).toEqual({ create: 7 });
      expect(mostAtOnce(stack.events)).toBe(1);
      const sequential = shape();
      await stack.destroy({ parallel: 1 });
      expect(shape()).toEqual([]);

      const many = await stack.up();
      expect(many.summary.resourceChanges).toEqual({ create: 7 });
      expect(mostAtOnce(stack.events)).toBeGreaterThan(1);
      expect(shape()).toEqual(sequential);
    } finally {
      emulator.setFaults({ latencyMs: 0 });
    }
  }, 240_000);

  test("no secret in the state, the stack files, PULUMI_HOME or the CLI output", () => {
    expect(sandbox.leaks()).toEqual([]);
  });
});
