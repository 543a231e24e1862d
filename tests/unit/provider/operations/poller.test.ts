import { OperationTimeoutError } from "../../../../provider/error";
import { pollGapMs, waitForOperation, type WaitOptions } from "../../../../provider/operations/poller";

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

/** Runs the poller against an operation that completes `doneAfterMs` after the 202; polls take `pollMs`. */
async function noticed(doneAfterMs: number, options: Partial<WaitOptions<Op>> = {}, pollMs = 0) {
  let t = 0;
  const pollTimes: number[] = [];
  await waitForOperation<Op>({
    operationId: "op_1",
    timeoutMs: 600_000,
    poll: async () => {
      pollTimes.push(t);
      t += pollMs;
      return { operationId: "op_1", status: pollTimes[pollTimes.length - 1]! >= doneAfterMs ? "COMPLETED" : "PENDING", n: 0 };
    },
    statusOf: (op) => op.status,
    sleep: async (ms) => {
      t += ms;
    },
    now: () => t,
    ...options,
  });
  return { noticedAt: pollTimes[pollTimes.length - 1]!, pollTimes };
}

describe("waitForOperation", () => {
  it("polls first 150 ms after the 202, then every 150 ms, then 10% of the time waited once that is longer", async () => {
    const { run, pollTimes } = scripted([...Array<string>(14).fill("PENDING"), "COMPLETED"]);
    await run;
    const waited = pollTimes.map((t) => t - 5_000);
    expect(waited.slice(0, 11)).toEqual([150, 300, 450, 600, 750, 900, 1050, 1200, 1350, 1500, 1650]);
    // 1650 + 165, then 1815 + 181 (whole milliseconds, rounded down), ...
    expect(waited.slice(11)).toEqual([1815, 1996, 2195, 2414]);
  });

  it("never leaves more than max(10% of the time waited, 150 ms) between two polls", async () => {
    const { pollTimes } = await noticed(60_000);
    for (let i = 1; i < pollTimes.length; i++) {
      expect(pollTimes[i]! - pollTimes[i - 1]!).toBeLessThanOrEqual(pollGapMs(pollTimes[i - 1]!));
    }
    expect(pollGapMs(0)).toBe(150);
    expect(pollGapMs(1_500)).toBe(150);
    expect(pollGapMs(20_000)).toBe(2_000);
  });

  // Every 10 ms from 0.3 to 3 s, every 97 ms to 60 s: off any alignment with the schedule.
  const grid = [...Array.from({ length: 271 }, (_, i) => 300 + i * 10), ...Array.from({ length: 588 }, (_, i) => 3_000 + i * 97), 60_000];
  it(`notices an operation done at D within max(1.1 × D, D + 150 ms), for ${grid.length} D from 0.3 to 60 s`, async () => {
    const late: number[] = [];
    for (const d of grid) {
      const { noticedAt } = await noticed(d);
      if (noticedAt > Math.max(1.1 * d, d + 150)) late.push(d);
      expect(noticedAt).toBeGreaterThanOrEqual(d);
    }
    expect(late).toEqual([]);
  });

  it("spends at most twice the polls of a fixed 1 s poll over D = 0.3, 1, 2.5, 6, 15 and 40 s", async () => {
    const ds = [300, 1_000, 2_500, 6_000, 15_000, 40_000];
    const polls: number[] = [];
    for (const d of ds) polls.push((await noticed(d)).pollTimes.length);
    // A fixed 1 s poll sends ceil(D / 1 s) polls: 1 + 1 + 3 + 6 + 15 + 40 = 66.
    const fixed = ds.map((d) => Math.ceil(d / 1_000));
    expect(fixed.reduce((a, b) => a + b)).toBe(66);
    expect(polls).toEqual([2, 7, 16, 25, 35, 45]);
    expect(polls.reduce((a, b) => a + b)).toBeLessThanOrEqual(2 * 66);
  });

  it("keeps the schedule when polls are slow: gaps run from the start of one poll to the next", async () => {
    const { pollTimes } = await noticed(3_000, {}, 120);
    expect(pollTimes.slice(0, 4)).toEqual([150, 300, 450, 600]);
    const { pollTimes: slower } = await noticed(3_000, {}, 400);
    // A poll longer than the gap: the next one goes as soon as it returns.
    expect(slower.slice(0, 3)).toEqual([150, 550, 950]);
  });

  it("waits the 202's Retry-After before the first poll, then polls on the schedule", async () => {
    const { run, sleeps, pollTimes } = scripted(["PENDING", "PENDING", "COMPLETED"], { retryAfter: "2" });
    await run;
    expect(sleeps).toEqual([2000, 200, 220]);
    expect(pollTimes.map((t) => t - 5_000)).toEqual([2000, 2200, 2420]);
  });

  it("reads a Retry-After given as an HTTP date against the injected clock", async () => {
    const at = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    let t = at;
    const sleeps: number[] = [];
    await waitForOperation({
      operationId: "op_1",
      timeoutMs: 60_000,
      retryAfter: "Wed, 21 Oct 2015 07:28:03 GMT",
      poll: async () => ({ status: "COMPLETED" }),
      statusOf: (op) => op.status,
      sleep: async (ms) => {
        sleeps.push(ms);
        t += ms;
      },
      now: () => t,
    });
    expect(sleeps).toEqual([3000]);
  });

  it.each([
    ["100", 30_000],
    ["30", 30_000],
    ["0.5", 500],
    ["soon", 150],
    ["-3", 150],
  ])("clamps a Retry-After of %p to %p ms (unreadable: the default first wait)", async (retryAfter, ms) => {
    const { run, sleeps } = scripted(["COMPLETED"], { retryAfter });
    await run;
    expect(sleeps).toEqual([ms]);
  });

  it("does not spin after a Retry-After of 0", async () => {
    const { run, sleeps } = scripted(["PENDING", "PENDING", "COMPLETED"], { retryAfter: "0" });
    await run;
    expect(sleeps).toEqual([0, 150, 150]);
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
    const { run, sleeps, pollTimes } = scripted([...Array<string>(6).fill("PENDING"), "RUNNING"], { timeoutMs: 1000 });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationTimeoutError);
    expect(error).toMatchObject({ operationId: "op_1", lastStatus: "RUNNING", waitedMs: 1000 });
    expect((error as Error).message).toBe(
      "Gave up waiting for operation op_1 after 1 s; last status RUNNING. It may still complete: run pulumi refresh, then pulumi up.",
    );
    // Every 150 ms, the last wait cut to the 100 ms left.
    expect(sleeps).toEqual([150, 150, 150, 150, 150, 150, 100]);
    expect(pollTimes).toEqual([5150, 5300, 5450, 5600, 5750, 5900, 6000]);
  });

  it("returns an operation that completes on the last poll at the deadline", async () => {
    const { run } = scripted([...Array<string>(6).fill("PENDING"), "COMPLETED"], { timeoutMs: 1000 });
    await expect(run).resolves.toMatchObject({ phase: "completed" });
  });

  it("polls once even when the Retry-After is past the deadline", async () => {
    const { run, sleeps, polls } = scripted(["PENDING"], { retryAfter: "10", timeoutMs: 3000 });
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
