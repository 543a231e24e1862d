/**
 * OrchestratorConfiguration against the emulator, through the provider object exactly as the
 * dynamic-provider host calls it. v2 writes are asynchronous: the emulator keeps each operation
 * PENDING for 250 ms and answers Retry-After: 0. The provider looks at an operation right after its
 * 202 and counts one already finished as an earlier request's (operation.ts `followOperation`);
 * 250 ms keeps this file's own operations PENDING at that look even on a loaded machine.
 */
import type * as pulumi from "@pulumi/pulumi";

import { configureFromStack } from "../../../provider/config";
import { OperationFailedError } from "../../../provider/error";
import { PartialFailure } from "../../../provider/shared/partial";
import { toWire } from "../../../resources/orchestrator-configuration/api";
import { createKey, deleteKey, nextKey, updateKey } from "../../../resources/orchestrator-configuration/idempotency";
import type { OrchestratorConfigurationInputs } from "../../../resources/orchestrator-configuration/schema";
import { type EmulatorStack, startEmulatorStack } from "../../support/emulator-stack";
import { checkedInputs, hostProvider, SHIM, useEmulatorStack } from "../../support/provider-harness";
import { rejection } from "../../support/rejection";

const provider = hostProvider("OrchestratorConfiguration");
const LOGICAL = "proj/dev/support";
const SERVICE = "IS" + "0123456789abcdef".repeat(2);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CONFIGURATIONS = "/v2/ControlPlane/Configurations";

const base = {
  displayName: "support-routing",
  description: "Routes support traffic",
  conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
  memoryStoreId: "mem_store_01",
};

const stack = useEmulatorStack({ operationDelayMs: 250 });

interface Sent {
  method: string;
  path: string;
  key?: string;
  body?: unknown;
  status: number;
}
const requests = (): Sent[] =>
  stack.emulator.requests().map((r) => ({
    method: r.method,
    path: r.path,
    ...(r.headers["idempotency-key"] ? { key: r.headers["idempotency-key"] } : {}),
    ...(r.parsedBody !== undefined ? { body: r.parsedBody } : {}),
    status: r.status,
  }));
const writes = () => requests().filter((r) => r.method !== "GET");

/** The configurations the emulator holds (applied ones). */
const configurations = () => (stack.emulator.state() as { v2: { configurations: Array<{ id: string }> } }).v2.configurations;
/** Every operation the emulator started, oldest first. */
const operations = () =>
  (stack.emulator.state() as { v2: { operations: Array<{ operationId: string; status: string; write: string }> } }).v2.operations;

const checked = (news: Record<string, unknown>, olds?: Record<string, unknown>) =>
  checkedInputs(provider, { __logicalName: LOGICAL, ...news }, olds);

async function create(news: Record<string, unknown> = {}) {
  return provider.create({ __provider: SHIM, ...(await checked({ ...base, ...news })) });
}

describe("OrchestratorConfiguration lifecycle", () => {
  it("creates, reads, shows no diff on a re-run, updates by full replace, deletes, and reads as gone", async () => {
    const inputs = await checked({
      ...base,
      channelSettings: { SMS: { statusTimeouts: { inactive: 30, closed: 1440 } } },
      statusCallbacks: [{ url: "https://example.com/status" }],
      conversationsV1Bridge: { serviceId: SERVICE },
    });
    expect(inputs).toEqual({
      ...base,
      channelSettings: { SMS: { statusTimeouts: { inactive: 30, closed: 1440 } } },
      statusCallbacks: [{ url: "https://example.com/status", method: "POST" }],
      conversationsV1Bridge: { serviceId: SERVICE },
      __logicalName: LOGICAL,
    });

    // create: POST with a key, poll the operation, GET the configuration.
    const { id, outs } = await provider.create({ __provider: SHIM, ...inputs });
    expect(id).toMatch(/^conv_configuration_[0-9a-z]{26}$/);
    expect(outs).toEqual({
      ...base,
      accountSid: stack.emulator.accountSid,
      configurationId: id,
      channelSettings: { SMS: { statusTimeouts: { inactive: 30, closed: 1440 } } },
      statusCallbacks: [{ url: "https://example.com/status", method: "POST" }],
      intelligenceConfigurationIds: [],
      memoryExtractionEnabled: false,
      conversationsV1Bridge: { serviceId: SERVICE },
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      __logicalName: LOGICAL,
    });
    const sent = requests();
    expect(sent[0]).toEqual({
      method: "POST",
      path: CONFIGURATIONS,
      key: expect.stringMatching(UUID),
      body: {
        ...base,
        channelSettings: { SMS: { statusTimeouts: { inactive: 30, closed: 1440 } } },
        statusCallbacks: [{ url: "https://example.com/status", method: "POST" }],
        intelligenceConfigurationIds: [],
        memoryExtractionEnabled: false,
        conversationsV1Bridge: { serviceId: SERVICE },
      },
      status: 202,
    });
    const polls = sent.slice(1, -1);
    expect(polls.length).toBeGreaterThanOrEqual(1);
    for (const poll of polls)
      expect(poll).toMatchObject({
        method: "GET",
        path: expect.stringMatching(/^\/v2\/ControlPlane\/Operations\/proc_job_[0-9a-z]{26}$/),
        status: 200,
      });
    expect(sent[sent.length - 1]).toEqual({ method: "GET", path: `${CONFIGURATIONS}/${id}`, status: 200 });

    // read: live values and inputs that match them.
    stack.emulator.clearRequests();
    const read = await provider.read(id, { ...outs, __provider: SHIM });
    expect(read).toEqual({ id, props: outs, inputs: expect.objectContaining({ ...base, __logicalName: LOGICAL }) });
    expect(requests()).toEqual([{ method: "GET", path: `${CONFIGURATIONS}/${id}`, status: 200 }]);

    // A re-run of the same program shows no change, from the outputs and from what read returned.
    const again = await checked({ ...inputs, channelSettings: { SMS: { statusTimeouts: { closed: 1440, inactive: 30 } } } }, read.inputs);
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, again)).toMatchObject({ changes: false, replaces: [] });
    expect(await provider.diff(id, { ...read.inputs, __provider: SHIM }, again)).toMatchObject({ changes: false });

    // update: everything can change in place; removed properties are cleared by the full replace.
    const changed = await checked({
      ...base,
      description: "Routes support and sales traffic",
      channelSettings: { CHAT: { captureRules: [{ from: "*", to: "agent", metadata: { team: "sales" } }] } },
      memoryExtractionEnabled: true,
    });
    const diff = await provider.diff(id, { ...outs, __provider: SHIM }, changed);
    expect(diff).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: false });
    stack.emulator.clearRequests();
    const { outs: updated } = await provider.update(id, { ...outs, __provider: SHIM }, { __provider: SHIM, ...changed });
    expect(updated).toEqual({
      ...outs,
      description: "Routes support and sales traffic",
      channelSettings: { CHAT: { captureRules: [{ from: "*", to: "agent", metadata: { team: "sales" } }] } },
      statusCallbacks: [],
      memoryExtractionEnabled: true,
      conversationsV1Bridge: undefined,
      version: 2,
      updatedAt: expect.any(String),
    });
    expect(updated).not.toHaveProperty("conversationsV1Bridge");
    expect(writes()).toEqual([
      {
        method: "PUT",
        path: `${CONFIGURATIONS}/${id}`,
        key: expect.stringMatching(UUID),
        body: {
          ...base,
          description: "Routes support and sales traffic",
          channelSettings: { CHAT: { captureRules: [{ from: "*", to: "agent", metadata: { team: "sales" } }] } },
          statusCallbacks: [],
          intelligenceConfigurationIds: [],
          memoryExtractionEnabled: true,
        },
        status: 202,
      },
    ]);
    expect(writes()[0]!.key).not.toBe(sent[0]!.key);

    // delete: DELETE with a key, wait, and the configuration is gone.
    stack.emulator.clearRequests();
    await provider.delete(id, { ...updated, __provider: SHIM });
    expect(writes()).toEqual([{ method: "DELETE", path: `${CONFIGURATIONS}/${id}`, key: expect.stringMatching(UUID), status: 202 }]);
    expect(configurations()).toEqual([]);

    expect(await provider.read(id, updated)).toEqual({ id: "", props: {} });
  });

  it("re-creates after a destroy with identical inputs: the replayed response is detected and the next key used", async () => {
    const first = await create();
    await provider.delete(first.id, first.outs);
    stack.emulator.clearRequests();

    const second = await create();
    expect(second.id).not.toBe(first.id);
    expect(configurations().map((c) => c.id)).toEqual([second.id]);
    const posts = writes();
    expect(posts).toHaveLength(2);
    // The first key is the original create's and is replayed; the second is new.
    expect(posts[0]).toMatchObject({ method: "POST", status: 202 });
    expect(posts[1]).toMatchObject({ method: "POST", status: 202 });
    expect(posts[0]!.key).not.toBe(posts[1]!.key);
    expect(requests()).toContainEqual({ method: "GET", path: `${CONFIGURATIONS}/${first.id}`, status: 404 });
  });

  it("finds its configuration when create runs again after a crash, instead of making a second one", async () => {
    const first = await create();
    const rerun = await create();
    expect(rerun.id).toBe(first.id);
    expect(configurations()).toHaveLength(1);
    const [a, b] = writes();
    expect(a!.key).toBe(b!.key);
  });

  it("gives two resources with identical inputs two configurations (the logical name scopes the key)", async () => {
    const one = await provider.create({ __provider: SHIM, ...(await checked({ ...base, __logicalName: "proj/dev/one" })) });
    const two = await provider.create({ __provider: SHIM, ...(await checked({ ...base, __logicalName: "proj/dev/two" })) });
    expect(one.id).not.toBe(two.id);
    expect(configurations()).toHaveLength(2);
  });

  it("updates a configuration changed behind Pulumi's back and shows the drift on read", async () => {
    const { id, outs } = await create();
    await stack.outOfBand.request({
      method: "PUT",
      path: `${CONFIGURATIONS}/${id}`,
      json: { ...base, description: "edited", channelSettings: {} },
    });
    // The out-of-band PUT is an operation too; wait until it applied.
    let read: pulumi.dynamic.ReadResult;
    do read = await provider.read(id, outs);
    while ((read.props as { description: string }).description !== "edited");
    expect(read.inputs).toMatchObject({ description: "edited" });
    const diff = await provider.diff(id, read.props!, await checked(base));
    expect(diff).toMatchObject({ changes: true, replaces: [] });
  });
});

describe("OrchestratorConfiguration check", () => {
  it.each([
    ["a display name over 32 characters", { displayName: "x".repeat(33) }, "displayName"],
    ["a display name with punctuation", { displayName: "support!" }, "displayName"],
    ["an unknown grouping type", { conversationGroupingType: "GROUP_BY_MOOD" }, "conversationGroupingType"],
    ["an empty memory store", { memoryStoreId: "" }, "memoryStoreId"],
    ["an unknown channel", { channelSettings: { FAX: {} } }, "channelSettings.FAX"],
    [
      "a zero inactive timeout",
      { channelSettings: { SMS: { statusTimeouts: { inactive: 0 } } } },
      "channelSettings.SMS.statusTimeouts.inactive",
    ],
    ["three status callbacks", { statusCallbacks: Array(3).fill({ url: "https://example.com" }) }, "statusCallbacks"],
    ["a callback that is not a URL", { statusCallbacks: [{ url: "example" }] }, "statusCallbacks.0.url"],
    ["six intelligence configurations", { intelligenceConfigurationIds: ["1", "2", "3", "4", "5", "6"] }, "intelligenceConfigurationIds"],
    ["a bridge to a non-service SID", { conversationsV1Bridge: { serviceId: "CH" + "0".repeat(32) } }, "conversationsV1Bridge.serviceId"],
    ["an unknown property", { friendlyName: "x" }, "friendlyName"],
  ])("refuses %s before sending anything", async (_label, news, property) => {
    const result = await provider.check({}, { __provider: SHIM, ...base, ...news });
    expect(result.failures?.map((f) => f.property)).toEqual([property]);
    expect(requests()).toEqual([]);
  });
});

describe("OrchestratorConfiguration when operations fail or hang", () => {
  it("reports a FAILED create as a plain error quoting the problem; nothing exists", async () => {
    stack.emulator.setFaults({ failOperationsNext: 1 });
    const error = await rejection<Error & Partial<PartialFailure>>(create());
    expect(error).not.toBeInstanceOf(PartialFailure);
    expect(OperationFailedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: "FAILED", operationId: expect.stringMatching(/^proc_job_[0-9a-z]{26}$/) });
    expect(error.message).toMatch(
      /^Failed creating OrchestratorConfiguration "support-routing": operation proc_job_[0-9a-z]{26} ended FAILED: [^:]+: The operation failed \(fault injected by the emulator: failOperationsNext\)\. Nothing was created/,
    );
    expect(configurations()).toEqual([]);
  });

  it("keeps an update whose operation FAILED in state with its id and the configuration as it still is", async () => {
    const { id, outs } = await create();
    stack.emulator.setFaults({ failOperationsNext: 1 });
    const error = await rejection<Error & Partial<PartialFailure>>(
      provider.update(id, { ...outs, __provider: SHIM }, { __provider: SHIM, ...(await checked({ ...base, description: "new" })) }),
    );
    expect(error).toBeInstanceOf(PartialFailure);
    expect(error.message).toMatch(
      /^Failed updating OrchestratorConfiguration "support-routing": operation proc_job_[0-9a-z]{26} ended FAILED/,
    );
    expect(error.id).toBe(id);
    // The __provider key goes along, so the next delete or refresh can load the provider.
    expect(error.properties).toEqual({ ...outs, __provider: SHIM });
    expect(error.reasons).toEqual([expect.stringMatching(/fault injected/)]);
  });

  it("reports a FAILED delete as an error; the configuration stays", async () => {
    const { id, outs } = await create();
    stack.emulator.setFaults({ failOperationsNext: 1 });
    await expect(provider.delete(id, outs)).rejects.toThrow(
      /^Failed deleting OrchestratorConfiguration "support-routing": operation proc_job_[0-9a-z]{26} ended FAILED.*stays in state/,
    );
    expect(configurations()).toHaveLength(1);
  });

  describe("with twilio-conversations:operationTimeout 0.1 (seconds; the setting takes fractions)", () => {
    let slow: EmulatorStack;
    beforeAll(async () => {
      slow = await startEmulatorStack({ operationDelayMs: 20 }, { "twilio-conversations:operationTimeout": "0.1" });
    });
    afterAll(async () => {
      await slow.emulator.close();
      configureFromStack({ get: (k) => stack.config[k] });
    });

    it("keeps a create that never finishes in state with the configuration id, then reconciles on read", async () => {
      slow.emulator.setFaults({ operationsStayPending: true });
      const inputs = await checked(base);
      const error = await rejection<Error & Partial<PartialFailure>>(provider.create({ __provider: SHIM, ...inputs }));
      expect(error).toBeInstanceOf(PartialFailure);
      expect(error.message).toMatch(
        /^Timed out creating OrchestratorConfiguration "support-routing": Gave up waiting for operation proc_job_[0-9a-z]{26}/,
      );
      // The id is the one the 202 named (related.configurationId), still pending on Twilio's side.
      const pending = (slow.emulator.state() as { v2: { operations: Array<{ status: string; related: { configurationId: string } }> } }).v2
        .operations;
      expect(pending).toEqual([expect.objectContaining({ status: "PENDING", related: { configurationId: error.id } })]);
      expect(error.id).toMatch(/^conv_configuration_/);
      expect(error.properties).toEqual({
        ...base,
        accountSid: slow.emulator.accountSid,
        configurationId: error.id,
        channelSettings: {},
        statusCallbacks: [],
        intelligenceConfigurationIds: [],
        memoryExtractionEnabled: false,
        __logicalName: LOGICAL,
        __provider: SHIM,
      });

      // Later the operation finishes; refresh sees the configuration.
      slow.emulator.setFaults({ operationsStayPending: false });
      const read = await provider.read(error.id!, error.properties!);
      expect(read).toMatchObject({ id: error.id, props: { configurationId: error.id, version: 1 } });
    });

    it("keeps an update that never finishes in state with its id and the configuration as fetched", async () => {
      const { id, outs } = await create();
      slow.emulator.setFaults({ operationsStayPending: true });
      const error = await rejection<Error & Partial<PartialFailure>>(
        provider.update(id, outs, await checked({ ...base, description: "new" })),
      );
      expect(error).toBeInstanceOf(PartialFailure);
      expect(error.message).toMatch(/^Timed out updating OrchestratorConfiguration "support-routing"/);
      expect(error.id).toBe(id);
      expect(error.properties).toMatchObject({ configurationId: id, description: base.description, version: 1 });
    });
  });
});

describe("OrchestratorConfiguration re-runs after a FAILED operation, a crash or a lost response", () => {
  /** Each run below is what the engine does on `pulumi up`: check, then create (or update, or delete). */
  const createKeyOf = async (news: Record<string, unknown> = {}) =>
    createKey(stack.emulator.accountSid, LOGICAL, toWire((await checked({ ...base, ...news })) as OrchestratorConfigurationInputs));

  it("tries a create again when re-run right after it FAILED, under a key derived from the failed operation", async () => {
    stack.emulator.setFaults({ failOperationsNext: 1 });
    const failure = await rejection<Error & Partial<PartialFailure>>(create());
    expect(OperationFailedError.isInstance(failure)).toBe(true);
    const [failedOp] = operations();
    expect(failedOp).toMatchObject({ status: "FAILED", write: "create" });
    expect(configurations()).toEqual([]);

    // The re-run: the first key is replayed (the FAILED operation, found finished at once), then the
    // next key, derived from it, starts a new create.
    const { id } = await create();
    const first = await createKeyOf();
    expect(writes().map((w) => [w.method, w.key, w.status])).toEqual([
      ["POST", first, 202],
      ["POST", first, 202],
      ["POST", nextKey(first, failedOp!.operationId), 202],
    ]);
    expect(configurations().map((c) => c.id)).toEqual([id]);
    expect(operations().map((o) => o.status)).toEqual(["FAILED", "COMPLETED"]);
  });

  it("walks the chain of keys after several FAILED runs: each re-run tries once more, none replays the last failure", async () => {
    const first = await createKeyOf();
    stack.emulator.setFaults({ failOperationsNext: 1 });
    await expect(create()).rejects.toThrow(/ended FAILED/);
    stack.emulator.setFaults({ failOperationsNext: 1 });
    await expect(create()).rejects.toThrow(/ended FAILED/);
    const { id } = await create();

    const [a, b, c] = operations();
    const second = nextKey(first, a!.operationId);
    const third = nextKey(second, b!.operationId);
    expect(writes().map((w) => w.key)).toEqual([first, first, second, first, second, third]);
    expect([a!.status, b!.status, c!.status]).toEqual(["FAILED", "FAILED", "COMPLETED"]);
    expect(operations()).toHaveLength(3);
    expect(configurations().map((x) => x.id)).toEqual([id]);
  });

  it("tries an update again when re-run right after it FAILED; the configuration changes once", async () => {
    const { id, outs } = await create();
    stack.emulator.clearRequests();
    const news = await checked({ ...base, description: "new" });
    stack.emulator.setFaults({ failOperationsNext: 1 });
    const failure = await rejection<Error & Partial<PartialFailure>>(
      provider.update(id, { ...outs, __provider: SHIM }, { __provider: SHIM, ...news }),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    const failedOp = operations()[1]!;
    expect(failedOp).toMatchObject({ status: "FAILED", write: "replace" });

    // The engine re-runs the update from what the failure left in state: the same version, so the same first key.
    const { outs: updated } = await provider.update(id, { ...failure.properties }, { __provider: SHIM, ...news });
    expect(updated).toMatchObject({ description: "new", version: 2 });
    const first = updateKey(stack.emulator.accountSid, id, 1, toWire(news as OrchestratorConfigurationInputs));
    expect(writes().map((w) => [w.method, w.key, w.status])).toEqual([
      ["PUT", first, 202],
      ["PUT", first, 202],
      ["PUT", nextKey(first, failedOp.operationId), 202],
    ]);
    expect(operations().map((o) => [o.write, o.status])).toEqual([
      ["create", "COMPLETED"],
      ["replace", "FAILED"],
      ["replace", "COMPLETED"],
    ]);
  });

  it("tries a delete again when re-run right after it FAILED", async () => {
    const { id, outs } = await create();
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ failOperationsNext: 1 });
    await expect(provider.delete(id, outs)).rejects.toThrow(/ended FAILED.*stays in state/);
    const failedOp = operations()[1]!;
    await provider.delete(id, outs);
    const first = deleteKey(stack.emulator.accountSid, id);
    expect(writes().map((w) => [w.method, w.key, w.status])).toEqual([
      ["DELETE", first, 202],
      ["DELETE", first, 202],
      ["DELETE", nextKey(first, failedOp.operationId), 202],
    ]);
    expect(configurations()).toEqual([]);
  });

  it("replays a create whose run crashed after the 202: the re-run gets that configuration, no second one", async () => {
    // The crashed run: its POST was accepted and the operation completed, but no state was written.
    const inputs = (await checked(base)) as OrchestratorConfigurationInputs;
    const first = await createKeyOf();
    await stack.outOfBand.request({ method: "POST", path: CONFIGURATIONS, json: toWire(inputs), idempotencyKey: first });
    while (configurations().length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    stack.emulator.clearRequests();

    const { id } = await create();
    expect(configurations().map((c) => c.id)).toEqual([id]);
    expect(operations()).toHaveLength(1);
    expect(writes().map((w) => [w.method, w.key, w.status])).toEqual([["POST", first, 202]]);
  });

  it("replays a create whose run crashed while the operation was still running: it is waited for, not repeated", async () => {
    const inputs = (await checked(base)) as OrchestratorConfigurationInputs;
    const first = await createKeyOf();
    await stack.outOfBand.request({ method: "POST", path: CONFIGURATIONS, json: toWire(inputs), idempotencyKey: first });
    stack.emulator.clearRequests();

    const { id } = await create();
    expect(configurations().map((c) => c.id)).toEqual([id]);
    expect(operations()).toHaveLength(1);
    expect(writes().map((w) => w.key)).toEqual([first]);
  });

  it("replays an update whose run crashed after the 202: the configuration changes once", async () => {
    const { id, outs } = await create();
    const news = await checked({ ...base, description: "new" });
    const first = updateKey(stack.emulator.accountSid, id, 1, toWire(news as OrchestratorConfigurationInputs));
    await stack.outOfBand.request({
      method: "PUT",
      path: `${CONFIGURATIONS}/${id}`,
      json: toWire(news as OrchestratorConfigurationInputs),
      idempotencyKey: first,
    });
    stack.emulator.clearRequests();

    // State still holds version 1: the re-run sends the same key and gets the crashed run's operation.
    const { outs: updated } = await provider.update(id, outs, { __provider: SHIM, ...news });
    expect(updated).toMatchObject({ description: "new", version: 2 });
    expect(writes().map((w) => w.key)).toEqual([first]);
    expect(operations().map((o) => o.write)).toEqual(["create", "replace"]);
  });
});

describe("OrchestratorConfiguration under faults", () => {
  it("names the configuration already bridged to the v1 service", async () => {
    const first = await create({ conversationsV1Bridge: { serviceId: SERVICE } });
    const error = await rejection<Error & Partial<PartialFailure>>(
      create({ displayName: "second", conversationsV1Bridge: { serviceId: SERVICE } }),
    );
    expect(error.message).toMatch(
      new RegExp(
        `^Conflict creating OrchestratorConfiguration "second": Conversations v1 service ${SERVICE} is already bridged to configuration ${first.id} .*` +
          `remove conversationsV1Bridge from this resource or point it at another service, or remove the bridge from configuration ${first.id}`,
      ),
    );
    expect(configurations()).toHaveLength(1);
  });

  it("creates exactly one configuration when the response to the POST is lost (the retry reuses the key)", async () => {
    stack.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: CONFIGURATIONS } });
    const { id } = await create();
    expect(configurations().map((c) => c.id)).toEqual([id]);
    const posts = writes();
    expect(posts.map((p) => p.status)).toEqual([0, 202]);
    expect(posts[0]!.key).toBe(posts[1]!.key);
    expect(posts[0]!.body).toEqual(posts[1]!.body);
  });

  it("rides out a burst of 429s", async () => {
    stack.emulator.setFaults({ rateLimitNext: 3, rateLimitRetryAfterSeconds: 0 });
    const { id } = await create();
    expect(
      requests()
        .slice(0, 4)
        .map((r) => [r.method, r.status]),
    ).toEqual([
      ["POST", 429],
      ["POST", 429],
      ["POST", 429],
      ["POST", 202],
    ]);
    expect(configurations().map((c) => c.id)).toEqual([id]);
  });

  it("retries a 503 on the poll", async () => {
    const { id, outs } = await create();
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ unavailableNext: 1 });
    await provider.read(id, outs);
    expect(requests().map((r) => r.status)).toEqual([503, 200]);
  });

  it("retries a dropped connection on read", async () => {
    const { id, outs } = await create();
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ dropNext: 1 });
    expect(await provider.read(id, outs)).toMatchObject({ id });
    expect(requests().map((r) => r.status)).toEqual([0, 200]);
  });

  it("reads a configuration deleted behind Pulumi's back as gone, and deleting it again succeeds", async () => {
    const { id, outs } = await create();
    await stack.outOfBand.request({ method: "DELETE", path: `${CONFIGURATIONS}/${id}` });
    // The out-of-band delete is an operation: wait until read sees it gone.
    let read: pulumi.dynamic.ReadResult;
    do read = await provider.read(id, outs);
    while (read.id !== "");
    expect(read).toEqual({ id: "", props: {} });
    stack.emulator.clearRequests();
    await provider.delete(id, outs);
    expect(requests()).toEqual([{ method: "DELETE", path: `${CONFIGURATIONS}/${id}`, key: expect.stringMatching(UUID), status: 404 }]);
  });

  it("says to refresh when an update finds the configuration gone", async () => {
    const { id, outs } = await create();
    await provider.delete(id, outs);
    await expect(provider.update(id, outs, await checked({ ...base, description: "new" }))).rejects.toThrow(
      /^Cannot finish updating OrchestratorConfiguration "support-routing": configuration conv_configuration_\w+ no longer exists\. Run pulumi refresh/,
    );
  });
});
