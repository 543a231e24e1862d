/**
 * Headers every answer carries, as Twilio's do (see emulator/response-headers.ts): a request id on
 * successes, errors and injected faults alike, the account's requests in flight, and the duration.
 */
import { request as httpRequest } from "node:http";

import { clientFor, emulatorForFile } from "./http";

const { emu, api } = emulatorForFile();
const REQUEST_ID = /^RQ[0-9a-f]{32}$/;

test("every answer has its own Twilio-Request-Id, and the request log records it", async () => {
  emu.setFaults({ rateLimitNext: 1 });
  const limited = await api.get("/v1/Configuration");
  emu.setFaults({ serverErrorNext: 1 });
  const failed = await api.get("/v1/Configuration");
  emu.setFaults({ unavailableNext: 1 });
  const unavailable = await api.get("/v1/Configuration");
  const answers = [
    limited,
    failed,
    unavailable,
    await api.get("/v1/Configuration"),
    await api.post("/v1/Conversations", { UniqueName: "rq" }),
    await api.post("/v1/Conversations", { Attributes: "{not json" }),
    await api.get("/v1/Conversations/missing"),
    await api.del("/v1/Conversations/rq"),
    await api.get("/v1/NoSuchResource"),
    await clientFor(emu, null).get("/v1/Configuration"),
    await api.request("POST", "/v2/ControlPlane/Configurations", { body: "{", headers: { "content-type": "application/json" } }),
  ];
  expect(answers.map((r) => r.status)).toEqual([429, 500, 503, 200, 201, 400, 404, 204, 404, 401, 400]);
  const ids = answers.map((r) => r.headers.get("twilio-request-id"));
  for (const id of ids) expect(id).toMatch(REQUEST_ID);
  expect(new Set(ids).size).toBe(ids.length);
  expect(emu.requests().map((r) => r.requestId)).toEqual(ids);
});

test("Twilio-Request-Duration is seconds with three decimals", async () => {
  const res = await api.get("/v1/Configuration");
  expect(res.headers.get("twilio-request-duration")).toMatch(/^\d+\.\d{3}$/);
});

test("a request alone sees Twilio-Concurrent-Requests: 1", async () => {
  const res = await api.get("/v1/Configuration");
  expect(res.headers.get("twilio-concurrent-requests")).toBe("1");
});

test("Twilio-Concurrent-Requests counts the requests in flight, this one included", async () => {
  // A request whose body is still arriving is in flight: the server has its headers, not its end.
  const body = "FriendlyName=slow";
  const pending = httpRequest(`${emu.url}/v1/Conversations`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${emu.accountSid}:${emu.authToken}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(body.length),
    },
  });
  const done = new Promise<number>((resolve, reject) => {
    pending.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    pending.on("error", reject);
  });
  pending.write(body.slice(0, 5));

  // Bounded: the server registers the first request as soon as it reads its headers.
  const seen: string[] = [];
  for (let i = 0; i < 50 && !seen.includes("2"); i++) {
    seen.push((await api.get("/v1/Configuration")).headers.get("twilio-concurrent-requests") ?? "");
  }
  expect(seen).toContain("2");
  expect(seen.every((v) => v === "1" || v === "2")).toBe(true);

  pending.end(body.slice(5));
  expect(await done).toBe(201);
  expect((await api.get("/v1/Configuration")).headers.get("twilio-concurrent-requests")).toBe("1");
});

test("admin endpoints are not counted and carry no concurrency header", async () => {
  const res = await fetch(`${emu.url}/__emulator/faults`);
  expect(res.headers.get("twilio-concurrent-requests")).toBeNull();
  expect((await api.get("/v1/Configuration")).headers.get("twilio-concurrent-requests")).toBe("1");
});
