/**
 * exportAccount against a seeded emulator: every page of every list, keys from names, references
 * for SIDs in the export, parameters for environment-specific values, 429s retried, bounded
 * concurrency, nothing secret in the output.
 */
import { exportAccount, formatSpec } from "../../../cli/export";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import { DOCUMENT_KINDS } from "../../../sdk/spec/kinds";
import { parseSpec } from "../../../sdk/spec/parse";
import { clientFor, SEED_MG_DEFAULT, SEED_MG_SALES, seedAccount } from "./seed";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, operationDelayMs: 5, operationRetryAfterSeconds: 0, accountSid: `AC${"a".repeat(32)}` });
  await seedAccount(emulator);
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.resetFaults();
  emulator.clearRequests();
});

test("exports every entry, keyed by name, with references and parameters, and the text parses back", async () => {
  const doc = await exportAccount(clientFor(emulator));
  expect(parseSpec(formatSpec(doc, "yaml"))).toEqual(doc);
  expect(parseSpec(formatSpec(doc, "json"))).toEqual({ $schema: expect.any(String), ...doc });

  expect(Object.keys(doc.services!)).toEqual(["customer-support", "default-conversations-service", "sales"]);
  expect(doc.services!["default-conversations-service"]!.adoptExisting).toBe(true);
  expect(doc.services!["customer-support"]!.adoptExisting).toBeUndefined();
  const support = doc.services!["customer-support"]!;
  expect(Object.keys(support.roles!)).toEqual([
    "agent",
    "channel-admin",
    "channel-user",
    "member",
    "service-admin",
    "service-user",
    "supervisor",
  ]);
  expect(support.roles!["channel-user"]).toEqual({
    friendlyName: "channel user",
    type: "conversation",
    permissions: ["leaveConversation", "sendMessage"],
    adoptExisting: true,
  });
  expect(support.roles!.agent!.adoptExisting).toBeUndefined();
  expect(support.configuration).toEqual({
    defaultConversationCreatorRole: "agent",
    defaultConversationRole: "channel-user",
    defaultChatServiceRole: "member",
    reachabilityEnabled: true,
  });
  expect(doc.account).toEqual({
    defaultChatService: "default-conversations-service",
    defaultMessagingServiceSid: "${messagingServiceSid}",
    defaultInactiveTimer: "PT2H",
    defaultClosedTimer: "P3D",
  });

  // Only unique-named conversations by default; one unique name in two services gets -2 by service key.
  const conversations = doc.conversations!;
  expect(Object.keys(conversations)).toHaveLength(40);
  expect(conversations.triage).toMatchObject({
    service: "customer-support",
    friendlyName: "Triage $${team}",
    bindings: { email: { address: "triage@example.com", name: "Triage" } },
  });
  expect(conversations["triage-2"]).toMatchObject({
    service: "sales",
    uniqueName: "triage",
    messagingServiceSid: "${messagingServiceSid2}",
  });
  expect(conversations["vip-lounge"]).toMatchObject({ uniqueName: "vip lounge" });
  expect(conversations["lobby-01"]).toEqual({
    uniqueName: "lobby-01",
    friendlyName: "Lobby 1",
    attributes: { floor: 1 },
    messagingServiceSid: "${messagingServiceSid}",
  });
  expect(conversations["ticket-1005"]).toMatchObject({ state: "inactive", attributes: { priority: "normal", tags: ["support", "t5"] } });
  expect(conversations["archive-2023"]).toMatchObject({ state: "closed" });
  expect(JSON.stringify(conversations)).not.toContain("timers");

  expect(doc.parameters).toEqual({
    messagingServiceSid: { description: expect.any(String), default: SEED_MG_DEFAULT },
    messagingServiceSid2: { description: expect.any(String), default: SEED_MG_SALES },
    memoryStoreId: { description: expect.any(String), default: "mem_store_sales" },
    memoryStoreId2: { description: expect.any(String), default: "mem_store_lab" },
    memoryStoreId3: { description: expect.any(String), default: "mem_store_support" },
    statusCallbackUrl: { description: expect.any(String), default: "https://hooks.example.com/support/status" },
    statusCallbackUrl2: { description: expect.any(String), default: "https://hooks.example.com/audit" },
    intelligenceConfigurationId: { description: expect.any(String), default: "intelligence_config_1" },
  });
  const orchestrator = doc.orchestratorConfigurations!;
  expect(Object.keys(orchestrator)).toEqual(["experiments", "experiments-2", "lobby", "sales-routing", "support-routing"]);
  expect(orchestrator["experiments-2"]).toMatchObject({ description: "B", channelSettings: { CHAT: {} } });
  expect(orchestrator["support-routing"]).toMatchObject({
    memoryStoreId: "${memoryStoreId3}",
    statusCallbacks: [{ url: "${statusCallbackUrl}" }, { url: "${statusCallbackUrl2}", method: "GET" }],
    conversationsV1Bridge: { service: "customer-support" },
    memoryExtractionEnabled: true,
  });

  // No SID of the account is left in the document: they all became keys.
  expect(JSON.stringify(doc)).not.toMatch(/(IS|RL|CH)[0-9a-f]{32}/);
});

test("--conversations all and none", async () => {
  const all = await exportAccount(clientFor(emulator), { conversations: "all" });
  expect(Object.keys(all.conversations!)).toHaveLength(50);
  expect(Object.keys(all.conversations!)).toEqual(expect.arrayContaining(["lead-1", "walk-in-2"]));
  emulator.clearRequests();
  const none = await exportAccount(clientFor(emulator), { conversations: "none" });
  expect(none.conversations).toBeUndefined();
  expect(emulator.requests().filter((r) => r.path.endsWith("/Conversations"))).toEqual([]);
});

test("keeps the number of lists read at once bounded by the concurrency option", async () => {
  /** The most requests in flight at once through a client that counts them. */
  const peak = async (concurrency: number) => {
    const real = clientFor(emulator);
    let inFlight = 0;
    let max = 0;
    const counting = Object.assign(Object.create(real), {
      async request(req: Parameters<typeof real.request>[0]) {
        max = Math.max(max, ++inFlight);
        try {
          return await real.request(req);
        } finally {
          inFlight--;
        }
      },
    }) as typeof real;
    await exportAccount(counting, { concurrency });
    return max;
  };
  // The reads of the account-wide lists (account configuration, services, orchestrator list, ...) go together; then the pool.
  const accountWide = DOCUMENT_KINDS.filter((k) => k.export.per === undefined).length;
  expect(await peak(1)).toBeLessThanOrEqual(accountWide);
  expect(await peak(8)).toBeGreaterThan(accountWide);
});

test("follows next_page_url across pages (roles come 50 a page at most)", async () => {
  const client = clientFor(emulator);
  const service = (await client.request<{ sid: string }>({ method: "POST", path: "/v1/Services", form: { FriendlyName: "Many roles" } }))
    .data.sid;
  for (let i = 0; i < 60; i++) {
    await client.request({
      method: "POST",
      path: `/v1/Services/${service}/Roles`,
      form: { FriendlyName: `role ${String(i).padStart(2, "0")}`, Type: "service", Permission: ["joinConversation"] },
    });
  }
  emulator.clearRequests();
  const doc = await exportAccount(client, { conversations: "none" });
  expect(Object.keys(doc.services!["many-roles"]!.roles!)).toHaveLength(64);
  expect(emulator.requests().filter((r) => r.path === `/v1/Services/${service}/Roles`)).toHaveLength(2);
  await client.request({ method: "DELETE", path: `/v1/Services/${service}` });
});

test("429s are retried honouring Retry-After, and the export is the same", async () => {
  const expected = await exportAccount(clientFor(emulator));
  emulator.setFaults({ rateLimitNext: 3, rateLimitRetryAfterSeconds: 0 });
  const slept: number[] = [];
  const { TwilioClient } = await import("../../../provider/http/client");
  const { resolveSettings } = await import("../../../provider/config");
  const client = new TwilioClient(
    resolveSettings(undefined, {
      TWILIO_ACCOUNT_SID: emulator.accountSid,
      TWILIO_AUTH_TOKEN: emulator.authToken,
      TWILIO_CONVERSATIONS_BASE_URL: emulator.url,
    }),
    { sleep: async (ms) => void slept.push(ms) },
  );
  expect(await exportAccount(client)).toEqual(expected);
  expect(emulator.requests().filter((r) => r.status === 429)).toHaveLength(3);
  expect(slept).toHaveLength(3);
});

test("progress events count up to their total and never carry a URL or credential", async () => {
  const events: Array<{ done: number; total: number; items: number; step: string }> = [];
  await exportAccount(clientFor(emulator), { onProgress: (e) => events.push(e) });
  const last = events[events.length - 1]!;
  expect(last.done).toBe(last.total);
  expect(events.map((e) => e.done)).toEqual(events.map((_, i) => i + 1));
  expect(JSON.stringify(events)).not.toMatch(/http|emulator-auth-token|AC[0-9a-f]{32}/);
});
