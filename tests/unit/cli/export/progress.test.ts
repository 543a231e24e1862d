import { PassThrough } from "node:stream";

import { progressFor } from "../../../../cli/export/progress";

/** A stream that says whether it is a terminal, and keeps what was written. */
function stream(isTTY: boolean) {
  const s = new PassThrough() as unknown as NodeJS.WriteStream & { written: string };
  let written = "";
  (s as unknown as PassThrough).on("data", (d: Buffer) => (written += d.toString()));
  Object.assign(s, { isTTY, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  Object.defineProperty(s, "written", { get: () => written });
  return s;
}

describe("export progress", () => {
  const events = [
    { done: 1, total: 3, items: 1, step: "account configuration" },
    { done: 2, total: 9, items: 3, step: "services" },
    { done: 9, total: 9, items: 70, step: 'conversations of "Support"' },
  ];

  test("quiet when stderr is not a terminal", async () => {
    const s = stream(false);
    const p = progressFor(s);
    events.forEach((e) => p.update(e));
    p.page({ list: "services", listItems: 1, items: 2 });
    p.stop();
    await new Promise((r) => setImmediate(r));
    expect(s.written).toBe("");
  });

  test("quiet when disabled", async () => {
    const s = stream(true);
    const p = progressFor(s, false);
    events.forEach((e) => p.update(e));
    p.page({ list: "services", listItems: 1, items: 2 });
    p.stop();
    await new Promise((r) => setImmediate(r));
    expect(s.written).toBe("");
  });

  test("on a terminal: items as pages arrive, naming the list being read", async () => {
    const s = stream(true);
    const p = progressFor(s, true, "Exporting");
    p.update(events[0]!);
    p.page({ list: 'conversations of service "Support"', listItems: 300, items: 301 });
    p.stop();
    await new Promise((r) => setImmediate(r));
    expect(s.written).toMatch(/Exporting \| 301 items \| 1\/3 lists done \| reading conversations of service "Support": 300/);
  });
});
