/** One configuration per v1 service: 409 with X-Conflicting-Resource-Id, against applied and pending writes. */
import { createBody, v2HarnessForFile } from "./harness";

const BASE = "/v2/ControlPlane/Configurations";
const SERVICE = "IS" + "c".repeat(32);
const OTHER = "IS" + "d".repeat(32);
const bridged = (serviceId = SERVICE, extra: Record<string, unknown> = {}) =>
  createBody({ conversationsV1Bridge: { serviceId }, ...extra });

const h = v2HarnessForFile();
beforeEach(() => {
  // After the harness's reset.
  h.faults.failOperationsNext = 0;
});

async function expectConflict(res: { status: number; headers: Headers; json(): any }, holder: string) {
  expect(res.status).toBe(409);
  expect(res.headers.get("x-conflicting-resource-id")).toBe(holder);
  expect(res.json()).toMatchObject({ status: 409, message: expect.stringContaining("conversationsV1Bridge") });
}

test("a second configuration bridged to an applied one's service: 409 naming the holder", async () => {
  const holder = await h.createApplied(bridged());
  await expectConflict(await h.request("POST", BASE, bridged(SERVICE, { displayName: "second" })), holder);
});

test("two racing creates: the second is refused while the first is still pending", async () => {
  const first = await h.request("POST", BASE, bridged());
  expect(first.status).toBe(202);
  await expectConflict(await h.request("POST", BASE, bridged()), first.json().related.configurationId);
  h.completeAll();
  expect(h.dump().configurations).toHaveLength(1);
});

test("PUT and PATCH that would take another's service are refused; updating one's own bridge is fine", async () => {
  const holder = await h.createApplied(bridged());
  const other = await h.createApplied(createBody({ displayName: "other" }));
  await expectConflict(await h.request("PATCH", `${BASE}/${other}`, { conversationsV1Bridge: { serviceId: SERVICE } }), holder);
  await expectConflict(await h.request("PUT", `${BASE}/${other}`, { ...bridged(), channelSettings: {} }), holder);
  expect(
    (await h.request("PATCH", `${BASE}/${holder}`, { conversationsV1Bridge: { serviceId: SERVICE }, description: "same" })).status,
  ).toBe(202);
});

test("a service is free again once a pending delete or bridge change of its holder is accepted", async () => {
  const a = await h.createApplied(bridged());
  const b = await h.createApplied(bridged(OTHER, { displayName: "b" }));
  expect((await h.request("DELETE", `${BASE}/${a}`)).status).toBe(202);
  expect((await h.request("PATCH", `${BASE}/${b}`, { conversationsV1Bridge: null })).status).toBe(202);
  const takeA = await h.request("POST", BASE, bridged(SERVICE, { displayName: "takes a" }));
  const takeB = await h.request("POST", BASE, bridged(OTHER, { displayName: "takes b" }));
  expect([takeA.status, takeB.status]).toEqual([202, 202]);
  h.completeAll();
  const ops = h.dump().operations;
  expect(ops.every((o) => o.status === "COMPLETED")).toBe(true);
});

test("if the releasing write fails, the claiming write fails at apply time with a 409 problem", async () => {
  const a = await h.createApplied(bridged());
  h.faults.failOperationsNext = 1;
  await h.request("DELETE", `${BASE}/${a}`);
  const claim = await h.request("POST", BASE, bridged(SERVICE, { displayName: "claim" }));
  expect(claim.status).toBe(202);
  h.completeAll();
  const op = (await h.request("GET", new URL(claim.json().statusUrl).pathname)).json();
  expect(op).toMatchObject({ status: "FAILED", error: { status: 409, detail: expect.stringContaining(a) } });
  expect(h.dump().configurations.map((c) => c.id)).toEqual([a]);
});
