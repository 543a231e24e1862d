import { OperationTimeoutError } from "../../../../provider/error";
import { waitForOperation, type WaitOptions } from "../../../../provider/operations/poller";

interface Op {
  operationId: string;
  status: string;
  n: number;
}

/** Scripted polls on a fake clock that moves only when the poller sleeps. */
function scripted(statuses: string[], options: Partial<WaitOptions<Op>> = {}) {
  let t = 5_000;
  const sleeps: number[] = [];
  const pollTimes: number[] = [];
  let n = 0;
  const run = waitForOperation<Op>({
    operationId: "op_1",
    timeoutMs: 300_000,
    poll: async () => {
      pollTimes.push(t);
      const status = statuses[Math.min(n, statuses.length - 1)];
      return { operationId: "op_1", status, n: n++ };
    },
    statusOf: (op) => op.status,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    now: () => t,
    ...options,
  });
  return { run, sleeps, pollTimes, polls: () => n };
}

describe("waitForOperation", () => {
  it("polls first after 250 ms without a hint, then 1.5x longer each time", async () => {
    const { run, sleeps } = scripted(["PENDING", "PENDING", "RUNNING", "PENDING", "COMPLETED"]);
    await expect(run).resolves.toEqual({ phase: "completed", result: { operationId: "op_1", status: "COMPLETED", n: 4 } });
    expect(sleeps).toEqual([250, 375, 563, 844, 1266]);
  });

  it("caps the wait at 5 s", async () => {
    const { run, sleeps } = scripted([...Array<string>(12).fill("PENDING"), "COMPLETED"]);
    await run;
    expect(sleeps.slice(0, 9)).toEqual([250, 375, 563, 844, 1266, 1898, 2848, 4271, 5000]);
    expect(sleeps.slice(9)).toEqual([5000, 5000, 5000, 5000]);
  });

  it("waits the 202's Retry-After before the first poll, then grows from there", async () => {
    const { run, sleeps } = scripted(["PENDING", "PENDING", "PENDING", "PENDING", "COMPLETED"], { retryAfterSeconds: 2 });
    await run;
    expect(sleeps).toEqual([2000, 3000, 4500, 5000, 5000]);
  });

  it.each([
    [100, 30_000],
    [30, 30_000],
    [-3, 0],
  ])("clamps a Retry-After of %p s to %p ms", async (seconds, ms) => {
    const { run, sleeps } = scripted(["COMPLETED"], { retryAfterSeconds: seconds });
    await run;
    expect(sleeps).toEqual([ms]);
  });

  it("does not spin after a Retry-After of 0", async () => {
    const { run, sleeps } = scripted(["PENDING", "PENDING", "COMPLETED"], { retryAfterSeconds: 0 });
    await run;
    expect(sleeps).toEqual([0, 375, 563]);
  });

  it.each([
    ["FAILED", "failed"],
    ["CANCELLED", "cancelled"],
  ])("stops at %s and hands the result back", async (status, phase) => {
    const { run, polls } = scripted(["PENDING", status, "COMPLETED"]);
    await expect(run).resolves.toEqual({ phase, result: { operationId: "op_1", status, n: 1 } });
    expect(polls()).toBe(2);
  });

  it("polls once more at the deadline and then gives up naming the last status", async () => {
    const { run, sleeps, pollTimes } = scripted(["PENDING", "PENDING", "RUNNING"], { timeoutMs: 1000 });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationTimeoutError);
    expect(error).toMatchObject({ operationId: "op_1", lastStatus: "RUNNING", waitedMs: 1000 });
    expect((error as Error).message).toBe(
      "Gave up waiting for operation op_1 after 1 s; last status RUNNING. It may still complete: run pulumi refresh, then pulumi up.",
    );
    // 250 + 375, then the 563 ms wait is cut to the 375 ms left.
    expect(sleeps).toEqual([250, 375, 375]);
    expect(pollTimes).toEqual([5250, 5625, 6000]);
  });

  it("returns an operation that completes on the last poll at the deadline", async () => {
    const { run } = scripted(["PENDING", "PENDING", "COMPLETED"], { timeoutMs: 1000 });
    await expect(run).resolves.toMatchObject({ phase: "completed" });
  });

  it("polls once even when the Retry-After is past the deadline", async () => {
    const { run, sleeps, polls } = scripted(["PENDING"], { retryAfterSeconds: 10, timeoutMs: 3000 });
    await expect(run).rejects.toMatchObject({ lastStatus: "PENDING", waitedMs: 3000 });
    expect(sleeps).toEqual([3000]);
    expect(polls()).toBe(1);
  });

  it("lets a poll's error through", async () => {
    const boom = new Error("Twilio API 404 GET /v2/ControlPlane/Operations/op_1: gone");
    const run = waitForOperation({
      operationId: "op_1",
      timeoutMs: 10_000,
      poll: () => Promise.reject(boom),
      statusOf: () => "PENDING",
      sleep: async () => undefined,
      now: () => 0,
    });
    await expect(run).rejects.toBe(boom);
  });
});
