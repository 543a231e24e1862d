import { formatSummary } from "../../../engine-standin";
import { type Harness, harness } from "./harness";
import { Item } from "./item-provider";

/** `pulumi refresh`: Read every resource with the state's id and outputs, and record what changed. */
describe("engine stand-in refresh", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  const program = () => {
    new Item("a", { label: "A" });
    new Item("b", { label: "B" });
    return {};
  };

  test("records drift, drops a resource whose read returns a blank id, and the next up puts the program back", async () => {
    const engine = h.engine();
    await engine.up(program);
    const ids = h.stateByName();
    // Someone edits a by hand and deletes b behind Pulumi's back.
    h.server.items.set(ids.a!.id, { label: "edited" });
    h.server.items.delete(ids.b!.id);
    h.server.calls.length = 0;

    const s = await engine.refresh();
    expect(s.steps.map((x) => `${x.op} ${x.name}${x.changed ? ` [${x.changed.join(",")}]` : ""}`)).toEqual([
      "update a [label]",
      "delete b",
    ]);
    expect(formatSummary(s)).toContain("Resources: 1 updated, 1 deleted");
    expect(h.server.writes()).toEqual([]);
    // The inputs Read returned replace the stored ones, so the next diff sees the drift.
    expect(h.stateByName()).toEqual({ a: { id: ids.a!.id, inputs: { label: "edited" }, outputs: { label: "edited", itemId: ids.a!.id } } });

    const back = await engine.up(program);
    expect(back.steps.map((x) => `${x.op} ${x.name}${x.changed ? ` [${x.changed.join(",")}]` : ""}`)).toEqual([
      "update a [label]",
      "create b",
    ]);
  });

  test("without drift every resource is the same and state is unchanged", async () => {
    const engine = h.engine();
    await engine.up(program);
    const before = h.stateByName();
    const s = await engine.refresh();
    expect(s.steps.map((x) => x.op)).toEqual(["same", "same"]);
    expect(h.stateByName()).toEqual(before);
  });

  test("refresh of an empty state starts no host", async () => {
    let started = 0;
    const s = await h.engine({ onHostStarted: () => started++ }).refresh();
    expect(s.steps).toEqual([]);
    expect(started).toBe(0);
  });
});
