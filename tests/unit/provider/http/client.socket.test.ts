/**
 * The client against a real node:http server on a loopback port: real connection drops, refused
 * connections, timeouts and Retry-After, through axios's own http adapter.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { TwilioClient } from "../../../../provider/http/client";
import { TwilioConnectionError } from "../../../../provider/http/errors";
import { ACCOUNT_SID, AUTH_TOKEN, fakeClock, testSettings } from "./fake-adapter";

type Behaviour = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

const drop: Behaviour = (req) => req.socket.destroy();
const hold: Behaviour = () => undefined; // never answers: the client's timeout fires
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Behaviour =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

let server: Server;
let baseUrl: string;
let script: Behaviour[];
let seen: Seen[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const next = script.shift() ?? json(500, { message: "unscripted" });
      next(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  script = [];
  seen = [];
});

function client(overrides: Parameters<typeof testSettings>[0] = {}, maxAttempts = 5) {
  const clock = fakeClock();
  const c = new TwilioClient(testSettings({ baseUrl, ...overrides }), {
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    maxAttempts,
  });
  return { client: c, sleeps: clock.sleeps };
}

it("sends the request Twilio expects and reads the response", async () => {
  script = [json(201, { sid: "CH1" }, { "Operation-Id": "op_9" })];
  const { client: c } = client();
  const res = await c.request({ method: "POST", path: "/v1/Conversations", form: { FriendlyName: "a b", B: true } });
  expect(res).toMatchObject({ status: 201, data: { sid: "CH1" }, headers: { "operation-id": "op_9", "content-type": "application/json" } });
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ method: "POST", url: "/v1/Conversations", body: "FriendlyName=a+b&B=true" });
  expect(seen[0].headers).toMatchObject({
    authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`,
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
    "user-agent": expect.stringMatching(/^pulumi-twilio-conversations\//),
  });
});

it("retries a GET whose connection was dropped", async () => {
  script = [drop, json(200, { ok: true })];
  const { client: c, sleeps } = client();
  await expect(c.request({ method: "GET", path: "/v1/Configuration" })).resolves.toMatchObject({ data: { ok: true } });
  expect(seen).toHaveLength(2);
  expect(sleeps).toEqual([250]);
});

it("does not resend a POST without an idempotency key after a drop: the server may have acted on it", async () => {
  script = [drop, json(201, {})];
  const { client: c } = client();
  const error = await c.request({ method: "POST", path: "/v1/Conversations", form: { A: "1" } }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TwilioConnectionError);
  expect(error).toMatchObject({ code: "ECONNRESET", mayHaveReachedServer: true, reason: expect.stringContaining("socket hang up") });
  expect(seen).toHaveLength(1);
});

it("resends a POST with an idempotency key after a drop, with the same key", async () => {
  script = [drop, json(202, {})];
  const { client: c } = client();
  await c.request({
    method: "POST",
    path: "/v2/ControlPlane/Configurations",
    json: { a: 1 },
    idempotencyKey: "11111111-2222-4333-8444-555555555555",
  });
  expect(seen.map((s) => s.headers["idempotency-key"])).toEqual([
    "11111111-2222-4333-8444-555555555555",
    "11111111-2222-4333-8444-555555555555",
  ]);
  expect(seen.map((s) => s.body)).toEqual(['{"a":1}', '{"a":1}']);
});

it("waits as long as a 429's Retry-After says, then resends even a POST", async () => {
  script = [json(429, { code: 20429, message: "Too Many Requests", status: 429 }, { "Retry-After": "2" }), json(201, { sid: "CH2" })];
  const { client: c, sleeps } = client();
  await expect(c.request({ method: "POST", path: "/v1/Conversations" })).resolves.toMatchObject({ status: 201 });
  expect(sleeps).toEqual([2000]);
  expect(seen).toHaveLength(2);
});

it("resends a POST after connection refused, and says so when it keeps being refused", async () => {
  // A port that was just free: bind, note it, close.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  const { client: c, sleeps } = client({ baseUrl: `http://127.0.0.1:${port}` }, 3);
  const error = await c
    .request({ method: "POST", path: "/v1/Conversations", action: 'creating Conversation "x"' })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TwilioConnectionError);
  expect(error).toMatchObject({ code: "ECONNREFUSED", mayHaveReachedServer: false });
  expect((error as Error).message).toBe(
    `No response from Twilio creating Conversation "x" (POST /v1/Conversations): connection refused by 127.0.0.1:${port} (ECONNREFUSED)`,
  );
  expect(sleeps).toEqual([250, 500]); // three attempts
});

it("gives up on a request that gets no answer in requestTimeoutMs, without resending a POST", async () => {
  script = [hold, hold];
  const { client: c } = client({ requestTimeoutMs: 100 }, 3);
  const error = await c.request({ method: "POST", path: "/v1/Conversations" }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TwilioConnectionError);
  expect((error as TwilioConnectionError).reason).toMatch(/^timed out waiting for 127\.0\.0\.1:\d+ \(timeout of 100ms exceeded\)$/);
  expect(seen).toHaveLength(1);
});
