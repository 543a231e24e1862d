import * as fs from "node:fs";
import * as path from "node:path";

import Ajv2020 from "ajv/dist/2020";
import { parse } from "yaml";

import { checkSpec } from "../../../../sdk/spec/check";
import { conversationsSetupJsonSchema } from "../../../../sdk/spec/json-schema";
import { MG, VALID_YAML } from "./fixtures";

const schema = conversationsSetupJsonSchema() as any;
const validateWithSchema = new Ajv2020({ allErrors: true }).compile(schema);
/** Whether ajv, given the shipped JSON Schema, accepts the text. */
const ajvAccepts = (text: string) => validateWithSchema(parse(text));
/** Whether `validate` (the check ConversationsSetup runs) accepts the text, given these parameters. */
const validateAccepts = (text: string, parameters: Record<string, string> = { messagingServiceSid: MG }) =>
  checkSpec(text, { parameters }).issues.length === 0;

describe("JSON Schema", () => {
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

  test("carries the resources' own rules: lengths, patterns, enums, item counts, minimums", () => {
    const orchestrator = schema.properties.orchestratorConfigurations.additionalProperties.properties;
    expect(orchestrator.displayName.anyOf[0]).toEqual({ minLength: 1, maxLength: 32, pattern: "^[a-zA-Z0-9_ -]*$" });
    expect(orchestrator.statusCallbacks.maxItems).toBe(2);
    expect(orchestrator.intelligenceConfigurationIds.maxItems).toBe(5);
    expect(orchestrator.channelSettings.additionalProperties.properties.statusTimeouts.properties.inactive).toMatchObject({
      type: "integer",
      minimum: 1,
    });
    const conversation = schema.properties.conversations.additionalProperties.properties;
    expect(conversation.messagingServiceSid.anyOf[0]).toEqual({ pattern: "^[Mm][Gg][0-9a-fA-F]{32}$" });
    expect(conversation.timers.properties.closed.anyOf[0].pattern).toMatch(/^\^/);
    const role = schema.properties.services.additionalProperties.properties.roles.additionalProperties.properties;
    expect(role.permissions.minItems).toBe(1);
    expect(role.permissions.items.anyOf[0].enum).toContain("sendMessage");
  });

  test("accepts the valid documents: the test fixture and the repository's conversations.yaml", () => {
    expect(ajvAccepts(VALID_YAML)).toBe(true);
    expect(ajvAccepts(fs.readFileSync(path.join(__dirname, "../../../../conversations.yaml"), "utf8"))).toBe(true);
    expect(validateAccepts(VALID_YAML)).toBe(true);
  });

  const BASE = `version: 1
parameters:
  mg: {default: MG${"a".repeat(32)}}
services:
  support:
    friendlyName: Support
    roles:
      agent: {friendlyName: agent, type: conversation, permissions: [sendMessage]}
conversations:
  lobby: {service: support, uniqueName: lobby, messagingServiceSid: "\${mg}", timers: {closed: PT20M}}
orchestratorConfigurations:
  routing: {displayName: routing, description: d, conversationGroupingType: GROUP_BY_PROFILE, memoryStoreId: m}
`;

  test("the base of the bad documents below is valid to both", () => {
    expect(ajvAccepts(BASE)).toBe(true);
    expect(validateAccepts(BASE, {})).toBe(true);
  });

  // Each breaks one rule the resources enforce; ajv with the shipped schema and `validate` both refuse it.
  test.each([
    ["a service name too long", BASE.replace("friendlyName: Support", `friendlyName: ${"x".repeat(257)}`)],
    ["a blank role name", BASE.replace("friendlyName: agent", 'friendlyName: "  "')],
    ["a role name too long", BASE.replace("friendlyName: agent", `friendlyName: ${"r".repeat(65)}`)],
    ["a permission that does not exist", BASE.replace("[sendMessage]", "[sendMesage]")],
    ["a role without permissions", BASE.replace("[sendMessage]", "[]")],
    ["a role type not in the enum", BASE.replace("type: conversation", "type: channel")],
    ["a messaging service that is no MG SID", BASE.replace('messagingServiceSid: "${mg}"', "messagingServiceSid: MG123")],
    ["a state not in the enum", BASE.replace("uniqueName: lobby,", "uniqueName: lobby, state: open,")],
    ["a unique name shaped like a SID", BASE.replace("uniqueName: lobby", `uniqueName: CH${"a".repeat(32)}`)],
    ["an empty unique name", BASE.replace("uniqueName: lobby", 'uniqueName: ""')],
    ["a timer that is no duration", BASE.replace("closed: PT20M", "closed: 20 minutes")],
    ["a display name with a character it may not hold", BASE.replace("displayName: routing", 'displayName: "routing!"')],
    ["a display name too long", BASE.replace("displayName: routing", `displayName: ${"d".repeat(33)}`)],
    ["a description too long", BASE.replace("description: d", `description: ${"d".repeat(513)}`)],
    ["a grouping type not in the enum", BASE.replace("GROUP_BY_PROFILE", "BY_PROFILE")],
    ["an empty memory store", BASE.replace("memoryStoreId: m", 'memoryStoreId: ""')],
    [
      "three status callbacks",
      BASE.replace("memoryStoreId: m}", "memoryStoreId: m, statusCallbacks: [{url: 'https://a'}, {url: 'https://b'}, {url: 'https://c'}]}"),
    ],
    ["a status callback that is no URL", BASE.replace("memoryStoreId: m}", "memoryStoreId: m, statusCallbacks: [{url: 'notaurl'}]}")],
    [
      "a callback method not in the enum",
      BASE.replace("memoryStoreId: m}", "memoryStoreId: m, statusCallbacks: [{url: 'https://a', method: PUT}]}"),
    ],
    [
      "six intelligence configurations",
      BASE.replace("memoryStoreId: m}", "memoryStoreId: m, intelligenceConfigurationIds: [a, b, c, d, e, f]}"),
    ],
    [
      "a status timeout of 0 minutes",
      BASE.replace("memoryStoreId: m}", "memoryStoreId: m, channelSettings: {SMS: {statusTimeouts: {inactive: 0}}}}"),
    ],
    [
      "a status timeout that is no whole number",
      BASE.replace("memoryStoreId: m}", "memoryStoreId: m, channelSettings: {SMS: {statusTimeouts: {inactive: 1.5}}}}"),
    ],
    ["a channel that does not exist", BASE.replace("memoryStoreId: m}", "memoryStoreId: m, channelSettings: {FAX: {}}}")],
    ["an email binding that is no address", BASE.replace("uniqueName: lobby,", "uniqueName: lobby, bindings: {email: {address: nobody}},")],
    ["a misspelt property", BASE.replace("uniqueName: lobby,", "uniqeName: lobby,")],
    ["a key with a space", BASE.replace("  lobby:", "  the lobby:")],
    ["a wrong version", BASE.replace("version: 1", "version: 2")],
  ])("%s: refused by both", (_what, text) => {
    expect(ajvAccepts(text)).toBe(false);
    expect(validateAccepts(text, {})).toBe(false);
  });

  // What JSON Schema cannot say: `validate` refuses each, the schema lets it through. Keep this list true.
  test.each([
    ["a duration shorter than the minimum (PT5M for a closed timer)", BASE.replace("closed: PT20M", "closed: PT5M")],
    ["attributes over 16 KB", BASE.replace("uniqueName: lobby,", `uniqueName: lobby, attributes: {big: ${"x".repeat(17000)}},`)],
    ["attributes as a string that is not JSON", BASE.replace("uniqueName: lobby,", "uniqueName: lobby, attributes: 'not json',")],
    ["timers on a closed conversation", BASE.replace("uniqueName: lobby,", "uniqueName: lobby, state: closed,")],
    ["a reference to a key that does not exist", BASE.replace("service: support", "service: suport")],
    [
      "a role of the wrong type as a service's default",
      BASE.replace("permissions: [sendMessage]}", "permissions: [sendMessage]}\n    configuration: {defaultChatServiceRole: agent}"),
    ],
    ["a parameter that is not declared", BASE.replace('"${mg}"', '"${mgx}"')],
    ["a parameter without a value or a default", BASE.replace("mg: {default: MG" + "a".repeat(32) + "}", "mg: {}")],
    ["a parameter whose value breaks a rule", BASE.replace("mg: {default: MG" + "a".repeat(32) + "}", "mg: {default: MG-nope}")],
    [
      "one unique name twice in a service",
      BASE.replace("orchestratorConfigurations:", "  again: {service: support, uniqueName: lobby}\norchestratorConfigurations:"),
    ],
    [
      "two configurations bridged to one service",
      BASE.replace(
        "memoryStoreId: m}",
        "memoryStoreId: m, conversationsV1Bridge: {service: support}}\n  other: {displayName: other, description: d, conversationGroupingType: GROUP_BY_PROFILE, memoryStoreId: m, conversationsV1Bridge: {service: support}}",
      ),
    ],
    [
      "two roles adopted under one name",
      BASE.replace(
        "permissions: [sendMessage]}",
        "permissions: [sendMessage], adoptExisting: true}\n      agent2: {friendlyName: agent, type: conversation, permissions: [sendMessage]}",
      ),
    ],
  ])("%s: refused by validate only", (_what, text) => {
    expect(validateAccepts(text, {})).toBe(false);
    expect(ajvAccepts(text)).toBe(true);
  });
});
