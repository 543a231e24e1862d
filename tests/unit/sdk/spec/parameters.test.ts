import { interpolate, interpolateAll, parameterUses, parameterValues, pulumiConfigHint } from "../../../../sdk/spec/parameters";

describe("parameters", () => {
  test("finds uses, whole or inside text, and ignores the $${ escape", () => {
    expect(parameterUses("${a}")).toEqual([{ name: "a", valid: true }]);
    expect(parameterUses("https://${host}/x/${path_2}")).toEqual([
      { name: "host", valid: true },
      { name: "path_2", valid: true },
    ]);
    expect(parameterUses("literal $${a} and ${1bad}")).toEqual([{ name: "1bad", valid: false }]);
    expect(parameterUses("no parameters, $ { a }")).toEqual([]);
  });

  test("interpolates values, and $${ becomes a literal ${", () => {
    const values: Record<string, string> = { host: "h.example.com", id: "mem_1" };
    expect(interpolate("https://${host}/s/${id}", (n) => values[n]!)).toBe("https://h.example.com/s/mem_1");
    expect(interpolate("$${host}", (n) => values[n]!)).toBe("${host}");
  });

  test("interpolateAll walks values (not keys) and passes each use's path", () => {
    const seen: string[] = [];
    const out = interpolateAll({ a: ["${x}"], "${x}": { b: "${x}-y", n: 3, t: true } }, (name, path) => {
      seen.push(path.join("."));
      return name.toUpperCase();
    });
    expect(out).toEqual({ a: ["X"], "${x}": { b: "X-y", n: 3, t: true } });
    expect(seen).toEqual(["a.0", "${x}.b"]);
  });

  test("values: the stack's value, else the default; none for a parameter with neither", () => {
    const doc = { version: 1 as const, parameters: { a: { default: "da" }, b: { default: "db" }, c: {} } };
    expect([...parameterValues(doc, { b: "vb" })]).toEqual([
      ["a", "da"],
      ["b", "vb"],
    ]);
  });

  test("the hint names the pulumi config command", () => {
    expect(pulumiConfigHint("memoryStoreId")).toContain("pulumi config set memoryStoreId <value>");
  });
});
