import { conversationsSetupJsonSchema } from "../../../../sdk/spec/json-schema";

describe("JSON Schema", () => {
  const schema = conversationsSetupJsonSchema() as any;

  test("is generated from the zod schema, with descriptions and completions", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toEqual(["version"]);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["version", "parameters", "account", "services", "conversations", "orchestratorConfigurations"]),
    );
    const role = schema.properties.services.additionalProperties.properties.roles.additionalProperties;
    expect(role.properties.friendlyName.description).toMatch(/role's name/);
    // Editors offer the values, and accept a ${parameter} instead.
    expect(role.properties.type.anyOf).toEqual([{ enum: ["conversation", "service"] }, { pattern: "\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}" }]);
    expect(schema.properties.services.propertyNames.pattern).toBe("^[A-Za-z0-9_][A-Za-z0-9_.@+-]*$");
  });

  test("every property has a description", () => {
    const missing: string[] = [];
    const walk = (node: any, path: string) => {
      if (!node || typeof node !== "object") return;
      for (const [key, child] of Object.entries<any>(node.properties ?? {})) {
        if (!child.description && !child.anyOf) missing.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      if (node.additionalProperties && typeof node.additionalProperties === "object") walk(node.additionalProperties, `${path}.*`);
      if (node.items) walk(node.items, `${path}[]`);
    };
    walk(schema, "$");
    expect(missing).toEqual([]);
  });
});
