import { noFaults } from "../../../emulator";
import { clientFor, emulatorForFile } from "./http";

const { emu, api } = emulatorForFile();
const admin = (path: string, init?: RequestInit) => fetch(`${emu.url}/__emulator/${path}`, init);
const json = { "content-type": "application/json" };

describe("request log", () => {
  test("records method, path, query, headers (auth redacted), raw and parsed body, status", async () => {
    await api.request("POST", "/v1/Conversations?X=1", {
      body: "FriendlyName=a+b&Permission=x&Permission=y",
      headers: { "X-Twilio-Webhook-Enabled": "true" },
    });
    const [entry] = emu.requests();
    expect(entry).toMatchObject({
      method: "POST",
      path: "/v1/Conversations",
      query: { X: "1" },
      body: "FriendlyName=a+b&Permission=x&Permission=y",
      parsedBody: { FriendlyName: "a b", Permission: ["x", "y"] },
      status: 201,
      username: emu.accountSid,
    });
    expect(entry.headers["x-twilio-webhook-enabled"]).toBe("true");
    expect(entry.headers.authorization).toBe("[redacted]");
    expect(JSON.stringify(entry)).not.toContain(emu.authToken);
    expect(new Date(entry.at).toString()).not.toBe("Invalid Date");
  });

  test("GET /__emulator/requests returns it; DELETE clears it; admin calls are never logged", async () => {
    await api.get("/v1/Configuration");
    const res = await admin("requests");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { requests: { path: string }[] };
    expect(body.requests.map((r: { path: string }) => r.path)).toEqual(["/v1/Configuration"]);
    expect((await admin("requests", { method: "DELETE" })).status).toBe(204);
    expect(emu.requests()).toEqual([]);
    emu.clearRequests();
    expect(emu.requests()).toEqual([]);
  });

  test("401s and faults are logged with their status", async () => {
    await clientFor(emu, null).get("/v1/Configuration");
    emu.setFaults({ rateLimitNext: 1 });
    await api.get("/v1/Configuration");
    expect(emu.requests().map((r) => [r.status, r.fault])).toEqual([
      [401, undefined],
      [429, "rateLimitNext"],
    ]);
  });
});

describe("faults endpoint", () => {
  test("GET shows the live settings; PUT merges a partial update", async () => {
    expect(await (await admin("faults")).json()).toEqual(JSON.parse(JSON.stringify(noFaults())));
    const put = await admin("faults", {
      method: "PUT",
      headers: json,
      body: JSON.stringify({ rateLimitNext: 1, rateLimitRetryAfterSeconds: 2 }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ rateLimitNext: 1, rateLimitRetryAfterSeconds: 2, serverErrorNext: 0 });
    const res = await api.get("/v1/Configuration");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
  });

  test("PUT refuses unknown or invalid settings", async () => {
    for (const body of [{ rateLimitNxt: 1 }, { rateLimitFraction: 2 }, { dropNext: -1 }]) {
      expect((await admin("faults", { method: "PUT", headers: json, body: JSON.stringify(body) })).status).toBe(400);
    }
  });

  test("admin endpoints are never faulted and need no auth", async () => {
    emu.setFaults({ rateLimitNext: 3, dropNext: 0, latencyMs: 0 });
    expect((await admin("faults")).status).toBe(200);
    expect((await admin("state")).status).toBe(200);
    expect(((await (await admin("faults")).json()) as { rateLimitNext: number }).rateLimitNext).toBe(3);
  });
});

describe("reset and state", () => {
  test("POST /__emulator/reset puts back a fresh account and turns faults off", async () => {
    const created = (await api.post("/v1/Conversations", { UniqueName: "gone" })).data.sid;
    emu.setFaults({ serverErrorNext: 5 });
    expect((await admin("reset", { method: "POST" })).status).toBe(204);
    expect((await api.get("/v1/Conversations/gone")).status).toBe(404);
    const state = (await (await admin("state")).json()) as { v1: { conversations: { sid: string }[]; services: unknown[] } };
    expect(state.v1.conversations.map((c: { sid: string }) => c.sid)).not.toContain(created);
    expect(state.v1.services).toHaveLength(1);
    expect(state).toHaveProperty("v2");
  });

  test("state dumps v1 records", async () => {
    const sid = (await api.post("/v1/Conversations", { UniqueName: "seen" })).data.sid;
    const state = emu.state() as { v1: { conversations: { sid: string; uniqueName: string }[] } };
    expect(state.v1.conversations).toEqual([expect.objectContaining({ sid, uniqueName: "seen" })]);
  });
});
