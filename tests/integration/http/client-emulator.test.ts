/**
 * The one HTTP client against the emulator on a loopback port: the real wire in both directions,
 * with the emulator's faults standing in for Twilio's bad days.
 */
import * as util from "node:util";

import { type RunningEmulator, startEmulator } from "../../../emulator/server";
import { resolveSettings } from "../../../provider/config";
import { TwilioClient } from "../../../provider/http/client";
import { TwilioAuthError, TwilioConnectionError, TwilioNotFoundError, TwilioRateLimitError } from "../../../provider/http/errors";

let emulator: RunningEmulator;
const sleeps: number[] = [];
let slept = 0;

/**
 * A client with real I/O but recorded, near-instant waits; its clock runs ahead by what it slept,
 * so the retry time budget is spent as if the waits had been real.
 */
function clientFor(token = emulator.authToken, maxConcurrentRequests = "10"): TwilioClient {
  const settings = resolveSettings(
    { get: () => undefined },
    {
      TWILIO_ACCOUNT_SID: emulator.accountSid,
      TWILIO_AUTH_TOKEN: token,
      TWILIO_CONVERSATIONS_BASE_URL: emulator.url,
      TWILIO_MAX_CONCURRENT_REQUESTS: maxConcurrentRequests,
    },
  );
  return new TwilioClient(settings, {
    sleep: async (ms) => {
      sleeps.push(ms);
      slept += ms;
    },
    now: () => Date.now() + slept,
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, operationDelayMs: 10 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  sleeps.length = 0;
  slept = 0;
});

describe("TwilioClient against the emulator", () => {
  it("sends v1 writes form-encoded with dotted keys and reads the snake_case reply", async () => {
    const client = clientFor();
    const created = await client.request<{ sid: string; friendly_name: string; attributes: string }>({
      method: "POST",
      path: "/v1/Conversations",
      form: { FriendlyName: "front desk", Attributes: '{"a":1}', State: "active", Timers: { Inactive: "PT5M" } },
      headers: { "X-Twilio-Webhook-Enabled": "false" },
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ friendly_name: "front desk", attributes: '{"a":1}' });
    const [sent] = emulator.requests();
    expect(sent).toMatchObject({ method: "POST", path: "/v1/Conversations" });
    expect(sent!.body).toBe("FriendlyName=front+desk&Attributes=%7B%22a%22%3A1%7D&State=active&Timers.Inactive=PT5M");
    expect(sent!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sent!.headers["user-agent"]).toMatch(/^pulumi-twilio-conversations\/\d+\.\d+\.\d+ \(\w+ \w+\) node\/v20/);
  });

  it("follows next_page_url verbatim across every page", async () => {
    const client = clientFor();
    for (let i = 0; i < 7; i++) {
      await client.request({ method: "POST", path: "/v1/Conversations", form: { UniqueName: `room-${i}` } });
    }
    const names: string[] = [];
    let next: string | null = "/v1/Conversations";
    let pages = 0;
    let query: Record<string, number> | undefined = { PageSize: 3 };
    while (next && pages < 10) {
      const page: { data: { conversations: { unique_name: string }[]; meta: { next_page_url: string | null } } } = await client.request({
        method: "GET",
        path: next,
        query,
      });
      names.push(...page.data.conversations.map((c) => c.unique_name));
      next = page.data.meta.next_page_url;
      query = undefined;
      pages++;
    }
    expect(pages).toBe(3);
    expect(names.sort()).toEqual(["room-0", "room-1", "room-2", "room-3", "room-4", "room-5", "room-6"]);
  });

  it("retries a burst of 429s honouring Retry-After, and a 503, then succeeds", async () => {
    const client = clientFor();
    emulator.setFaults({ rateLimitNext: 2, rateLimitRetryAfterSeconds: 2 });
    await expect(client.request({ method: "GET", path: "/v1/Configuration" })).resolves.toMatchObject({ status: 200 });
    expect(sleeps).toEqual([2000, 2000]);
    emulator.setFaults({ unavailableNext: 1 });
    await expect(client.request({ method: "GET", path: "/v1/Configuration" })).resolves.toMatchObject({ status: 200 });
    expect(emulator.requests().map((r) => r.status)).toEqual([429, 429, 200, 503, 200]);
  });

  it("retries a creating POST after a 429 (never processed) but not after a 500", async () => {
    const client = clientFor();
    emulator.setFaults({ rateLimitNext: 1 });
    await client.request({ method: "POST", path: "/v1/Conversations", form: { UniqueName: "once" } });
    emulator.setFaults({ serverErrorNext: 1 });
    await expect(client.request({ method: "POST", path: "/v1/Conversations", form: { UniqueName: "twice" } })).rejects.toMatchObject({
      status: 500,
    });
    expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 429", "POST 201", "POST 500"]);
  });

  it("retries a v2 create after a lost response with the same Idempotency-Key: one configuration", async () => {
    const client = clientFor();
    emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v2/ControlPlane/Configurations" } });
    const key = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    const body = { displayName: "routing", description: "d", conversationGroupingType: "GROUP_BY_PROFILE", memoryStoreId: "mem_1" };
    const accepted = await client.request<{ related: { configurationId: string } }>({
      method: "POST",
      path: "/v2/ControlPlane/Configurations",
      json: body,
      idempotencyKey: key,
    });
    expect(accepted.status).toBe(202);
    const posts = emulator.requests().filter((r) => r.method === "POST");
    expect(posts.map((r) => [r.status, r.headers["idempotency-key"]])).toEqual([
      [0, key],
      [202, key],
    ]);
    const state = emulator.state() as { v2: { configurations: unknown[]; operations: unknown[] } };
    expect(state.v2.operations).toHaveLength(1);
  });

  it("does not retry a creating v1 POST whose response was lost", async () => {
    const client = clientFor();
    emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Conversations" } });
    const error = await client.request({ method: "POST", path: "/v1/Conversations", form: { UniqueName: "lost" } }).catch((e) => e);
    expect(error).toBeInstanceOf(TwilioConnectionError);
    expect(emulator.requests().filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("maps Twilio error bodies to typed errors with code and more_info", async () => {
    const error = await clientFor()
      .request({ method: "GET", path: "/v1/Conversations/CH00000000000000000000000000000000", action: 'reading Conversation "x"' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TwilioNotFoundError);
    expect(error).toMatchObject({ status: 404, code: 20404, moreInfo: "https://www.twilio.com/docs/errors/20404" });
    expect(error.message).toMatch(
      // The emulator sends a Twilio-Request-Id with every answer, as Twilio does; the message quotes it.
      /^Twilio API 404 \(code 20404, request RQ[0-9a-f]{32}\) reading Conversation "x": .+\. See https:\/\/www\.twilio\.com\/docs\/errors\/20404$/,
    );
  });

  it("reports a wrong token as an auth error that carries no credential", async () => {
    const wrong = "0123456789abcdef0123456789abcdef";
    const error = await clientFor(wrong)
      .request({ method: "GET", path: "/v1/Configuration" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TwilioAuthError);
    expect(error.code).toBe(20003);
    const everything = [error.message, error.stack, JSON.stringify(error), util.inspect(error, { depth: 10 })].join("\n");
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(Buffer.from(`${emulator.accountSid}:${wrong}`).toString("base64"));
  });

  it("keeps requests in flight under its limit, so the emulator's cap never answers 429", async () => {
    emulator.setFaults({ maxInFlight: 2, latencyMs: 20 });
    const client = clientFor(emulator.authToken, "2");
    await Promise.all(Array.from({ length: 8 }, () => client.request({ method: "GET", path: "/v1/Configuration" })));
    expect(emulator.requests().map((r) => r.status)).toEqual(Array(8).fill(200));
  });

  it("gives up on a persistent 429 when the retry time budget (120 s by default) runs out", async () => {
    emulator.setFaults({ rateLimitNext: 100 });
    const error = await clientFor()
      .request({ method: "GET", path: "/v1/Configuration" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TwilioRateLimitError);
    expect(error.message).toMatch(
      /Twilio still answered 429 after \d+ s of retries: .* raise twilio-conversations:retryTimeout \(now 120 s\)\.$/,
    );
    // Alone in flight, it backs off (full jitter, doubling to 10 s) until the next wait would pass 120 s.
    const total = sleeps.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(120_000);
    expect(emulator.requests()).toHaveLength(sleeps.length + 1);
    expect(emulator.requests().every((r) => r.status === 429)).toBe(true);
  });

  it("under an account cap, every create from 64 callers succeeds exactly once", async () => {
    // The account takes 3 requests at once (429 beyond); the client starts at its default limit of 10.
    emulator.setFaults({ maxInFlight: 3, latencyMs: 20 });
    const client = clientFor();
    const jobs = Array.from({ length: 90 }, (_, i) => `job-${i}`);
    let next = 0;
    const caller = async () => {
      const created: string[] = [];
      while (next < jobs.length) {
        const name = jobs[next++]!;
        const res = await client.request<{ friendly_name: string }>({
          method: "POST",
          path: "/v1/Conversations",
          form: { FriendlyName: name },
        });
        created.push(res.data.friendly_name);
      }
      return created;
    };
    const results = await Promise.allSettled(Array.from({ length: 64 }, caller));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const created = results.flatMap((r) => (r.status === "fulfilled" ? r.value : []));
    expect(created.sort()).toEqual([...jobs].sort());

    const posts = emulator.requests().filter((r) => r.method === "POST");
    const accepted = posts.filter((r) => r.status === 201);
    const refused = posts.filter((r) => r.status === 429);
    expect(accepted).toHaveLength(90);
    expect(refused.length + accepted.length).toBe(posts.length);
    // The cap was really hit (the client learns it from 429s), and each job's body went out as sent.
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(accepted.map((r) => r.body)).size).toBe(90);
    const state = emulator.state() as { v1: { conversations: { friendlyName: string }[] } };
    const names = state.v1.conversations.map((c) => c.friendlyName);
    expect(names).toHaveLength(90);
    expect(new Set(names).size).toBe(90);
    expect(client.concurrencyLimit).toBeLessThanOrEqual(4);
  });
});
