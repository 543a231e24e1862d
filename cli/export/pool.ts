/**
 * Bounded concurrency for the exporter: at most `limit` calls of `fn` in flight. The shared
 * client has its own in-flight limit and retries 429s; this keeps an export of a large account
 * from queueing thousands of requests at once (and keeps results in input order).
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    // Each worker takes the next index until none is left: bounded by items.length in total.
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}
