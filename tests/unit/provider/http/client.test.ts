import { inspect } from "node:util";

import { resolveSettings } from "../../../../provider/config";
import { clientFor, type ClientOptions, TwilioClient } from "../../../../provider/http/client";
import {
  TwilioApiError,
  TwilioConflictError,
  TwilioConnectionError,
  TwilioNotFoundError,
  TwilioRateLimitError,
  TwilioServerError,
} from "../../../../provider/http/errors";
import { ForeignUrlError } from "../../../../provider/http/paths";
import { ACCOUNT_SID, API_KEY, API_SECRET, AUTH_TOKEN, fakeClock, header, type Reply, scriptedAdapter, testSettings } from "./fake-adapter";

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const ok = (body: unknown = {}, headers: Record<string, string> = {}): Reply => ({
  status: 200,
  body,
  headers: { "Content-Type": "application/json", ...headers },
});
const fail = (status: number, code = 20000 + status, headers: Record<string, string> = {}): Reply => ({
  status,
  headers,
  body: {
    code,
    message: `failure ${status}`,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  },
});

/** A client over a scripted adapter and a fake clock; `random` is 0.5 so jittered waits are half the window. */
function setup(replies: Reply[], options: ClientOptions = {}, settings = testSettings()) {
  const fake = scriptedAdapter(replies);
  const clock = fakeClock();
  const client = new TwilioClient(settings, {
    adapter: fake.adapter,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    ...options,
  });
  return { client, calls: fake.calls, sleeps: clock.sleeps };
}

describe("TwilioClient: the request on the wire", () => {
  it("sends a GET with Basic auth, Accept, User-Agent, the query and no body", async () => {
    const { client, calls } = setup([ok({ account_sid: ACCOUNT_SID })]);
    const res = await client.request({
      method: "GET",
      path: "/v1/Conversations",
      query: { PageSize: 20, PageToken: undefined },
    });
    expect(res).toEqual({
      status: 200,
      headers: { "content-type": "application/json" },
      data: { account_sid: ACCOUNT_SID },
    });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.method?.toUpperCase()).toBe("GET");
    expect(call.url).toBe("https://conversations.twilio.com/v1/Conversations?PageSize=20");
    expect(header(call, "Authorization")).toBe(basic(ACCOUNT_SID, AUTH_TOKEN));
    expect(header(call, "Accept")).toBe("application/json");
    expect(header(call, "User-Agent")).toMatch(/^pulumi-twilio-conversations\/\d+\.\d+\.\d+\S* \(\w+ \w+\) node\/v\d+\.\d+\.\d+$/);
    expect(header(call, "Content-Type")).toBeUndefined();
    expect(call.data).toBeUndefined();
    expect(call.timeout).toBe(30_000);
    expect(call.maxRedirects).toBe(0);
  });

  it("form-encodes a v1 body", async () => {
    const { client, calls } = setup([{ status: 201, body: { sid: "CH1" } }]);
    const res = await client.request({
      method: "POST",
      path: "/v1/Conversations",
      form: {
        FriendlyName: "Support desk",
        Timers: { Inactive: "PT10M" },
        Attributes: undefined,
      },
      headers: { "X-Twilio-Webhook-Enabled": "false" },
    });
    expect(res.status).toBe(201);
    expect(calls[0].url).toBe("https://conversations.twilio.com/v1/Conversations");
    expect(header(calls[0], "Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(header(calls[0], "X-Twilio-Webhook-Enabled")).toBe("false");
    expect(calls[0].data).toBe("FriendlyName=Support+desk&Timers.Inactive=PT10M");
  });

  it("sends a v2 body as JSON with the idempotency key, and lower-cases response headers", async () => {
    const { client, calls } = setup([
      {
        status: 202,
        headers: {
          "Operation-Id": "op_1",
          "Retry-After": "1",
          Location: "https://conversations.twilio.com/v2/ControlPlane/Operations/op_1",
        },
        body: { statusUrl: "x" },
      },
    ]);
    const res = await client.request({
      method: "POST",
      path: "/v2/ControlPlane/Configurations",
      json: { displayName: "a", channelSettings: {} },
      idempotencyKey: "k-1",
    });
    expect(header(calls[0], "Content-Type")).toBe("application/json");
    expect(header(calls[0], "Idempotency-Key")).toBe("k-1");
    expect(JSON.parse(calls[0].data as string)).toEqual({
      displayName: "a",
      channelSettings: {},
    });
    expect(res.headers).toMatchObject({
      "operation-id": "op_1",
      "retry-after": "1",
      location: expect.stringContaining("/Operations/op_1"),
    });
    expect(res.data).toEqual({ statusUrl: "x" });
  });

  it("authenticates as the API key with an API key, and keeps the account SID", async () => {
    const settings = resolveSettings(undefined, {
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_API_KEY: API_KEY,
      TWILIO_API_SECRET: API_SECRET,
    });
    const { client, calls } = setup([ok()], {}, settings);
    await client.request({ method: "GET", path: "/v1/Configuration" });
    expect(header(calls[0], "Authorization")).toBe(basic(API_KEY, API_SECRET));
    expect(client.accountSid).toBe(ACCOUNT_SID);
  });

  it("does not let a caller's header replace the Authorization", async () => {
    const { client, calls } = setup([ok()]);
    await client.request({
      method: "GET",
      path: "/v1/Configuration",
      headers: { authorization: "Basic Zm9vOmJhcg==" },
    });
    expect(header(calls[0], "Authorization")).toBe(basic(ACCOUNT_SID, AUTH_TOKEN));
  });

  it("returns undefined data for an empty 204 and text for a non-JSON body", async () => {
    const { client } = setup([{ status: 204 }, { status: 200, headers: { "content-type": "text/plain" }, body: "pong" }]);
    expect(
      (
        await client.request({
          method: "DELETE",
          path: "/v1/Conversations/CH1",
        })
      ).data,
    ).toBeUndefined();
    expect((await client.request({ method: "GET", path: "/ping" })).data).toBe("pong");
  });

  it("follows a same-origin next_page_url verbatim", async () => {
    const { client, calls } = setup([ok()]);
    await client.request({
      method: "GET",
      path: "https://conversations.twilio.com/v1/Conversations?PageSize=50&Page=1&PageToken=PT9",
    });
    expect(calls[0].url).toBe("https://conversations.twilio.com/v1/Conversations?PageSize=50&Page=1&PageToken=PT9");
  });

  it("refuses a URL on another host before sending anything", async () => {
    const { client, calls } = setup([ok()]);
    await expect(
      client.request({
        method: "GET",
        path: "https://evil.example/v1/Conversations?Page=1",
      }),
    ).rejects.toThrow(ForeignUrlError);
    expect(calls).toHaveLength(0);
  });

  it("refuses a request with both a form and a JSON body", async () => {
    const { client, calls } = setup([ok()]);
    await expect(
      client.request({
        method: "POST",
        path: "/x",
        form: { A: "1" },
        json: { a: 1 },
      }),
    ).rejects.toThrow(/not both/);
    expect(calls).toHaveLength(0);
  });
});

describe("TwilioClient: errors", () => {
  it("throws the typed error with the action in its message", async () => {
    const { client } = setup([fail(409, 50353, { "X-Conflicting-Resource-Id": "CH9" })]);
    const error = await client
      .request({
        method: "POST",
        path: "/v1/Conversations",
        action: 'creating Conversation "support"',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwilioConflictError);
    expect(error).toMatchObject({
      status: 409,
      code: 50353,
      conflictingResourceId: "CH9",
      method: "POST",
      path: "/v1/Conversations",
    });
    expect((error as Error).message).toBe(
      'Twilio API 409 (code 50353) creating Conversation "support": failure 409. See https://www.twilio.com/docs/errors/50353',
    );
  });

  it("reports the path without the query", async () => {
    const { client } = setup([fail(404)]);
    await expect(
      client.request({
        method: "GET",
        path: "/v1/Conversations/CH1",
        query: { X: 1 },
      }),
    ).rejects.toMatchObject({
      path: "/v1/Conversations/CH1",
      message: expect.stringContaining("GET /v1/Conversations/CH1:"),
    });
  });

  describe("never carries a credential", () => {
    const token = "0123456789abcdef0123456789abcdef";
    const settingsFor = {
      "an auth token": resolveSettings(undefined, {
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: token,
      }),
      "an API key": resolveSettings(undefined, {
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_API_KEY: API_KEY,
        TWILIO_API_SECRET: API_SECRET,
      }),
    };
    const failures: Array<[string, Reply]> = [
      ["a 401", fail(401, 20003)],
      [
        "a 500 whose message echoes the credentials it received",
        (config) => {
          const authorization = String(config.headers.Authorization);
          const password = Buffer.from(authorization.replace(/^Basic /, ""), "base64")
            .toString()
            .split(":")[1];
          return {
            status: 500,
            body: {
              code: 1,
              message: `echo: ${authorization} ${password}`,
              more_info: `https://x.example/?p=${password}`,
            },
          };
        },
      ],
      [
        "a 500 whose Twilio-Request-Id echoes the secret",
        (config) => {
          const password = Buffer.from(String(config.headers.Authorization).replace(/^Basic /, ""), "base64")
            .toString()
            .split(":")[1];
          return {
            status: 500,
            headers: { "Twilio-Request-Id": password! },
            body: { code: 20500, message: "x" },
          };
        },
      ],
      ["a socket hang up (axios error with the config)", { fail: "ECONNRESET", message: "socket hang up" }],
      ["a timeout", { fail: "ECONNABORTED", message: "timeout of 30000ms exceeded" }],
      [
        "an adapter failure quoting the header",
        (config) => ({
          fail: "ERR_WEIRD",
          message: `bad header ${String(config.headers.Authorization)}`,
        }),
      ],
    ];
    for (const [credential, settings] of Object.entries(settingsFor)) {
      it.each(failures)(`with ${credential}: %s`, async (_what, reply) => {
        const { client } = setup([reply], { maxAttempts: 1 }, settings);
        const error = await client
          .request({
            method: "POST",
            path: "/v1/Conversations",
            form: { A: "1" },
          })
          .then(
            () => undefined,
            (e: unknown) => e as Error,
          );
        expect(error).toBeDefined();
        const b64 = Buffer.from(`${settings.username}:${settings.password}`).toString("base64");
        const views = [
          error!.message,
          String(error!.stack),
          JSON.stringify(error),
          JSON.stringify(error, Object.getOwnPropertyNames(error)),
          inspect(error, { depth: 10 }),
          inspect(error, { depth: 10, showHidden: true }),
        ];
        for (const view of views) {
          expect(view).not.toContain(settings.password);
          expect(view).not.toContain(b64);
          expect(view).not.toContain(token);
          expect(view).not.toContain(API_SECRET);
        }
      });
    }

    it("nor a secret the request's body carries (a push credential's key), however the server quotes it", async () => {
      const key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----";
      const line = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
      const { client, calls } = setup([
        {
          status: 400,
          body: { code: 52005, message: `bad key ${key} | ${encodeURIComponent(key)} | ${JSON.stringify(key)} | line ${line}` },
        },
      ]);
      const error = await client.request({ method: "POST", path: "/v1/Credentials", form: { PrivateKey: key }, redact: [key] }).then(
        () => undefined,
        (e: Error) => e,
      );
      // Sent as given: redaction is for messages only.
      expect(new URLSearchParams(String(calls[0]!.data)).get("PrivateKey")).toBe(key);
      expect(error!.message).toBe(
        'Twilio API 400 (code 52005) POST /v1/Credentials: bad key [redacted] | [redacted] | "[redacted]" | line [redacted]',
      );
      for (const view of [String(error!.stack), inspect(error, { depth: 10, showHidden: true })]) {
        expect(view).not.toContain(line);
      }
    });

    it("and neither does the client object", () => {
      const client = new TwilioClient(settingsFor["an API key"]);
      for (const view of [JSON.stringify(client), inspect(client, { depth: 10, showHidden: true })]) {
        expect(view).not.toContain(API_SECRET);
        expect(view).not.toContain(Buffer.from(`${API_KEY}:${API_SECRET}`).toString("base64"));
      }
    });
  });
});

describe("TwilioClient: retries", () => {
  it("retries a GET on 5xx with jittered exponential backoff", async () => {
    const { client, calls, sleeps } = setup([fail(503), fail(500), ok({ done: true })]);
    const res = await client.request({
      method: "GET",
      path: "/v1/Configuration",
    });
    expect(res.data).toEqual({ done: true });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]); // random 0.5 of the 500 ms and 1 s windows
  });

  it("gives up after maxAttempts and throws the last error", async () => {
    const { client, calls, sleeps } = setup([fail(500), fail(502), fail(503), fail(504), fail(500)]);
    await expect(client.request({ method: "GET", path: "/v1/Configuration" })).rejects.toBeInstanceOf(TwilioServerError);
    expect(calls).toHaveLength(5);
    expect(sleeps).toEqual([250, 500, 1000, 2000]);
  });

  it("honours maxAttempts from the options", async () => {
    const { client, calls } = setup([fail(500), fail(500)], { maxAttempts: 2 });
    await expect(client.request({ method: "GET", path: "/x" })).rejects.toMatchObject({ status: 500 });
    expect(calls).toHaveLength(2);
  });

  it("honours Retry-After in seconds, clamped to 30 s", async () => {
    const { client, sleeps } = setup([fail(429, 20429, { "Retry-After": "3" }), fail(429, 20429, { "Retry-After": "120" }), ok()]);
    await client.request({ method: "GET", path: "/v1/Configuration" });
    expect(sleeps).toEqual([3000, 30_000]);
  });

  it("honours Retry-After as an HTTP date against the injected clock", async () => {
    const fake = scriptedAdapter([fail(503, 1, { "Retry-After": "Wed, 21 Oct 2015 07:28:07 GMT" }), ok()]);
    const clock = fakeClock(Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"));
    const client = new TwilioClient(testSettings(), {
      adapter: fake.adapter,
      sleep: clock.sleep,
      now: clock.now,
    });
    await client.request({ method: "GET", path: "/v1/Configuration" });
    expect(clock.sleeps).toEqual([7000]);
  });

  it("stops when the next wait would pass the retry time budget (twilio-conversations:retryTimeout)", async () => {
    const { client, calls, sleeps } = setup(
      [fail(503, 1, { "Retry-After": "1" }), fail(503, 1, { "Retry-After": "1" }), ok()],
      {},
      testSettings({ retryTimeoutSeconds: 1.5 }),
    );
    await expect(client.request({ method: "GET", path: "/x" })).rejects.toBeInstanceOf(TwilioServerError);
    expect(sleeps).toEqual([1000]);
    expect(calls).toHaveLength(2);
  });

  it.each(["PUT", "DELETE"] as const)("retries a %s after a 5xx", async (method) => {
    const { client, calls } = setup([fail(502), ok()]);
    await client.request({
      method,
      path: "/v2/ControlPlane/Configurations/conv_configuration_x",
    });
    expect(calls).toHaveLength(2);
  });

  it.each(["POST", "PATCH"] as const)("does not resend a %s without an idempotency key after a 5xx", async (method) => {
    const { client, calls, sleeps } = setup([fail(500), ok()]);
    await expect(client.request({ method, path: "/v1/Conversations", form: { A: "1" } })).rejects.toBeInstanceOf(TwilioServerError);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each(["POST", "PATCH"] as const)("resends a %s with an idempotency key, with the same key and body", async (method) => {
    const { client, calls } = setup([fail(500), fail(503), { status: 202, body: {} }]);
    await client.request({
      method,
      path: "/v2/ControlPlane/Configurations",
      json: { a: 1 },
      idempotencyKey: "key-7",
    });
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => header(c, "Idempotency-Key"))).toEqual(["key-7", "key-7", "key-7"]);
    expect(new Set(calls.map((c) => c.data))).toEqual(new Set(['{"a":1}']));
  });

  it("resends a POST without a key after a 429, which Twilio never processed", async () => {
    const { client, calls } = setup([fail(429, 20429), { status: 201, body: { sid: "CH1" } }]);
    await expect(
      client.request({
        method: "POST",
        path: "/v1/Conversations",
        form: { A: "1" },
      }),
    ).resolves.toMatchObject({ status: 201 });
    expect(calls).toHaveLength(2);
  });

  it.each([400, 401, 404, 409])("never retries a %i", async (status) => {
    const { client, calls } = setup([fail(status), ok()]);
    await expect(client.request({ method: "GET", path: "/x" })).rejects.toBeInstanceOf(TwilioApiError);
    expect(calls).toHaveLength(1);
  });

  it("retries a GET after a reset connection", async () => {
    const { client, calls } = setup([{ fail: "ECONNRESET", message: "socket hang up" }, ok()]);
    await client.request({ method: "GET", path: "/x" });
    expect(calls).toHaveLength(2);
  });

  it.each([
    ["ECONNRESET", "socket hang up"],
    ["ECONNRESET", "read ECONNRESET"],
    ["ECONNABORTED", "timeout of 30000ms exceeded"],
  ])("does not resend a POST without a key after %s (%s): it may have been processed", async (code, message) => {
    const { client, calls } = setup([{ fail: code, message }, ok()]);
    await expect(client.request({ method: "POST", path: "/v1/Conversations" })).rejects.toMatchObject({
      name: "TwilioConnectionError",
      code,
      mayHaveReachedServer: true,
    });
    expect(calls).toHaveLength(1);
  });

  it("resends a POST without a key after a refused connection, which never reached the server", async () => {
    const { client, calls, sleeps } = setup([{ fail: "ECONNREFUSED" }, { fail: "ECONNREFUSED" }, { status: 201, body: {} }]);
    await expect(client.request({ method: "POST", path: "/v1/Conversations" })).resolves.toMatchObject({ status: 201 });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
  });

  it("throws TwilioConnectionError when the connection keeps failing", async () => {
    const { client } = setup([{ fail: "ECONNREFUSED" }, { fail: "ECONNREFUSED" }], { maxAttempts: 2 });
    await expect(client.request({ method: "GET", path: "/x" })).rejects.toBeInstanceOf(TwilioConnectionError);
  });
});

describe("TwilioClient: in-flight limit", () => {
  const flush = async () => {
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
  };

  it("has at most maxConcurrentRequests requests at the adapter at once", async () => {
    let active = 0;
    let peak = 0;
    const gates: Array<() => void> = [];
    const held: Reply = () =>
      new Promise<Reply>((resolve) => {
        active++;
        peak = Math.max(peak, active);
        gates.push(() => {
          active--;
          resolve(ok());
        });
      });
    const { client, calls } = setup(
      Array.from({ length: 7 }, () => held),
      {},
      testSettings({ maxConcurrentRequests: 3 }),
    );
    const all = Promise.all(Array.from({ length: 7 }, (_, i) => client.request({ method: "GET", path: `/v1/Conversations/CH${i}` })));
    await flush();
    expect(calls).toHaveLength(3);
    gates.shift()!();
    await flush();
    expect(calls).toHaveLength(4);
    expect(active).toBe(3);
    while (gates.length > 0 || calls.length < 7) {
      gates.shift()?.();
      await flush();
    }
    await all;
    expect(peak).toBe(3);
    expect(calls.map((c) => c.url)).toEqual(
      Array.from({ length: 7 }, (_, i) => `https://conversations.twilio.com/v1/Conversations/CH${i}`),
    );
  });

  it("frees the slot while a request waits to retry after a 5xx, and puts it back ahead of newer requests", async () => {
    let wake!: () => void;
    let finishSecond!: () => void;
    const second: Reply = () => new Promise<Reply>((resolve) => (finishSecond = () => resolve(ok({ second: true }))));
    const fake = scriptedAdapter([fail(503), second, ok({ first: true }), ok({ third: true })]);
    const client = new TwilioClient(testSettings({ maxConcurrentRequests: 1 }), {
      adapter: fake.adapter,
      random: () => 0.5,
      sleep: () => new Promise<void>((r) => (wake = r)),
    });
    const first = client.request({ method: "GET", path: "/first" });
    await flush();
    // The first request is asleep before its retry; the second one gets the only slot meanwhile.
    const rest = [client.request({ method: "GET", path: "/second" })];
    await flush();
    rest.push(client.request({ method: "GET", path: "/third" }));
    wake();
    await flush();
    finishSecond();
    await expect(first).resolves.toMatchObject({ data: { first: true } });
    await Promise.all(rest);
    expect(fake.calls.map((c) => new URL(c.url!).pathname)).toEqual(["/first", "/second", "/first", "/third"]);
  });
});

describe("TwilioClient: 429s", () => {
  const flush = async () => {
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
  };
  const pathOf = (c: { url?: string }) => new URL(c.url!).pathname;

  it("retries 429s until the time budget runs out, whatever maxAttempts, and says what to change", async () => {
    const rq = "RQ0123456789abcdef0123456789abcdef";
    const { client, calls, sleeps } = setup(
      Array.from({ length: 10 }, () => fail(429, 20429, { "Twilio-Request-Id": rq })),
      { maxAttempts: 2 },
      testSettings({ retryTimeoutSeconds: 10 }),
    );
    const error = await client
      .request({
        method: "POST",
        path: "/v1/Conversations",
        form: { A: "1" },
        action: 'creating Conversation "a"',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwilioRateLimitError);
    // Alone in flight, so the account is full without us: jittered backoff (random 0.5) until the
    // next wait (5 s) would pass 10 s.
    expect(sleeps).toEqual([250, 500, 1000, 2000, 4000]);
    expect(calls).toHaveLength(6);
    expect(new Set(calls.map((c) => c.data))).toEqual(new Set(["A=1"]));
    expect(error).toMatchObject({ status: 429, requestId: rq });
    expect((error as Error).message).toBe(
      `Twilio API 429 (code 20429, request ${rq}) creating Conversation "a": failure 429. See https://www.twilio.com/docs/errors/20429. ` +
        "Twilio still answered 429 after 8 s of retries: the account's concurrent-request limit stayed full (this program and " +
        "any other using the account). Lower twilio-conversations:maxConcurrentRequests, or raise twilio-conversations:retryTimeout (now 10 s).",
    );
  });

  it("holds its place while it backs off: nothing that arrived later is sent before its retry", async () => {
    let wake!: () => void;
    const fake = scriptedAdapter([fail(429), ok({ first: true }), ok({ second: true })]);
    const client = new TwilioClient(testSettings({ maxConcurrentRequests: 2 }), {
      adapter: fake.adapter,
      random: () => 0.5,
      sleep: () => new Promise<void>((r) => (wake = r)),
    });
    const first = client.request({ method: "GET", path: "/first" });
    await flush();
    const second = client.request({ method: "GET", path: "/second" });
    await flush();
    expect(fake.calls.map(pathOf)).toEqual(["/first"]);
    wake();
    await expect(first).resolves.toMatchObject({ data: { first: true } });
    await expect(second).resolves.toMatchObject({ data: { second: true } });
    expect(fake.calls.map(pathOf)).toEqual(["/first", "/first", "/second"]);
  });

  it("after a 429 with others of ours in flight, lowers the limit and sends the refused request next, without a wait", async () => {
    const gates = new Map<string, () => void>();
    const held: Reply = (config) => new Promise<Reply>((resolve) => gates.set(pathOf(config), () => resolve(ok())));
    const { client, calls, sleeps } = setup([held, held, fail(429), held, ok()], {}, testSettings({ maxConcurrentRequests: 3 }));
    const all = ["/a", "/b", "/c", "/d"].map((path) => client.request({ method: "GET", path }));
    await flush();
    // /c was refused while /a and /b were in flight: the account takes 2.
    expect(client.concurrencyLimit).toBe(2);
    expect(calls.map(pathOf)).toEqual(["/a", "/b", "/c"]);
    gates.get("/a")!();
    await flush();
    expect(calls.map(pathOf)).toEqual(["/a", "/b", "/c", "/c"]);
    gates.get("/b")!();
    await flush();
    expect(calls.map(pathOf)).toEqual(["/a", "/b", "/c", "/c", "/d"]);
    gates.get("/c")!();
    await Promise.all(all);
    expect(sleeps).toEqual([]);
  });

  it("holds the line for a 429's Retry-After even with others in flight", async () => {
    const { client, sleeps } = setup([fail(429, 20429, { "Retry-After": "2" }), ok()]);
    await client.request({ method: "GET", path: "/x" });
    expect(sleeps).toEqual([2000]);
  });

  describe("Twilio-Concurrent-Requests", () => {
    /** Cuts a limit of 3 to 2 with a 429 reporting the account at 3, then runs 40 pairs of requests. */
    async function pairsAfterCut(header: Record<string, string>) {
      const gates: Array<() => void> = [];
      const held: Reply = () => new Promise<Reply>((resolve) => gates.push(() => resolve(ok({}, header))));
      const replies: Reply[] = [held, held, fail(429, 20429, { "Twilio-Concurrent-Requests": "3" })];
      for (let i = 0; i < 81; i++) replies.push(ok({}, header));
      const { client } = setup(replies, {}, testSettings({ maxConcurrentRequests: 3 }));
      const first = ["/a", "/b", "/c"].map((path) => client.request({ method: "GET", path }));
      await flush();
      gates.forEach((open) => open());
      await Promise.all(first);
      expect(client.concurrencyLimit).toBe(2);
      for (let i = 0; i < 40; i++) await Promise.all([0, 1].map(() => client.request({ method: "GET", path: "/p" })));
      return client.concurrencyLimit;
    }

    it("does not probe past the account's ceiling while Twilio reports the account at it", async () => {
      expect(await pairsAfterCut({ "Twilio-Concurrent-Requests": "2" })).toBe(2);
    });

    it("probes again (grows) where no header says the account is full", async () => {
      expect(await pairsAfterCut({})).toBe(3);
    });
  });
});

describe("clientFor", () => {
  const env = {
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  };

  it("shares one client between equal settings, so they share the in-flight limit", () => {
    const a = clientFor(resolveSettings(undefined, env));
    const b = clientFor(resolveSettings(undefined, env));
    expect(b).toBe(a);
  });

  it("keeps clients apart by host, user and account, and renews one on a rotated secret", () => {
    const base = clientFor(resolveSettings(undefined, env));
    expect(clientFor(resolveSettings(undefined, { ...env, TWILIO_REGION: "ie1" }))).not.toBe(base);
    expect(
      clientFor(
        resolveSettings(undefined, {
          ...env,
          TWILIO_API_KEY: API_KEY,
          TWILIO_API_SECRET: API_SECRET,
        }),
      ),
    ).not.toBe(base);
    const rotated = clientFor(
      resolveSettings(undefined, {
        ...env,
        TWILIO_AUTH_TOKEN: "another-token-value",
      }),
    );
    expect(rotated).not.toBe(base);
    expect(
      clientFor(
        resolveSettings(undefined, {
          ...env,
          TWILIO_AUTH_TOKEN: "another-token-value",
        }),
      ),
    ).toBe(rotated);
  });
});

it("quotes Twilio's request id in the error it throws", async () => {
  const rq = "RQb54d7f05d29e83bc89889cc136bcd99d";
  const { client } = setup([fail(409, 50353, { "Twilio-Request-Id": rq })]);
  await expect(
    client.request({
      method: "POST",
      path: "/v1/Conversations",
      action: 'creating Conversation "a"',
    }),
  ).rejects.toMatchObject({
    requestId: rq,
    message: `Twilio API 409 (code 50353, request ${rq}) creating Conversation "a": failure 409. See https://www.twilio.com/docs/errors/50353`,
  });
});

// Keep the NotFound import honest: a 404 through the client is the typed error deletes look for.
it("throws TwilioNotFoundError for a 404", async () => {
  const { client } = setup([fail(404, 20404)]);
  await expect(client.request({ method: "DELETE", path: "/v1/Conversations/CH1" })).rejects.toBeInstanceOf(TwilioNotFoundError);
});
