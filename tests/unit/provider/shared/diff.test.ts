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

describe("same.url", () => {
  it("compares URLs as URLs: scheme and host in any case, a bare host with or without its slash", () => {
    expect(same.url("https://Hooks.Example.com/a", "HTTPS://hooks.example.com/a")).toBe(true);
    expect(same.url("https://example.com", "https://example.com/")).toBe(true);
    expect(same.url(null, undefined)).toBe(true);
  });
  it("sees a different path (case included), query or port", () => {
    expect(same.url("https://example.com/a", "https://example.com/A")).toBe(false);
    expect(same.url("https://example.com/a?x=1", "https://example.com/a")).toBe(false);
    expect(same.url("https://example.com:8443/a", "https://example.com/a")).toBe(false);
    expect(same.url("https://example.com/a", null)).toBe(false);
  });
  it("compares text that is not a URL as it is", () => {
    expect(same.url("not a url", "not a url")).toBe(true);
    expect(same.url("not a url", "Not a url")).toBe(false);
  });
});
