/**
 * What removing a property and replacing a conversation do, through the engine stand-in and the
 * REAL dynamic-provider host, as `pulumi preview` / `pulumi up` would show them:
 * - a property Twilio cannot clear, removed from the program, is left as it is and the run carries
 *   a warning (the provider logs it to the engine's Engine service, which the stand-in serves);
 *   what Twilio can clear is cleared the documented way (PT0S, an empty unique name, `{}`);
 * - a conversation whose service changes is created in the new service before the old one is
 *   deleted, even with the same unique name; a replacement forced in the same service with the
 *   same unique name deletes first.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import * as tc from "pulumi-twilio-conversations";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { EngineStandIn, type RunSummary } from "../../../engine-standin";

let emulator: RunningEmulator;
let dir: string;
let services: { first: string; second: string };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-removal-"));
  const create = async (name: string) => {
    const auth = Buffer.from(`${emulator.accountSid}:${emulator.authToken}`).toString("base64");
    const response = await fetch(`${emulator.url}/v1/Services`, {
      method: "POST",
      headers: { authorization: `Basic ${auth}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ FriendlyName: name }).toString(),
    });
    return ((await response.json()) as { sid: string }).sid;
  };
  services = { first: await create("First"), second: await create("Second") };
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function engine(stack: string): EngineStandIn {
  return new EngineStandIn({
    project: "removal",
    stack,
    statePath: path.join(dir, `${stack}.json`),
    config: { "twilio:accountSid": emulator.accountSid, "twilio:authToken": emulator.authToken, "twilio:baseUrl": emulator.url },
    secretKeys: ["twilio:authToken"],
  });
}

const warningsOf = (summary: RunSummary) => summary.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
const writes = () =>
  emulator
    .requests()
    .filter((r) => r.method !== "GET")
    .map((r) => ({ method: r.method, path: r.path, body: r.parsedBody }));

describe("removing properties, through the real host", () => {
  it("warns in preview and up about what Twilio cannot clear, clears the rest the documented way, then is quiet", async () => {
    const stack = engine("removal");
    const full = () =>
      void new tc.Conversation("lobby", {
        chatServiceSid: services.first,
        uniqueName: "lobby",
        friendlyName: "Lobby",
        attributes: { floor: 1 },
        timers: { inactive: "PT1H" },
      });
    const created = await stack.up(full);
    expect(created.counts.create).toBe(1);
    expect(warningsOf(created)).toEqual([]);
    const sid = stack.readState().resources[0]!.id;

    // The program drops every property but the service.
    const bare = () => void new tc.Conversation("lobby", { chatServiceSid: services.first });
    const warning =
      'Conversation "lobby": friendlyName was removed from the program, but Twilio cannot clear a friendly name (it ignores an ' +
      'empty FriendlyName and keeps the old one), so it is left as it is on Twilio. It stays "Lobby". Set friendlyName to the ' +
      "value you want to change it; removing it only stops Pulumi from managing it.";
    const preview = await stack.preview(bare);
    expect(preview.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["update lobby"]);
    expect(warningsOf(preview)).toEqual([warning]);

    emulator.clearRequests();
    const applied = await stack.up(bare);
    expect(warningsOf(applied)).toEqual([warning]);
    expect(writes()).toEqual([
      {
        method: "POST",
        path: `/v1/Services/${services.first}/Conversations/${sid}`,
        body: { UniqueName: "", Attributes: "{}", "Timers.Inactive": "PT0S" },
      },
    ]);
    expect(findConversation(emulator.state(), sid)).toMatchObject({
      friendlyName: "Lobby",
      uniqueName: null,
      attributes: "{}",
      dateInactive: null,
    });

    // Recorded: the next preview has nothing to do and nothing to say.
    const again = await stack.preview(bare);
    expect(again.steps.map((s) => s.op)).toEqual(["same"]);
    expect(warningsOf(again)).toEqual([]);
    await stack.destroy();
  });

  it("destroy puts a singleton back with PT0S for a timer that had none, sending nothing else", async () => {
    const stack = engine("singleton");
    const before = (emulator.state() as any).v1.configuration;
    await stack.up(() => void new tc.GlobalConfiguration("account", { defaultInactiveTimer: "PT5M" }));
    emulator.clearRequests();
    const destroyed = await stack.destroy();
    expect(writes()).toEqual([{ method: "POST", path: "/v1/Configuration", body: { DefaultInactiveTimer: "PT0S" } }]);
    expect(warningsOf(destroyed)).toEqual([]);
    expect((emulator.state() as any).v1.configuration).toEqual(before);
  });
});

describe("replacing a conversation, through the real host", () => {
  it("creates it in the new service before deleting the old one, even with the same unique name", async () => {
    const stack = engine("move");
    const inService = (service: string) => () => void new tc.Conversation("desk", { chatServiceSid: service, uniqueName: "desk" });
    await stack.up(inService(services.first));
    const old = stack.readState().resources[0]!.id;
    emulator.clearRequests();
    const moved = await stack.up(inService(services.second));
    expect(moved.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["replace desk"]);
    expect(writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /v1/Services/${services.second}/Conversations`,
      `DELETE /v1/Services/${services.first}/Conversations/${old}`,
    ]);
    await stack.destroy();
  });

  it("deletes first when a replacement is forced in the same service with the same unique name", async () => {
    const stack = engine("forced");
    const named = (friendlyName: string) => () =>
      void new tc.Conversation(
        "desk",
        { chatServiceSid: services.first, uniqueName: "desk", friendlyName },
        { replaceOnChanges: ["friendlyName"] },
      );
    await stack.up(named("Desk"));
    const old = stack.readState().resources[0]!.id;
    emulator.clearRequests();
    const replaced = await stack.up(named("Front desk"));
    expect(replaced.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["replace desk"]);
    expect(writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      `DELETE /v1/Services/${services.first}/Conversations/${old}`,
      `POST /v1/Services/${services.first}/Conversations`,
    ]);
    await stack.destroy();
  });
});

/** A conversation in the emulator's state dump, by SID. */
function findConversation(dump: any, sid: string): Record<string, unknown> | undefined {
  const conversations: any[] = dump.v1?.conversations ?? [];
  return conversations.find((c) => c.sid === sid);
}
