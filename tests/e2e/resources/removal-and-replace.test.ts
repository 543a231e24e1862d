/**
 * What removing a property and replacing a conversation do, through the engine stand-in and the
 * REAL dynamic-provider host, as `pulumi preview` / `pulumi up` would show them:
 * - a property Twilio cannot clear, removed from the program, is left as it is and the run carries
 *   a warning (the provider logs it to the engine's Engine service, which the stand-in serves);
 *   what Twilio can clear is cleared the documented way (PT0S, an empty unique name, `{}`);
 * - a conversation whose service changes is created in the new service before the old one is
 *   deleted, even with the same unique name; a replacement forced in the same service with the
 *   same unique name deletes first.
 * Runs against a live account too (tests/support/account.ts): everything here is created by the
 * test and read back through the API.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import * as tc from "pulumi-twilio-conversations";

import { EngineStandIn, type RunSummary } from "../../../engine-standin";
import { useAccount } from "../../support/account";

const account = useAccount();
let dir: string;
let services: { first: string; second: string };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-removal-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  const create = async (name: string) =>
    (await account.outOfBand.request<{ sid: string }>({ method: "POST", path: "/v1/Services", form: { FriendlyName: account.name(name) } }))
      .data.sid;
  services = { first: await create("First"), second: await create("Second") };
  account.clearRequests();
});

function engine(stack: string): EngineStandIn {
  return new EngineStandIn({
    project: "removal",
    stack,
    statePath: path.join(dir, `${stack}.json`),
    config: account.config,
    secretKeys: account.secretKeys,
  });
}

const warningsOf = (summary: RunSummary) => summary.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
const writes = () =>
  account
    .requests()
    .filter((r) => r.method !== "GET")
    .map((r) => ({ method: r.method, path: r.path, body: r.body }));
type Json = Record<string, any>;
const get = async (p: string) => (await account.outOfBand.request<Json>({ method: "GET", path: p })).data;

describe("removing properties, through the real host", () => {
  it("warns in preview and up about what Twilio cannot clear, clears the rest the documented way, then is quiet", async () => {
    const stack = engine("removal");
    const full = () =>
      void new tc.Conversation("lobby", {
        chatServiceSid: services.first,
        uniqueName: account.name("lobby"),
        friendlyName: account.name("Lobby"),
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
      `Conversation "${account.name("lobby")}": friendlyName was removed from the program, but Twilio cannot clear a friendly name ` +
      `(it ignores an empty FriendlyName and keeps the old one), so it is left as it is on Twilio. It stays "${account.name("Lobby")}". ` +
      "Set friendlyName to the value you want to change it; removing it only stops Pulumi from managing it.";
    const preview = await stack.preview(bare);
    expect(preview.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["update lobby"]);
    expect(warningsOf(preview)).toEqual([warning]);

    account.clearRequests();
    const applied = await stack.up(bare);
    expect(warningsOf(applied)).toEqual([warning]);
    expect(writes()).toEqual([
      {
        method: "POST",
        path: `/v1/Services/${services.first}/Conversations/${sid}`,
        body: { UniqueName: "", Attributes: "{}", "Timers.Inactive": "PT0S" },
      },
    ]);
    const live = await get(`/v1/Services/${services.first}/Conversations/${sid}`);
    expect(live).toMatchObject({ friendly_name: account.name("Lobby"), unique_name: null, attributes: "{}" });
    expect(live.timers?.date_inactive ?? null).toBeNull();

    // Recorded: the next preview has nothing to do and nothing to say.
    const again = await stack.preview(bare);
    expect(again.steps.map((s) => s.op)).toEqual(["same"]);
    expect(warningsOf(again)).toEqual([]);
    await stack.destroy();
  });

  it("destroy puts a singleton back as it found it, sending no empty SID", async () => {
    const stack = engine("singleton");
    const before = await get("/v1/Configuration");
    const timer = before.default_inactive_timer === "PT7M" ? "PT8M" : "PT7M";
    await stack.up(() => void new tc.GlobalConfiguration("account", { defaultInactiveTimer: timer }));
    account.clearRequests();
    const destroyed = await stack.destroy();
    // A timer that was unset goes back with PT0S; one that was set, to its value.
    expect(writes()).toEqual([
      { method: "POST", path: "/v1/Configuration", body: { DefaultInactiveTimer: before.default_inactive_timer ?? "PT0S" } },
    ]);
    expect(warningsOf(destroyed)).toEqual([]);
    expect(await get("/v1/Configuration")).toEqual(before);
  });
});

describe("replacing a conversation, through the real host", () => {
  it("creates it in the new service before deleting the old one, even with the same unique name", async () => {
    const stack = engine("move");
    const inService = (service: string) => () =>
      void new tc.Conversation("desk", { chatServiceSid: service, uniqueName: account.name("desk") });
    await stack.up(inService(services.first));
    const old = stack.readState().resources[0]!.id;
    account.clearRequests();
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
    account.clearRequests();
    const replaced = await stack.up(named("Front desk"));
    expect(replaced.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["replace desk"]);
    expect(writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      `DELETE /v1/Services/${services.first}/Conversations/${old}`,
      `POST /v1/Services/${services.first}/Conversations`,
    ]);
    await stack.destroy();
  });
});
