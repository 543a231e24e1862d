/**
 * A counting semaphore: the client's in-flight limit.
 *
 * Pulumi runs many resource operations in parallel in one host process; without a cap a large
 * stack opens dozens of connections at once and Twilio answers with 429s.
 */
export class Semaphore {
  private available: number;
  private readonly waiting: Array<() => void> = [];

  /** @param limit how many holders at once; at least 1 */
  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Semaphore limit must be a whole number >= 1, got ${limit}`);
    this.available = limit;
  }

  /** Runs `task` once a slot is free, and frees the slot when it settles (first come, first served). */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.available > 0) {
      this.available--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    // Hand the slot straight to the next waiter, so a newcomer cannot overtake the queue.
    const next = this.waiting.shift();
    if (next) next();
    else this.available++;
  }
}
