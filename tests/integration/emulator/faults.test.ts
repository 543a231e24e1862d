import { startEmulator } from "../../../emulator";
import { clientFor, emulatorForFile, twilioError } from "./http";

const { emu, api } = emulatorForFile();

test("faults given to startEmulator are on from the start", async () => {
  const other = await startEmulator({ port: 0, faults: { serverErrorNext: 1 } });
  try {
    const c = clientFor(other);
    expect((await c.get("/v1/Configuration")).status).toBe(500);
    expect((await c.get("/v1/Configuration")).status).toBe(200);
  } finally {
    await other.close();
  }
});

test("429 code 20429 for the next N, with Retry-After when set, then normal", async () => {
  emu.setFaults({ rateLimitNext: 2, rateLimitRetryAfterSeconds: 3 });
  for (let i = 0; i < 2; i++) {
    const res = await api.get("/v1/Configuration");
    expect(res.status).toBe(429);
    expect(res.data).toEqual(twilioError(429, 20429));
    expect(res.headers.get("retry-after")).toBe("3");
  }
  expect((await api.get("/v1/Configuration")).status).toBe(200);
});

test("429 without Retry-After when none is set", async () => {
  emu.setFaults({ rateLimitNext: 1 });
  const res = await api.get("/v1/Configuration");
  expect(res.status).toBe(429);
  expect(res.headers.get("retry-after")).toBeNull();
});

test("a rate-limited write is never processed", async () => {
  emu.setFaults({ rateLimitNext: 1 });
  expect((await api.post("/v1/Conversations", { UniqueName: "once" })).status).toBe(429);
  expect((await api.get("/v1/Conversations/once")).status).toBe(404);
});

test("429 for a fraction of requests (1: all, 0: none)", async () => {
  emu.setFaults({ rateLimitFraction: 1 });
  expect((await api.get("/v1/Configuration")).status).toBe(429);
  expect((await api.get("/v1/Configuration")).status).toBe(429);
  emu.setFaults({ rateLimitFraction: 0 });
  expect((await api.get("/v1/Configuration")).status).toBe(200);
});

test("500 and 503 for the next N", async () => {
  emu.setFaults({ serverErrorNext: 1, unavailableNext: 1 });
  expect((await api.get("/v1/Configuration")).data).toEqual(twilioError(500, 20500));
  expect((await api.get("/v1/Configuration")).data).toEqual(twilioError(503, 20503));
  expect((await api.get("/v1/Configuration")).status).toBe(200);
});

test("dropped connections for the next N: no response, nothing processed", async () => {
  emu.setFaults({ dropNext: 1 });
  await expect(api.post("/v1/Conversations", { UniqueName: "dropped" })).rejects.toThrow();
  expect((await api.get("/v1/Conversations/dropped")).status).toBe(404);
  expect(emu.requests()[0]).toMatchObject({ method: "POST", status: 0, fault: "drop" });
});

test("dropAfterEffect: the write happens, the response is lost; only matching requests count", async () => {
  emu.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Conversations" } });
  expect((await api.get("/v1/Conversations")).status).toBe(200); // GET does not match
  expect((await api.post("/v1/Services", { FriendlyName: "s" })).status).toBe(201); // other path
  await expect(api.post("/v1/Conversations", { UniqueName: "lost" })).rejects.toThrow();
  expect((await api.get("/v1/Conversations/lost")).status).toBe(200);
  expect((await api.post("/v1/Conversations", { UniqueName: "kept" })).status).toBe(201); // count used up
  expect(emu.requests().find((r) => r.fault === "dropAfterEffect")).toMatchObject({ status: 0, parsedBody: { UniqueName: "lost" } });
});

test("latency delays responses", async () => {
  emu.setFaults({ latencyMs: 400 });
  const pending = api.get("/v1/Configuration");
  // The admin endpoint is never delayed, so it answers while the request still waits.
  const during = (await (await fetch(`${emu.url}/__emulator/requests`)).json()) as { requests: unknown[] };
  expect(during.requests).toHaveLength(0);
  expect((await pending).status).toBe(200);
  expect(emu.requests()).toHaveLength(1);
});

test("in-flight cap: requests beyond it get 429", async () => {
  emu.setFaults({ maxInFlight: 1, latencyMs: 300 });
  const statuses = (await Promise.all([0, 1, 2].map(() => api.get("/v1/Configuration")))).map((r) => r.status).sort();
  expect(statuses).toEqual([200, 429, 429]);
  expect(emu.requests().filter((r) => r.fault === "maxInFlight")).toHaveLength(2);
});

test("setFaults merges; resetFaults turns everything off", async () => {
  emu.setFaults({ rateLimitNext: 5 });
  emu.setFaults({ serverErrorNext: 1 });
  expect((await api.get("/v1/Configuration")).status).toBe(429);
  emu.resetFaults();
  expect((await api.get("/v1/Configuration")).status).toBe(200);
});

test("faults come before auth: an unauthenticated request still consumes a 503", async () => {
  emu.setFaults({ unavailableNext: 1 });
  expect((await clientFor(emu, null).get("/v1/Configuration")).status).toBe(503);
  expect((await clientFor(emu, null).get("/v1/Configuration")).status).toBe(401);
});
