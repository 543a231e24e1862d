/**
 * What a stack in steady state costs at the API, counted in the emulator's request log: a program
 * with every kind (a conversation in a service and one through the account's default service,
 * `/v1/Conversations`) is applied through the engine stand-in (the real dynamic-provider host),
 * then:
 * - `up` again with nothing changed must send no writing request (POST, PUT, PATCH, DELETE); the
 *   baseline is the writes the first `up` sent;
 * - the first `refresh` must send one GET per resource and report no change (a change there is
 *   spurious: nothing was touched); the baseline is the number of resources.
 * Counts, not times: they do not depend on the machine.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import * as tc from "pulumi-twilio-conversations";

import { startEmulator } from "../emulator/server";
import { EngineStandIn } from "../engine-standin";
import type { BenchResult } from "./report";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function program() {
  const service = new tc.ConversationService("support", { friendlyName: "Support" });
  const agent = new tc.ServiceRole("agent", {
    chatServiceSid: service.sid,
    friendlyName: "agent",
    type: "conversation",
    permissions: ["sendMessage", "leaveConversation"],
  });
  new tc.ServiceConfiguration("support", { chatServiceSid: service.sid, defaultConversationRoleSid: agent.sid });
  new tc.GlobalConfiguration("account", { defaultClosedTimer: "P1D" });
  new tc.Conversation("lobby", { chatServiceSid: service.sid, uniqueName: "lobby", friendlyName: "Lobby", attributes: { tier: "gold" } });
  // Through /v1/Conversations: the account's default service.
  new tc.Conversation("walk-in", { uniqueName: "walk-in", friendlyName: "Walk-in" });
  new tc.OrchestratorConfiguration("routing", {
    displayName: "routing",
    description: "steady state",
    conversationGroupingType: "GROUP_BY_PROFILE",
    memoryStoreId: "mem_store_bench",
    conversationsV1Bridge: { serviceId: service.sid },
  });
  return {};
}

export async function benchSteadyState(): Promise<BenchResult[]> {
  const emulator = await startEmulator({ port: 0, operationDelayMs: 50, operationRetryAfterSeconds: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-steady-state-"));
  const engine = () =>
    new EngineStandIn({
      project: "bench",
      stack: "steady",
      statePath: path.join(dir, "state.json"),
      config: { "twilio:accountSid": emulator.accountSid, "twilio:authToken": emulator.authToken, "twilio:baseUrl": emulator.url },
      secretKeys: ["twilio:authToken"],
    });
  try {
    const writes = () => emulator.requests().filter((r) => WRITES.has(r.method));
    await engine().up(program);
    const firstWrites = writes().length;
    const resources = engine().readState().resources.length;

    emulator.clearRequests();
    const again = await engine().up(program);
    const noOpWrites = writes().length;
    const noOpReads = emulator.requests().length - noOpWrites;
    if (again.counts.same !== resources) throw new Error(`the second up changed something: ${JSON.stringify(again.counts)}`);

    emulator.clearRequests();
    const refreshed = await engine().refresh();
    const sent = emulator.requests();
    const gets = sent.filter((r) => r.method === "GET").length;
    const drift = refreshed.steps.filter((s) => s.op !== "same");
    const driftText = drift.length === 0 ? "none" : drift.map((s) => `${s.name} (${(s.changed ?? []).join(", ")})`).join("; ");

    await engine().destroy();
    return [
      {
        name: "no-op up: writing requests",
        baseline: `${firstWrites} (the first up)`,
        measured: `${noOpWrites} (and ${noOpReads} other requests)`,
        ratio: noOpWrites / firstWrites,
      },
      {
        name: "first refresh: requests per resource",
        baseline: `${resources} resources`,
        measured: `${sent.length} requests, ${gets} GETs`,
        ratio: sent.length / resources,
      },
      {
        name: "first refresh: resources reported changed",
        baseline: `${resources} resources`,
        measured: `${drift.length}: ${driftText}`,
        ratio: drift.length / resources,
      },
    ];
  } finally {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
