import { AdaptiveLimiter, CEILING_MEMORY, type Slot, SUCCESSES_PER_STEP } from "../../../../provider/http/limiter";

const flush = async () => {
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => setImmediate(r));
};

/** Acquires a slot for each ticket and records the order slots were granted in. */
function take(limiter: AdaptiveLimiter, tickets: number[], granted: Array<[number, Slot]>, notBefore?: Promise<unknown>) {
  for (const ticket of tickets) void limiter.acquire(ticket, notBefore).then((slot) => granted.push([ticket, slot]));
}

describe("AdaptiveLimiter: order", () => {
  it("lets out up to the limit and then serves the line by ticket, whatever the order of arrival", async () => {
    const limiter = new AdaptiveLimiter(2);
    const granted: Array<[number, Slot]> = [];
    const t = Array.from({ length: 5 }, () => limiter.ticket());
    take(limiter, [t[0]!, t[1]!], granted);
    await flush();
    expect(granted.map(([n]) => n)).toEqual([0, 1]);
    // Ticket 4 arrives before ticket 2 comes back from a retry: 2 still goes first.
    take(limiter, [t[4]!, t[3]!, t[2]!], granted);
    await flush();
    expect(granted).toHaveLength(2);
    limiter.release(granted[0]![1], "accepted");
    await flush();
    expect(granted.map(([n]) => n)).toEqual([0, 1, 2]);
    limiter.release(granted[1]![1], "accepted");
    limiter.release(granted[2]![1], "accepted");
    await flush();
    expect(granted.map(([n]) => n)).toEqual([0, 1, 2, 3, 4]);
    expect(granted.map(([, slot]) => slot.inFlightAtSend)).toEqual([1, 2, 2, 2, 2]);
  });

  it("holds the head of the line for a waiter that is not ready yet: nothing later is let out", async () => {
    const limiter = new AdaptiveLimiter(3);
    const granted: Array<[number, Slot]> = [];
    const first = limiter.ticket();
    const later = [limiter.ticket(), limiter.ticket()];
    let ready!: () => void;
    take(limiter, [first], granted, new Promise<void>((r) => (ready = r)));
    take(limiter, later, granted);
    await flush();
    expect(granted).toEqual([]);
    ready();
    await flush();
    expect(granted.map(([n]) => n)).toEqual([0, 1, 2]);
  });

  it("refuses a limit that is not a whole number of at least 1", () => {
    expect(() => new AdaptiveLimiter(0)).toThrow(RangeError);
    expect(() => new AdaptiveLimiter(2.5)).toThrow(RangeError);
  });
});

/** Runs `n` requests one round at a time with every slot in use, all answered `outcome`. */
async function fullRounds(limiter: AdaptiveLimiter, responses: number, concurrency?: number) {
  for (let done = 0; done < responses;) {
    const slots: Slot[] = [];
    const width = limiter.limit;
    for (let i = 0; i < width; i++) slots.push(await limiter.acquire(limiter.ticket()));
    for (const slot of slots) limiter.release(slot, "accepted", concurrency);
    done += width;
  }
}

describe("AdaptiveLimiter: the limit", () => {
  it("starts at the configured maximum", () => {
    expect(new AdaptiveLimiter(10).limit).toBe(10);
  });

  it("drops to one below the requests in flight when a 429 came back, once per round", async () => {
    const limiter = new AdaptiveLimiter(10);
    const slots: Slot[] = [];
    for (let i = 0; i < 10; i++) slots.push(await limiter.acquire(limiter.ticket()));
    expect(slots.map((s) => s.inFlightAtSend)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The account took 5: the 7th comes back 429 first (the order at the server is not ours).
    limiter.release(slots[6]!, "rateLimited");
    expect(limiter.limit).toBe(6);
    // The other refusals were sent under the old limit: no further cut.
    for (const i of [5, 7, 8, 9]) limiter.release(slots[i]!, "rateLimited");
    expect(limiter.limit).toBe(6);
    // A request sent after the cut and refused does cut.
    const again = await limiter.acquire(limiter.ticket());
    expect(again.inFlightAtSend).toBe(6);
    limiter.release(again, "rateLimited");
    expect(limiter.limit).toBe(5);
  });

  it("never drops below 1", async () => {
    const limiter = new AdaptiveLimiter(3);
    const slot = await limiter.acquire(limiter.ticket());
    limiter.release(slot, "rateLimited");
    expect(limiter.limit).toBe(1);
  });

  it(`grows by one every ${SUCCESSES_PER_STEP} accepted responses while every slot is in use, up to the maximum`, async () => {
    const limiter = new AdaptiveLimiter(4);
    const slots = [
      await limiter.acquire(limiter.ticket()),
      await limiter.acquire(limiter.ticket()),
      await limiter.acquire(limiter.ticket()),
    ];
    limiter.release(slots[2]!, "rateLimited");
    limiter.release(slots[0]!, "inconclusive");
    limiter.release(slots[1]!, "inconclusive");
    expect(limiter.limit).toBe(2);
    // Rounds of 2: only the second of each was sent at the limit.
    await fullRounds(limiter, 2 * (SUCCESSES_PER_STEP - 1));
    expect(limiter.limit).toBe(2);
    await fullRounds(limiter, 2);
    expect(limiter.limit).toBe(3);
    await fullRounds(limiter, 3 * SUCCESSES_PER_STEP * 5);
    expect(limiter.limit).toBe(4);
  });

  it("does not grow on responses sent below the limit, nor on 5xx or lost responses", async () => {
    const limiter = new AdaptiveLimiter(3);
    const [a, b, c] = [
      await limiter.acquire(limiter.ticket()),
      await limiter.acquire(limiter.ticket()),
      await limiter.acquire(limiter.ticket()),
    ];
    limiter.release(c!, "rateLimited");
    limiter.release(a!, "accepted");
    limiter.release(b!, "accepted");
    for (let i = 0; i < 100; i++) limiter.release(await limiter.acquire(limiter.ticket()), "accepted");
    expect(limiter.limit).toBe(2);
    for (let i = 0; i < 100; i++) {
      const x = await limiter.acquire(limiter.ticket());
      const y = await limiter.acquire(limiter.ticket());
      limiter.release(x, "inconclusive");
      limiter.release(y, "inconclusive");
    }
    expect(limiter.limit).toBe(2);
  });
});

describe("AdaptiveLimiter: Twilio-Concurrent-Requests", () => {
  /** A limiter cut to 2 by a 429 that reported the account at `reported` requests. */
  async function cutWithHeader(reported: number) {
    const limiter = new AdaptiveLimiter(5);
    const slots = [
      await limiter.acquire(limiter.ticket()),
      await limiter.acquire(limiter.ticket()),
      await limiter.acquire(limiter.ticket()),
    ];
    limiter.release(slots[2]!, "rateLimited", reported);
    limiter.release(slots[0]!, "accepted", reported - 1);
    limiter.release(slots[1]!, "accepted", reported - 1);
    return limiter;
  }

  it("learns the account's ceiling from a 429, and does not probe past it", async () => {
    const limiter = await cutWithHeader(3);
    expect(limiter.ceiling).toBe(2);
    expect(limiter.limit).toBe(2);
    await fullRounds(limiter, 2 * SUCCESSES_PER_STEP * 3, 2);
    expect(limiter.limit).toBe(2);
  });

  it("grows while the account reports room below the ceiling (other clients finished)", async () => {
    const limiter = await cutWithHeader(4);
    expect(limiter.ceiling).toBe(3);
    await fullRounds(limiter, 2 * SUCCESSES_PER_STEP, 2);
    expect(limiter.limit).toBe(3);
  });

  it("raises the ceiling when the account is seen above it, and forgets it after a while", async () => {
    const raised = await cutWithHeader(3);
    await fullRounds(raised, 2, 4);
    expect(raised.ceiling).toBe(4);
    const forgetful = await cutWithHeader(3);
    await fullRounds(forgetful, 2 * CEILING_MEMORY, 2);
    expect(forgetful.ceiling).toBeUndefined();
    expect(forgetful.limit).toBeGreaterThan(2);
  });
});
