import * as pulumi from "@pulumi/pulumi";

import { formatSummary } from "../../../engine-standin";
import { type Harness, harness } from "./harness";
import { Item } from "./item-provider";

/** Up, up, up... in one process and one engine: each run must be independent of the last. */
describe("engine stand-in lifecycle", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  const ops = (s: { steps: { op: string; name: string; changed?: string[] }[] }) =>
    s.steps.map((x) => `${x.op} ${x.name}${x.changed ? ` [${x.changed.join(",")}]` : ""}`);

  test("create, re-run is same, update names the changed inputs, dependents get real outputs", async () => {
    const engine = h.engine();
    const program = (label: string) => () => {
      const a = new Item("a", { label });
      // b's label depends on a's output: it must see the id the provider assigned.
      const b = new Item("b", { label: pulumi.interpolate`child of ${a.itemId}` });
      return { aId: a.itemId, bLabel: b.label };
    };

    const first = await engine.up(program("A"));
    expect(ops(first)).toEqual(["create a", "create b"]);
    expect(first.counts).toMatchObject({ create: 2, same: 0 });
    expect(first.outputs).toEqual({ aId: "i1", bLabel: "child of i1" });
    expect(h.stateByName()).toMatchObject({ a: { id: "i1" }, b: { id: "i2", inputs: { label: "child of i1" } } });
    expect(formatSummary(first)).toContain("Resources: 2 created");

    const again = await engine.up(program("A"));
    expect(ops(again)).toEqual(["same a", "same b"]);
    expect(formatSummary(again)).toContain("Resources: 2 unchanged");
    expect(h.server.writes()).toHaveLength(2);

    const changed = await engine.up(program("A2"));
    expect(ops(changed)).toEqual(["update a [label]", "same b"]);
    expect(formatSummary(changed)).toMatch(/~ update\s+pulumi-nodejs:dynamic\/engine-test:Item\s+a\s+\(changed: label\)/);
    expect(formatSummary(changed)).toContain("Resources: 1 updated, 1 unchanged");
    expect(h.server.items.get("i1")).toMatchObject({ label: "A2" });
  });

  test("Check gets prior inputs and Diff gets prior outputs, as the engine sends them", async () => {
    const engine = h.engine();
    await engine.up(() => void new Item("a", { label: "A" }));
    await engine.up(() => void new Item("a", { label: "A" }));
    const logs = h.server.calls.filter((c) => c.path === "/log").map((c) => c.body!);
    const checks = logs.filter((b) => b.op === "check");
    expect(checks[0]!.oldKeys).toEqual([]); // create: olds are {}
    expect(checks[1]!.oldKeys).toEqual(["label"]); // prior inputs: no itemId
    const diff = logs.find((b) => b.op === "diff")!;
    expect(diff).toMatchObject({ id: "i1", oldKeys: ["itemId", "label"] }); // prior outputs
  });

  test("replace creates the new one first, and deletes the old one after the program", async () => {
    const engine = h.engine();
    await engine.up(() => void new Item("a", { label: "A", kind: "x" }));
    h.server.calls.length = 0;
    const s = await engine.up(() => void new Item("a", { label: "A", kind: "y" }));
    expect(ops(s)).toEqual(["replace a [kind]"]);
    expect(formatSummary(s)).toMatch(/\+- replace\s+\S+\s+a\s+\(changed: kind\)/);
    expect(formatSummary(s)).toContain("Resources: 1 replaced");
    expect(h.server.writes().map((c) => `${c.method} ${c.path}`)).toEqual(["POST /items", "DELETE /items/i1"]);
    expect(h.stateByName()).toEqual({ a: expect.objectContaining({ id: "i2" }) });
  });

  test("replace with deleteBeforeReplace deletes first", async () => {
    const engine = h.engine();
    await engine.up(() => void new Item("a", { label: "A", kind: "x", dbr: true }));
    h.server.calls.length = 0;
    const s = await engine.up(() => void new Item("a", { label: "A", kind: "y", dbr: true }));
    expect(ops(s)).toEqual(["replace a [kind]"]);
    expect(h.server.writes().map((c) => `${c.method} ${c.path}`)).toEqual(["DELETE /items/i1", "POST /items"]);
    expect(Object.keys(h.stateByName())).toEqual(["a"]);
  });

  test("the deleteBeforeReplace resource option orders a replace too", async () => {
    const engine = h.engine();
    await engine.up(() => void new Item("a", { label: "A", kind: "x" }));
    h.server.calls.length = 0;
    await engine.up(() => void new Item("a", { label: "A", kind: "y" }, { deleteBeforeReplace: true }));
    expect(h.server.writes().map((c) => `${c.method} ${c.path}`)).toEqual(["DELETE /items/i1", "POST /items"]);
  });

  test("a resource removed from the program is deleted, dependents first", async () => {
    const engine = h.engine();
    await engine.up(() => {
      const a = new Item("a", { label: "A" });
      new Item("b", { label: a.itemId });
      new Item("c", { label: "C" });
      return {};
    });
    const ids = h.stateByName();
    h.server.calls.length = 0;
    const s = await engine.up(() => void new Item("c", { label: "C" }));
    expect(ops(s)).toEqual(["same c", "delete b", "delete a"]);
    expect(h.server.writes().map((c) => `${c.method} ${c.path}`)).toEqual([`DELETE /items/${ids.b!.id}`, `DELETE /items/${ids.a!.id}`]);
    expect(formatSummary(s)).toContain("Resources: 2 deleted, 1 unchanged");
    expect(Object.keys(h.stateByName())).toEqual(["c"]);
  });

  test("preview runs Check and Diff only and reports what up would do", async () => {
    const engine = h.engine();
    await engine.up(() => {
      new Item("keep", { label: "K" });
      new Item("change", { label: "C" });
      new Item("swap", { label: "S", kind: "x" });
      new Item("drop", { label: "D" });
      return {};
    });
    const before = JSON.stringify(h.stateByName());
    h.server.calls.length = 0;
    const s = await engine.preview(() => {
      new Item("keep", { label: "K" });
      const c = new Item("change", { label: "C2" });
      new Item("swap", { label: "S", kind: "y" });
      const n = new Item("new", { label: "N" });
      // Its input is not known until "new" exists: Check gets the engine's unknown sentinel.
      new Item("child", { label: n.itemId });
      return { newId: n.itemId, changed: c.label };
    });
    // Independent resources register in no guaranteed order; deletes always come last.
    expect(ops(s).slice(0, 5).sort()).toEqual(["create child", "create new", "replace swap [kind]", "same keep", "update change [label]"]);
    expect(ops(s)[5]).toBe("delete drop");
    expect(formatSummary(s)).toContain("Resources: 2 to create, 1 to update, 1 to replace, 1 to delete, 1 unchanged");
    const childCheck = h.server.calls.find((c) => c.body?.op === "check" && c.body?.name === "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    expect(childCheck).toBeDefined();
    expect(s.outputs).toEqual({ newId: undefined, changed: "C2" });
    expect(h.server.writes()).toEqual([]);
    expect(h.server.trace().every((t) => t.startsWith("log "))).toBe(true);
    expect(JSON.stringify(h.stateByName())).toBe(before);
  });

  test("destroy deletes everything, dependents first, and leaves an empty state", async () => {
    const engine = h.engine();
    await engine.up(() => {
      const a = new Item("a", { label: "A" });
      const b = new Item("b", { label: a.itemId });
      new Item("c", { label: b.itemId });
      return {};
    });
    h.server.calls.length = 0;
    const ids = h.stateByName();
    const s = await engine.destroy();
    expect(ops(s)).toEqual(["delete c", "delete b", "delete a"]);
    expect(h.server.writes().map((c) => c.path)).toEqual([`/items/${ids.c!.id}`, `/items/${ids.b!.id}`, `/items/${ids.a!.id}`]);
    expect(h.stateByName()).toEqual({});
    expect(h.server.items.size).toBe(0);
    expect(formatSummary(s)).toContain("Resources: 3 deleted");
  });

  test("a second engine on the same state file picks up where the first left off", async () => {
    await h.engine().up(() => void new Item("a", { label: "A" }));
    const s = await h.engine().up(() => void new Item("a", { label: "A" }));
    expect(ops(s)).toEqual(["same a"]);
  });
});
