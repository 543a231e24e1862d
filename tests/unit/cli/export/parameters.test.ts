import { escapeDeep, escapeText, ParameterRegistry } from "../../../../cli/export/parameters";
import { interpolate } from "../../../../sdk/spec/parameters";

describe("export parameters", () => {
  test("one parameter per distinct value of a kind, numbered by kind in the order met, with the value as default", () => {
    const p = new ParameterRegistry();
    expect(p.reference("memoryStoreId", "mem_a")).toBe("${memoryStoreId}");
    expect(p.reference("messagingServiceSid", "MG1")).toBe("${messagingServiceSid}");
    expect(p.reference("memoryStoreId", "mem_b")).toBe("${memoryStoreId2}");
    expect(p.reference("memoryStoreId", "mem_a")).toBe("${memoryStoreId}");
    expect(p.section()).toEqual({
      memoryStoreId: { description: expect.any(String), default: "mem_a" },
      messagingServiceSid: { description: expect.any(String), default: "MG1" },
      memoryStoreId2: { description: expect.any(String), default: "mem_b" },
    });
    expect(Object.keys(p.section()!)).toEqual(["memoryStoreId", "messagingServiceSid", "memoryStoreId2"]);
    expect(new ParameterRegistry().section()).toBeUndefined();
  });

  test("text holding ${ is escaped so the document reads it back verbatim", () => {
    for (const text of ["Price ${amount}", "$${already}", "no dollar", "${a}${b}$"]) {
      expect(interpolate(escapeText(text), () => "X")).toBe(text);
    }
    expect(escapeDeep({ a: ["${x}"], n: 1 })).toEqual({ a: ["$${x}"], n: 1 });
  });
});
