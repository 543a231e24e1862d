/** Operations: PENDING -> COMPLETED on the injected clock, FAILED and stay-pending faults, unknown ids. */
import { createBody, v2HarnessForFile } from "./harness";

const BASE = "/v2/ControlPlane/Configurations";
const h = v2HarnessForFile();
beforeEach(() => {
  // After the harness's reset.
  h.faults.failOperationsNext = 0;
  h.faults.operationsStayPending = false;
});

const opPath = (statusUrl: string) => new URL(statusUrl).pathname;

test("status document while pending and once completed", async () => {
  const created = h.stamp();
  const res = await h.request("POST", BASE, createBody());
  const { statusUrl, related } = res.json();
  const pending = await h.request("GET", opPath(statusUrl));
  expect(pending.status).toBe(200);
  expect(pending.json()).toEqual({
    operationId: res.headers.get("operation-id"),
    status: "PENDING",
    createdAt: created,
    completedAt: null,
    statusUrl,
    error: null,
    related,
  });

  h.completeAll();
  const done = (await h.request("GET", opPath(statusUrl))).json();
  expect(done).toMatchObject({ status: "COMPLETED", completedAt: h.stamp(), error: null });
  // UTC to the second, the format twilio-node parses.
  expect(done.completedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

test("a write is applied by any v2 request after the delay, not only by polling its operation", async () => {
  const res = await h.request("POST", BASE, createBody());
  h.completeAll();
  const id = res.json().related.configurationId;
  expect((await h.request("GET", `${BASE}/${id}`)).status).toBe(200);
});

test("failOperationsNext: the next operation ends FAILED with an RFC 9457 error and the write is not applied", async () => {
  h.faults.failOperationsNext = 1;
  const failed = await h.request("POST", BASE, createBody());
  const ok = await h.request("POST", BASE, createBody({ displayName: "second" }));
  expect(h.faults.failOperationsNext).toBe(0);
  expect((await h.request("GET", opPath(failed.json().statusUrl))).json().status).toBe("PENDING");

  h.completeAll();
  const op = (await h.request("GET", opPath(failed.json().statusUrl))).json();
  expect(op).toMatchObject({ status: "FAILED", completedAt: h.stamp() });
  expect(op.error).toEqual({
    type: expect.stringMatching(/^https:\/\//),
    title: expect.any(String),
    status: 500,
    detail: expect.stringContaining("failOperationsNext"),
    instance: opPath(failed.json().statusUrl),
  });
  expect((await h.request("GET", `${BASE}/${failed.json().related.configurationId}`)).status).toBe(404);
  expect((await h.request("GET", opPath(ok.json().statusUrl))).json().status).toBe("COMPLETED");
  expect((await h.request("GET", `${BASE}/${ok.json().related.configurationId}`)).status).toBe(200);
});

test("a failed update leaves the configuration and its version as they were", async () => {
  const id = await h.createApplied();
  h.faults.failOperationsNext = 1;
  const res = await h.request("PATCH", `${BASE}/${id}`, { description: "never" });
  h.completeAll();
  expect((await h.request("GET", opPath(res.json().statusUrl))).json().status).toBe("FAILED");
  expect((await h.request("GET", `${BASE}/${id}`)).json()).toMatchObject({ description: "Routes support traffic", version: 1 });
});

test("a failed delete leaves the configuration in place", async () => {
  const id = await h.createApplied();
  h.faults.failOperationsNext = 1;
  const res = await h.request("DELETE", `${BASE}/${id}`);
  h.completeAll();
  expect((await h.request("GET", opPath(res.json().statusUrl))).json().status).toBe("FAILED");
  expect((await h.request("GET", `${BASE}/${id}`)).status).toBe(200);
});

test("operationsStayPending holds every operation PENDING until switched off", async () => {
  h.faults.operationsStayPending = true;
  const res = await h.request("POST", BASE, createBody());
  h.advance(60 * 60 * 1000);
  const held = (await h.request("GET", opPath(res.json().statusUrl))).json();
  expect(held).toMatchObject({ status: "PENDING", completedAt: null });
  expect((await h.request("GET", `${BASE}/${res.json().related.configurationId}`)).status).toBe(404);

  h.faults.operationsStayPending = false;
  expect((await h.request("GET", opPath(res.json().statusUrl))).json().status).toBe("COMPLETED");
});

test("an update accepted before a delete completes fails at apply time with a 404 problem", async () => {
  const id = await h.createApplied();
  const del = await h.request("DELETE", `${BASE}/${id}`);
  const patch = await h.request("PATCH", `${BASE}/${id}`, { description: "too late" });
  h.completeAll();
  expect((await h.request("GET", opPath(del.json().statusUrl))).json().status).toBe("COMPLETED");
  const op = (await h.request("GET", opPath(patch.json().statusUrl))).json();
  expect(op).toMatchObject({ status: "FAILED", error: { status: 404 } });
});

test("unknown operation id: 404 with the classic body", async () => {
  const res = await h.request("GET", "/v2/ControlPlane/Operations/proc_job_00000000000000000000000000");
  expect(res.status).toBe(404);
  expect(res.json()).toEqual({
    code: 20404,
    message: expect.stringContaining("proc_job_00000000000000000000000000"),
    more_info: "https://www.twilio.com/docs/errors/20404",
    status: 404,
  });
});

test("dump() shows applied configurations and every operation; reset() clears them", async () => {
  const id = await h.createApplied();
  const dump = h.dump();
  expect(dump.configurations.map((c) => c.id)).toEqual([id]);
  expect(dump.operations).toEqual([expect.objectContaining({ status: "COMPLETED", write: "create" })]);
  h.reset();
  expect(h.dump()).toEqual({ configurations: [], operations: [] });
});
