/**
 * Fidelity: the official `twilio` npm client (6.x) against the emulator's v2 control plane, as proof
 * that the emulator speaks the wire format twilio-node expects (202 + JSON bodies, `completedAt: null`
 * while pending, token paging with `meta.key`, a JSON body on DELETE).
 *
 * twilio-node is the client here, so operations complete on the emulator's real clock with a short
 * `operationDelayMs`, and polling waits briefly for real, in a bounded loop.
 */
import { randomUUID } from "node:crypto";

import { twilioForFile } from "./twilio-client";

const OPERATION_DELAY_MS = 50;
const POLL_INTERVAL_MS = 20;
const MAX_POLLS = 100; // 2 s at most per operation

const { emu: emulator, client } = twilioForFile({ operationDelayMs: OPERATION_DELAY_MS, operationRetryAfterSeconds: 0 });

const v2 = () => client.conversations.v2;

function operationIdOf(statusUrl: string | undefined): string {
  const id = statusUrl?.split("/").pop();
  if (!id) throw new Error(`no operation in statusUrl ${statusUrl}`);
  return id;
}

/** Polls the operation through twilio-node until it leaves PENDING. */
async function waitForOperation(statusUrl: string | undefined) {
  const id = operationIdOf(statusUrl);
  for (let i = 0; i < MAX_POLLS; i++) {
    const op = await v2().operations(id).fetch();
    if (op.status !== "PENDING") return op;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(`operation ${id} still PENDING after ${MAX_POLLS} polls`);
}

const body = (displayName: string, memoryStoreId = "mem_fidelity") => ({
  displayName,
  description: `Fidelity ${displayName}`,
  conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE",
  memoryStoreId,
  channelSettings: { SMS: { statusTimeouts: { inactive: 5, closed: 60 }, captureRules: [{ from: "*", to: "+15005550006" }] } },
  statusCallbacks: [{ url: "https://example.com/status" }],
});

async function createAndWait(displayName: string, memoryStoreId?: string): Promise<string> {
  const accepted = await v2().configurations.create(body(displayName, memoryStoreId), { "Idempotency-Key": randomUUID() });
  const op = await waitForOperation(accepted.statusUrl);
  expect(op.status).toBe("COMPLETED");
  return accepted.related!.configurationId;
}

test("create with an Idempotency-Key, poll the operation, fetch; a replay returns the same operation", async () => {
  const key = randomUUID();
  // Held PENDING by the fault switch, not by timing, so the pending read is deterministic.
  emulator.setFaults({ operationsStayPending: true });
  const accepted = await v2().configurations.createWithHttpInfo(body("Fidelity one"), { "Idempotency-Key": key });
  expect(accepted.statusCode).toBe(202);
  const operationId = operationIdOf(accepted.body.statusUrl);
  expect(operationId).toMatch(/^proc_job_[0-9a-hjkmnp-tv-z]{26}$/); // Twilio's shape: proc_job_01kpttrkrnfjgvwjwcwggqdk96
  expect(accepted.headers["operation-id"]).toBe(operationId);
  expect(accepted.body.statusUrl).toBe(`${emulator.url}/v2/ControlPlane/Operations/${operationId}`);
  const id = accepted.body.related!.configurationId;
  expect(id).toMatch(/^conv_configuration_[0-9a-z]{26}$/);

  const pending = await v2().operations(operationId).fetch();
  expect(pending.status).toBe("PENDING");
  expect(pending.completedAt).toBeNull(); // a missing date would read as "now"

  const replay = await v2().configurations.create(body("Fidelity one"), { "Idempotency-Key": key });
  expect(replay.statusUrl).toBe(accepted.body.statusUrl);
  emulator.setFaults({ operationsStayPending: false });

  const done = await waitForOperation(accepted.body.statusUrl);
  expect(done.status).toBe("COMPLETED");
  expect(done.completedAt).toBeInstanceOf(Date);
  expect(done.error).toBeNull();
  expect(done.related).toEqual({ configurationId: id });

  const fetched = await v2().configurations(id).fetch();
  expect(fetched).toMatchObject({
    id,
    displayName: "Fidelity one",
    conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE",
    memoryStoreId: "mem_fidelity",
    channelSettings: body("x").channelSettings,
    memoryExtractionEnabled: false,
    version: 1,
  });
  expect(fetched.statusCallbacks).toEqual([expect.objectContaining({ url: "https://example.com/status", method: "POST" })]);
  expect(fetched.createdAt).toBeInstanceOf(Date);
  expect((await v2().configurations.list()).length).toBe(1);
});

test("update (PUT) and patch apply after their operations and bump the version", async () => {
  const id = await createAndWait("Fidelity two");
  const put = await v2()
    .configurations(id)
    .update(
      { description: "replaced", conversationGroupingType: "GROUP_BY_PROFILE", memoryStoreId: "mem_2", channelSettings: { CHAT: {} } },
      { "Idempotency-Key": randomUUID() },
    );
  expect((await waitForOperation(put.statusUrl)).status).toBe("COMPLETED");
  expect(await v2().configurations(id).fetch()).toMatchObject({
    displayName: "Fidelity two",
    description: "replaced",
    conversationGroupingType: "GROUP_BY_PROFILE",
    channelSettings: { CHAT: {} },
    version: 2,
  });

  // twilio-node's typings do not allow null per channel although its docs say null removes one.
  const removeChat = { channelSettings: { CHAT: null, VOICE: { statusTimeouts: { inactive: 2 } } } };
  const patch = await v2()
    .configurations(id)
    .patch(removeChat as unknown as Parameters<ReturnType<ReturnType<typeof v2>["configurations"]>["patch"]>[0], {
      "Idempotency-Key": randomUUID(),
    });
  expect((await waitForOperation(patch.statusUrl)).status).toBe("COMPLETED");
  const patched = await v2().configurations(id).fetch();
  expect(patched.channelSettings).toEqual({ VOICE: { statusTimeouts: { inactive: 2 } } });
  expect(patched.version).toBe(3);
});

test("list pages with tokens (pageSize 2 over 5 configurations) and filters by memoryStoreId", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push(await createAndWait(`Paged ${i}`, i < 4 ? "mem_paged" : "mem_other"));

  emulator.clearRequests();
  const all = await v2().configurations.list({ pageSize: 2 });
  expect(all.map((c) => c.id)).toEqual(ids);
  // Three pages of 2, 2 and 1, the later two asked for by token.
  const pages = emulator.requests().filter((r) => r.method === "GET" && r.path === "/v2/ControlPlane/Configurations");
  expect(pages.map((r) => r.query.pageToken === undefined)).toEqual([true, false, false]);

  const first = await v2().configurations.page({ pageSize: 2 });
  expect(first.instances.map((c) => c.id)).toEqual(ids.slice(0, 2));
  const second = await first.nextPage();
  expect(second!.instances.map((c) => c.id)).toEqual(ids.slice(2, 4));
  const back = await second!.previousPage();
  expect(back!.instances.map((c) => c.id)).toEqual(ids.slice(0, 2));

  const filtered = await v2().configurations.list({ pageSize: 3, memoryStoreId: "mem_paged" });
  expect(filtered.map((c) => c.id)).toEqual(ids.slice(0, 4));
});

test("remove answers a JSON 202; after the operation the configuration is gone (404)", async () => {
  const id = await createAndWait("Fidelity gone");
  const removed = await v2().configurations(id).remove({ idempotencyKey: randomUUID() });
  expect(removed.related).toEqual({ configurationId: id });
  expect((await waitForOperation(removed.statusUrl)).status).toBe("COMPLETED");
  await expect(v2().configurations(id).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
});

test("errors reach twilio-node as RestException: validation 400, bridge conflict 409, key reuse 17534, unknown operation 404", async () => {
  await expect(v2().configurations.create(body("bad/name"))).rejects.toMatchObject({
    status: 400,
    message: expect.stringContaining("displayName"),
  });

  const serviceId = "IS" + "e".repeat(32);
  const first = await v2().configurations.create({ ...body("Bridged one"), conversationsV1Bridge: { serviceId } });
  await expect(v2().configurations.create({ ...body("Bridged two"), conversationsV1Bridge: { serviceId } })).rejects.toMatchObject({
    status: 409,
  });
  await waitForOperation(first.statusUrl);

  const key = randomUUID();
  await v2().configurations.create(body("Keyed once"), { "Idempotency-Key": key });
  await expect(v2().configurations.create(body("Keyed twice"), { "Idempotency-Key": key })).rejects.toMatchObject({
    status: 422,
    code: 17534,
    moreInfo: "https://www.twilio.com/docs/errors/17534",
  });

  await expect(v2().operations("proc_job_00000000000000000000000000").fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
});

test("an injected operation failure surfaces as FAILED with an RFC 9457 error", async () => {
  emulator.setFaults({ failOperationsNext: 1 });
  const accepted = await v2().configurations.create(body("Fidelity failed"));
  const op = await waitForOperation(accepted.statusUrl);
  expect(op.status).toBe("FAILED");
  expect(op.error).toMatchObject({ status: 500, title: expect.any(String), detail: expect.any(String) });
  await expect(v2().configurations(accepted.related!.configurationId).fetch()).rejects.toMatchObject({ status: 404 });
});
