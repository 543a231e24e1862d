import { changedKeys, diffInputs, type DiffSpec, same } from "../../../../provider/shared/diff";

const spec: DiffSpec = {
  properties: { chatServiceSid: same.sid, attributes: same.json, timer: same.duration, name: undefined },
  replaceOnChanges: ["chatServiceSid"],
  deleteBeforeReplace: (_olds, news) => news.name !== undefined,
};

describe("diffInputs", () => {
  it("sees no change in equivalent values", () => {
    const olds = { chatServiceSid: "ISabc", attributes: '{"a":1,"b":2}', timer: "PT1M", url: "https://x", dateUpdated: "then" };
    const news = { chatServiceSid: "ISABC", attributes: '{ "b": 2, "a": 1 }', timer: "PT60S" };
    expect(diffInputs(olds, news, spec)).toMatchObject({ changes: false, replaces: [] });
  });

  it("treats a property removed from the program as a change", () => {
    expect(changedKeys({ name: "x" }, {}, spec)).toEqual(["name"]);
  });

  it("asks for replacement only for properties that cannot change in place", () => {
    const result = diffInputs({ chatServiceSid: "ISa", name: "n" }, { chatServiceSid: "ISb", name: "n2" }, spec);
    expect(result).toMatchObject({ changes: true, replaces: ["chatServiceSid"], deleteBeforeReplace: true });
  });

  it("reports the delete-first order even when diff names no replace key (the engine may replace on replaceOnChanges)", () => {
    expect(diffInputs({ name: "a" }, { name: "b" }, spec)).toMatchObject({ replaces: [], deleteBeforeReplace: true });
    expect(diffInputs({ name: "a" }, {}, spec).deleteBeforeReplace).toBe(false);
  });
});
