import { Semaphore } from "../../../../provider/http/semaphore";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
const flush = () => new Promise<void>((r) => setImmediate(r));

describe("Semaphore", () => {
  it("holds tasks beyond the limit and starts them in arrival order as slots free up", async () => {
    const sem = new Semaphore(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      sem.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    gates[1].resolve();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    gates[0].resolve();
    gates[2].resolve();
    gates[3].resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it("frees the slot when a task fails", async () => {
    const sem = new Semaphore(1);
    await expect(sem.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(sem.run(async () => "next")).resolves.toBe("next");
  });

  it("refuses a limit below 1", () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
