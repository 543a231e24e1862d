import * as fs from "node:fs";

import { EngineRunError, formatSummary, type RunSummary } from "../../../engine-standin";
import { type Harness, harness } from "./harness";
import { Item } from "./item-provider";

/** Runs that fail: the error must be clear, and state must hold exactly what was done. */
describe("engine stand-in failures", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function failing(run: Promise<RunSummary>): Promise<EngineRunError> {
    const e = await run.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(EngineRunError);
    return e as EngineRunError;
  }

  test("a Check failure stops the run with the property and reason, and nothing is written for it", async () => {
    const engine = h.engine();
    const e = await failing(engine.up(() => void new Item("bad", { label: "B", size: "large" })));
    expect(e.message).toMatch(/Item bad: check failed: size: size must be a number/);
    expect(e.summary.ok).toBe(false);
    expect(e.summary.steps).toEqual([]);
    expect(formatSummary(e.summary)).toContain("error: up failed:");
    expect(h.server.trace()).toEqual(["log configure", "log check B"]);
    expect(h.stateByName()).toEqual({});
  });

  test("after a failure the engine issues no further steps, not even deletes", async () => {
    const engine = h.engine();
    await engine.up(() => void new Item("old", { label: "O" }));
    h.server.calls.length = 0;
    await failing(
      engine.up(() => {
        const bad = new Item("bad", { label: "B", size: "large" });
        new Item("after", { label: bad.itemId });
        return {};
      }),
    );
    expect(h.server.writes()).toEqual([]);
    expect(Object.keys(h.stateByName())).toEqual(["old"]);
  });

  test("a create that fails after the resource exists keeps it in state with its id, and the next up updates it", async () => {
    const engine = h.engine();
    const e = await failing(engine.up(() => void new Item("p", { label: "P", failAfterCreate: true })));
    expect(e.message).toMatch(
      /Item p: creating failed after the resource came to exist: item did not become ready \(not ready\); it stays in state with id i1/,
    );
    expect(e.summary.steps.map((s) => s.op)).toEqual(["create"]);
    expect(h.stateByName()).toEqual({
      p: { id: "i1", inputs: { label: "P", failAfterCreate: true }, outputs: { label: "P", failAfterCreate: true, itemId: "i1" } },
    });

    h.server.calls.length = 0;
    const s = await engine.up(() => void new Item("p", { label: "P" }));
    expect(s.steps.map((x) => `${x.op} ${x.changed}`)).toEqual(["update failAfterCreate"]);
    expect(h.server.writes().map((c) => `${c.method} ${c.path}`)).toEqual(["PUT /items/i1"]);
  });

  test("an update that fails after the write keeps the new properties in state", async () => {
    const engine = h.engine();
    await engine.up(() => void new Item("p", { label: "P" }));
    const e = await failing(engine.up(() => void new Item("p", { label: "P2", failAfterCreate: true })));
    expect(e.message).toMatch(/updating failed after the resource came to exist: update did not settle/);
    expect(h.stateByName().p).toMatchObject({ id: "i1", outputs: { label: "P2" }, inputs: { label: "P2" } });
  });

  test("a program that throws fails the run with its message", async () => {
    const engine = h.engine();
    const e = await failing(
      engine.up(() => {
        new Item("a", { label: "A" });
        throw new Error("the program broke");
      }),
    );
    expect(e.message).toContain("program failed: the program broke");
  });

  test("an error inside an apply fails the run too", async () => {
    const engine = h.engine();
    const e = await failing(
      engine.up(() => {
        const a = new Item("a", { label: "A" });
        new Item("b", {
          label: a.itemId.apply((id): string => {
            throw new Error(`cannot use ${id}`);
          }),
        });
        return {};
      }),
    );
    expect(e.message).toContain("cannot use i1");
    expect(Object.keys(h.stateByName())).toEqual(["a"]);
  });

  test("a host killed during a create fails the run cleanly with earlier steps saved; the next up finishes", async () => {
    const engine = h.engine();
    await engine.up(() => void new Item("first", { label: "F" }));
    // Hold the create of "second" on the server, and kill the host while it waits for the answer.
    h.server.onRequest = (call) => {
      if (call.method === "POST" && call.body?.hold === true) {
        void engine.killHost();
        return "hold";
      }
    };
    const e = await failing(
      engine.up(() => {
        const first = new Item("first", { label: "F2" });
        // Depending on "first" orders the held create after first's update.
        new Item("second", { label: first.label.apply((l) => `after ${l}`), holdCreate: true });
        return {};
      }),
    );
    expect(e.message).toMatch(/Item second: create failed: Create: the dynamic-provider host is unreachable/);
    expect(e.message).toContain("was killed by SIGKILL");
    expect(engine.hostProcess).toBeUndefined();
    // "first" was updated before the crash and that is on disk; "second" never got an id.
    const state = h.stateByName();
    expect(state.first).toMatchObject({ inputs: { label: "F2" } });
    expect(state.second).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(h.statePath, "utf8")).resources).toHaveLength(1);

    h.server.onRequest = undefined;
    const s = await engine.up(() => {
      const first = new Item("first", { label: "F2" });
      new Item("second", { label: first.label.apply((l) => `after ${l}`) });
      return {};
    });
    expect(s.steps.map((x) => `${x.op} ${x.name}`).sort()).toEqual(["create second", "same first"]);
  });
});
