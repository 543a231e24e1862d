/** Idempotency-Key: replay of the original 202, one operation, refusal on reuse with another request, 24 h TTL. */
import { randomUUID } from "node:crypto";

import { createBody, v2HarnessForFile } from "./harness";

const BASE = "/v2/ControlPlane/Configurations";
const h = v2HarnessForFile();

const headersOf = (res: { headers: Headers }) => ({
  operationId: res.headers.get("operation-id"),
  retryAfter: res.headers.get("retry-after"),
  location: res.headers.get("location"),
});

test("a repeated create with the same key replays the original response: same operation, one configuration", async () => {
  const key = randomUUID();
  const first = await h.request("POST", BASE, createBody(), { "Idempotency-Key": key });
  h.advance(1000); // even after the operation completed
  const again = await h.request("POST", BASE, createBody(), { "Idempotency-Key": key });
  expect(again.status).toBe(202);
  expect(headersOf(again)).toEqual(headersOf(first));
  expect(again.json()).toEqual(first.json());
  const dump = h.dump();
  expect(dump.operations).toHaveLength(1);
  expect(dump.configurations).toHaveLength(1);
});

test("the same body with keys in another order still counts as the same request", async () => {
  const key = randomUUID();
  const body = createBody();
  const reordered = Object.fromEntries(Object.entries(body).reverse());
  const first = await h.request("POST", BASE, body, { "Idempotency-Key": key });
  const again = await h.request("POST", BASE, reordered, { "Idempotency-Key": key });
  expect(again.json()).toEqual(first.json());
});

test("PUT, PATCH and DELETE replay too; a replayed DELETE answers 202 after the configuration is gone", async () => {
  const id = await h.createApplied();
  for (const [method, body] of [
    ["PATCH", { description: "p" }],
    ["PUT", { description: "r", conversationGroupingType: "GROUP_BY_PROFILE", memoryStoreId: "m", channelSettings: {} }],
    ["DELETE", undefined],
  ] as const) {
    const key = randomUUID();
    const first = await h.request(method, `${BASE}/${id}`, body, { "Idempotency-Key": key });
    h.completeAll();
    await h.request("GET", BASE); // applies it
    const again = await h.request(method, `${BASE}/${id}`, body, { "Idempotency-Key": key });
    expect(again.status).toBe(202);
    expect(headersOf(again)).toEqual(headersOf(first));
  }
  const dump = h.dump();
  expect(dump.operations.map((o) => o.write)).toEqual(["create", "patch", "replace", "delete"]);
  expect(dump.configurations).toEqual([]);
});

test("reusing a key with a different body is Twilio's 17534 (HTTP 422), and nothing is queued", async () => {
  const key = randomUUID();
  await h.request("POST", BASE, createBody(), { "Idempotency-Key": key });
  const res = await h.request("POST", BASE, createBody({ displayName: "other" }), { "Idempotency-Key": key });
  expect(res.status).toBe(422);
  expect(res.json()).toEqual({
    code: 17534,
    status: 422,
    message: expect.stringMatching(/^Idempotency key payload mismatch: Idempotency-Key [0-9a-f-]{36} was already used/),
    more_info: "https://www.twilio.com/docs/errors/17534",
  });
  expect(h.dump().operations).toHaveLength(1);
});

test("reusing a key on another path is refused as well", async () => {
  const id = await h.createApplied();
  const key = randomUUID();
  await h.request("PATCH", `${BASE}/${id}`, { description: "x" }, { "Idempotency-Key": key });
  const res = await h.request("POST", BASE, { description: "x" }, { "Idempotency-Key": key });
  expect(res.status).toBe(422);
  expect(res.json().code).toBe(17534);
});

test("a refused request is not remembered: the same key works once the body is fixed", async () => {
  const key = randomUUID();
  const bad = await h.request("POST", BASE, createBody({ displayName: undefined }), { "Idempotency-Key": key });
  expect(bad.status).toBe(400);
  const fixed = await h.request("POST", BASE, createBody(), { "Idempotency-Key": key });
  expect(fixed.status).toBe(202);
});

test("keys expire after 24 hours of the emulator's clock", async () => {
  const key = randomUUID();
  const first = await h.request("POST", BASE, createBody(), { "Idempotency-Key": key });
  h.advance(24 * 60 * 60 * 1000);
  const later = await h.request("POST", BASE, createBody(), { "Idempotency-Key": key });
  expect(later.status).toBe(202);
  expect(later.headers.get("operation-id")).not.toBe(first.headers.get("operation-id"));
  h.completeAll();
  expect(h.dump().configurations).toHaveLength(2);
});

test("a key that is not a UUID is refused, naming the header", async () => {
  const res = await h.request("POST", BASE, createBody(), { "Idempotency-Key": "retry-1" });
  expect(res.status).toBe(400);
  expect(res.json().message).toContain("Idempotency-Key");
});
