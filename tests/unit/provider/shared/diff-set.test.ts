import { diffInputs, same } from "../../../../provider/shared/diff";

describe("same.set", () => {
  it.each([
    [
      ["a", "b"],
      ["b", "a"],
    ],
    [
      ["a", "b", "a"],
      ["b", "a"],
    ],
    [undefined, null],
    [[], []],
  ])("treats %j and %j as equal", (a, b) => {
    expect(same.set(a, b)).toBe(true);
  });

  it.each([
    [["a"], ["a", "b"]],
    [
      ["a", "b"],
      ["a", "c"],
    ],
    [["a"], undefined],
    [["a"], "a"],
  ])("tells %j from %j", (a, b) => {
    expect(same.set(a, b)).toBe(false);
  });

  it("drives diffInputs", () => {
    const spec = { properties: { permissions: same.set } };
    expect(diffInputs({ permissions: ["x", "y"] }, { permissions: ["y", "x"] }, spec).changes).toBe(false);
    expect(diffInputs({ permissions: ["x"] }, { permissions: ["y"] }, spec).changes).toBe(true);
  });
});
