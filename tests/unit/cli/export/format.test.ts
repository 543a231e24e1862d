import { formatForFile, formatSpec, HEADER_LINES } from "../../../../cli/export/format";
import type { SpecDocument } from "../../../../sdk/spec/document";
import { parseSpec } from "../../../../sdk/spec/parse";

const doc: SpecDocument = {
  version: 1,
  services: {
    support: { friendlyName: "Support", roles: { agent: { friendlyName: "agent", type: "conversation", permissions: ["a", "b"] } } },
  },
};

describe("export output", () => {
  test("YAML: schema hint and header (timers are not exported), lists of values on one line, parses back", () => {
    const text = formatSpec(doc, "yaml", "./schema.json");
    expect(text.startsWith("# yaml-language-server: $schema=./schema.json\n")).toBe(true);
    expect(text).toContain("# Not exported: conversation timers.");
    expect(HEADER_LINES.join(" ")).toMatch(/timers/);
    expect(text).toContain("permissions: [ a, b ]");
    expect(parseSpec(text)).toEqual(doc);
  });

  test("JSON: $schema first, parses back", () => {
    const text = formatSpec(doc, "json", "./schema.json");
    expect(JSON.parse(text)).toEqual({ $schema: "./schema.json", ...doc });
    expect(parseSpec(text)).toEqual({ $schema: "./schema.json", ...doc });
  });

  test("the format follows the file's extension", () => {
    expect(formatForFile("out.JSON")).toBe("json");
    expect(formatForFile("out.yaml")).toBe("yaml");
    expect(formatForFile(undefined)).toBe("yaml");
  });
});
