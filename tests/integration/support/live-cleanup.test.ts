/**
 * The live run's harness, against an emulator standing in for the real account (a "fake live"
 * target, reached the way a live run reaches Twilio: through the recording proxy): what a run
 * creates is recorded and deleted, singletons go back as they were, and nothing the run did not
 * create sees a single write.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { resolveSettings } from "../../../provider/config";
import { TwilioClient } from "../../../provider/http/client";
import { listAllV1 } from "../../../provider/shared/v1-list";
import { runPrefix } from "../../support/account";
import { cleanUp, fileRegistry, type RunRegistry, snapshotSingletons } from "../../support/live-cleanup";
import { createdBy, type RecordingProxy, startRecordingProxy } from "../../support/recording-proxy";

const PREFIX = runPrefix("k3x9q2a");

let emulator: RunningEmulator;
let dir: string;
let direct: TwilioClient;
let proxy: RecordingProxy;
let registry: RunRegistry;
let viaProxy: TwilioClient;

const clientFor = (baseUrl: string) =>
  new TwilioClient(
    resolveSettings(undefined, {
      TWILIO_ACCOUNT_SID: emulator.accountSid,
      TWILIO_AUTH_TOKEN: emulator.authToken,
      TWILIO_CONVERSATIONS_BASE_URL: baseUrl,
    }),
  );

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, operationDelayMs: 0, operationRetryAfterSeconds: 0 });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  emulator.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "live-cleanup-"));
  registry = fileRegistry(path.join(dir, "created.jsonl"));
  direct = clientFor(emulator.url);
  proxy = await startRecordingProxy(emulator.url, (created) => registry.record(created));
  viaProxy = clientFor(proxy.url);
});
afterEach(async () => {
  await proxy.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Json = Record<string, any>;
const post = async (client: TwilioClient, p: string, form: Json) => (await client.request<Json>({ method: "POST", path: p, form })).data;
const get = async (p: string) => (await direct.request<Json>({ method: "GET", path: p })).data;
const writes = () => emulator.requests().filter((r) => r.method !== "GET");

/** What the account holds that someone else made before the run. */
async function theirs() {
  const service = (await post(direct, "/v1/Services", { FriendlyName: "Keep" })).sid as string;
  const conversation = (await post(direct, `/v1/Services/${service}/Conversations`, { UniqueName: "keep-me" })).sid as string;
  const lobby = (await post(direct, "/v1/Conversations", { UniqueName: "their-lobby" })).sid as string;
  return { service, conversation, lobby };
}

describe("the recording proxy", () => {
  it("logs what goes through, records what it created with the path that deletes it, and keeps paging on itself", async () => {
    const service = await post(viaProxy, "/v1/Services", { FriendlyName: `${PREFIX}a` });
    await post(viaProxy, "/v1/Services", { FriendlyName: `${PREFIX}b` });
    const conversation = await post(viaProxy, "/v1/Conversations", { UniqueName: `${PREFIX}c` });
    expect(service.url).toBe(`${proxy.url}/v1/Services/${service.sid}`);
    expect(registry.entries()).toEqual([
      { id: service.sid, deletePath: `/v1/Services/${service.sid}` },
      expect.objectContaining({ deletePath: expect.stringMatching(/^\/v1\/Services\/IS\w+$/) }),
      { id: conversation.sid, deletePath: `/v1/Services/${conversation.chat_service_sid}/Conversations/${conversation.sid}` },
    ]);
    // next_page_url comes back on the proxy's origin, so the client (which refuses other hosts) follows it.
    const services = await listAllV1(viaProxy, "/v1/Services", "services", { pageSize: 1, action: "listing" });
    expect(services).toHaveLength(3);
    expect(proxy.requests()[0]).toMatchObject({
      method: "POST",
      path: "/v1/Services",
      parsedBody: { FriendlyName: `${PREFIX}a` },
      status: 201,
    });
    // Credentials pass through to Twilio but are never kept in the log.
    expect(proxy.requests()[0]!.headers).not.toHaveProperty("authorization");
    expect(proxy.requests()[0]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("records a v2 configuration from its 202, and nothing for reads, updates or failures", () => {
    expect(createdBy("POST", "/v2/ControlPlane/Configurations", 202, { related: { configurationId: "conv_configuration_1" } })).toEqual({
      id: "conv_configuration_1",
      deletePath: "/v2/ControlPlane/Configurations/conv_configuration_1",
    });
    expect(createdBy("POST", "/v1/Services/IS1/Roles", 201, { sid: "RL1" })).toEqual({
      id: "RL1",
      deletePath: "/v1/Services/IS1/Roles/RL1",
    });
    expect(createdBy("POST", "/v1/Conversations/CH1", 200, { sid: "CH1" })).toBeUndefined();
    expect(createdBy("GET", "/v1/Services", 200, { sid: "IS1" })).toBeUndefined();
    expect(createdBy("POST", "/v1/Services", 400, { code: 20001 })).toBeUndefined();
  });
});

describe("cleanUp", () => {
  it("deletes what the run created, puts the singletons back, and writes nothing to what it did not create", async () => {
    const before = await theirs();
    const snapshot = await snapshotSingletons(direct);

    // The run, through the proxy.
    const service = (await post(viaProxy, "/v1/Services", { FriendlyName: `${PREFIX}support` })).sid as string;
    await post(viaProxy, `/v1/Services/${service}/Roles`, {
      FriendlyName: `${PREFIX}agent`,
      Type: "conversation",
      Permission: "sendMessage",
    });
    await post(viaProxy, "/v1/Conversations", { UniqueName: `${PREFIX}lobby` });
    await post(viaProxy, `/v1/Services/${before.service}/Conversations`, { UniqueName: `${PREFIX}in-their-service` });
    await viaProxy.request({
      method: "POST",
      path: "/v2/ControlPlane/Configurations",
      json: { displayName: `${PREFIX}routing`, description: "", conversationGroupingType: "GROUP_BY_PROFILE", memoryStoreId: "m" },
      idempotencyKey: "3f1f8c1e-5a63-4f57-9a51-6a4a8c2f0b11",
    });
    // A create whose answer was lost never reached the registry; its name still says whose it is.
    const lost = (await post(direct, "/v1/Conversations", { UniqueName: `${PREFIX}lost` })).sid as string;
    await post(viaProxy, "/v1/Configuration", { DefaultInactiveTimer: "PT5M", DefaultChatServiceSid: service });
    await post(viaProxy, `/v1/Services/${before.service}/Configuration`, { ReachabilityEnabled: "true" });

    emulator.clearRequests();
    const report = await cleanUp(direct, { created: registry.entries(), snapshot, sweepPrefix: PREFIX });
    expect(report.problems).toEqual([]);

    // Everything the run made is gone; what was there before is all there, untouched.
    const services = (await get("/v1/Services")).services.map((s: Json) => s.friendly_name);
    expect(services).not.toContain(`${PREFIX}support`);
    const inTheirs = (await get(`/v1/Services/${before.service}/Conversations`)).conversations.map((c: Json) => c.sid);
    expect(inTheirs).toEqual([before.conversation]);
    const defaults = (await get("/v1/Conversations")).conversations.map((c: Json) => c.sid);
    expect(defaults).toEqual([before.lobby]);
    expect(defaults).not.toContain(lost);
    expect((await get("/v2/ControlPlane/Configurations")).configurations).toEqual([]);
    const account = await get("/v1/Configuration");
    expect({ chat: account.default_chat_service_sid, inactive: account.default_inactive_timer }).toEqual({
      chat: snapshot.account.default_chat_service_sid,
      inactive: null,
    });
    expect((await get(`/v1/Services/${before.service}/Configuration`)).reachability_enabled).toBe(false);

    // The only writes: the two singletons put back, then deletes of the run's own objects.
    const written = writes().map((r) => `${r.method} ${r.path}`);
    expect(written.slice(0, 2)).toEqual(["POST /v1/Configuration", `POST /v1/Services/${before.service}/Configuration`]);
    expect(writes()[0]!.parsedBody).toEqual({
      DefaultChatServiceSid: snapshot.account.default_chat_service_sid,
      DefaultInactiveTimer: "PT0S",
    });
    const theirPaths = [`/v1/Services/${before.service}`, before.conversation, before.lobby];
    expect(written.slice(2).every((w) => w.startsWith("DELETE ") && !theirPaths.some((p) => w.endsWith(p)))).toBe(true);
    expect(written).toContain(`DELETE /v1/Services/${emulatorDefault(snapshot)}/Conversations/${lost}`);

    // Run again (a second teardown, say): nothing left to do; the registry's deletes find nothing (404).
    emulator.clearRequests();
    const again = await cleanUp(direct, { created: registry.entries(), snapshot, sweepPrefix: PREFIX });
    expect(again).toEqual({ restored: [], deleted: [], problems: [] });
    expect(writes().map((r) => `${r.method} ${r.status}`)).toEqual(registry.entries().map(() => "DELETE 404"));
  });

  it("reports a SID that was unset before the run instead of sending an empty one", async () => {
    const snapshot = await snapshotSingletons(direct);
    const unset = { ...snapshot, account: { ...snapshot.account, default_messaging_service_sid: null } };
    emulator.clearRequests();
    const report = await cleanUp(direct, { created: [], snapshot: unset });
    expect(report.problems).toEqual([
      expect.stringMatching(/^account: DefaultMessagingServiceSid was unset before the run and Twilio cannot empty it; it stays "MG\w+"$/),
    ]);
    expect(writes()).toEqual([]);
  });

  it("refuses to sweep by a prefix that is not a run's, and deletes nothing by name", async () => {
    await theirs();
    emulator.clearRequests();
    const report = await cleanUp(direct, { created: [], sweepPrefix: "" });
    expect(report.problems).toEqual(['not sweeping by name: "" is not a run prefix']);
    expect(writes()).toEqual([]);
  });

  it("goes on past an object that is already gone", async () => {
    const service = (await post(viaProxy, "/v1/Services", { FriendlyName: `${PREFIX}gone` })).sid as string;
    await direct.request({ method: "DELETE", path: `/v1/Services/${service}` });
    const report = await cleanUp(direct, { created: registry.entries() });
    expect(report).toEqual({ restored: [], deleted: [], problems: [] });
  });
});

/** The account's default service as the snapshot found it. */
function emulatorDefault(snapshot: { account: Record<string, unknown> }): string {
  return String(snapshot.account.default_chat_service_sid);
}
