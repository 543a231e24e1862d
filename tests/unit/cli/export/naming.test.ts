import { assignKeys, keyOrSlug, slug } from "../../../../cli/export/naming";

describe("export naming", () => {
  test.each([
    ["Customer Support (EU)", "customer-support-eu"],
    ["  Café Déjà-vu  ", "cafe-deja-vu"],
    ["service admin", "service-admin"],
    ["!!!", "fallback"],
    ["", "fallback"],
    ["x".repeat(100), "x".repeat(64)],
  ])("slug(%j) = %j", (name, expected) => {
    expect(slug(name, "fallback")).toBe(expected);
  });

  test("a unique name that is a valid key is kept; another is slugged", () => {
    expect(keyOrSlug("Ticket_1001.v2", "c")).toBe("Ticket_1001.v2");
    expect(keyOrSlug("vip lounge", "c")).toBe("vip-lounge");
    expect(keyOrSlug("a/b", "c")).toBe("a-b");
  });

  test("duplicates get -2, -3 in the given order, whatever the input order, and skip taken keys", () => {
    const items = [
      { name: "Support", order: "b" },
      { name: "support", order: "a" },
      { name: "Support-2", order: "z" },
      { name: "SUPPORT", order: "c" },
    ];
    const keys = (list: typeof items) => {
      const map = assignKeys(
        list,
        (i) => slug(i.name, "s"),
        (i) => i.order,
      );
      return list.map((i) => `${i.order}:${map.get(i)}`).sort();
    };
    expect(keys(items)).toEqual(["a:support", "b:support-3", "c:support-4", "z:support-2"]);
    expect(keys([...items].reverse())).toEqual(keys(items));
  });
});
