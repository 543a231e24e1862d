import { formatPath, SpecError } from "../../../../sdk/spec/issues";
import { parseSpec, validateSpec } from "../../../../sdk/spec/parse";
import { VALID_YAML } from "./fixtures";

/** The issues a text fails with, as "line path: message" strings. */
function problems(text: string): string[] {
  try {
    parseSpec(text, { source: "c.yaml" });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return (e as SpecError).issues.map((i) => `${i.line ?? "-"} ${formatPath(i.path)}: ${i.message}`);
  }
  throw new Error("expected the document to be rejected");
}

describe("parseSpec", () => {
  test("reads a valid YAML document, and the same document as JSON", () => {
    const doc = parseSpec(VALID_YAML);
    expect(doc.services?.support?.roles?.agent?.permissions).toEqual(["sendMessage", "leaveConversation"]);
    expect(doc.conversations?.["queue-general"]?.attributes).toEqual({ queue: "general" });
    expect(parseSpec(JSON.stringify(doc))).toEqual(doc);
  });

  test.each([
    ["the version", "version: 2\n", "1 version: must be 1"],
    [
      "a misspelt property, on its own line",
      "version: 1\nservices:\n  a:\n    friendlyName: A\n    frendlyName: B\n",
      "5 services.a.frendlyName: is not a property of a service",
    ],
    ["a key with a space", "version: 1\nservices:\n  my service:\n    friendlyName: A\n", '3 services."my service": is not a valid key'],
    ["a missing required field", "version: 1\nservices:\n  a:\n    roles: {}\n", "3 services.a.friendlyName: must be a string"],
    [
      "a wrong type deep down",
      "version: 1\nconversations:\n  c:\n    timers:\n      closed: 10\n",
      "5 conversations.c.timers.closed: must be a string",
    ],
    [
      "a reference to a missing service",
      "version: 1\nconversations:\n  c:\n    service: support\n",
      '4 conversations.c.service: "support" is not a key of services',
    ],
    [
      "a role of the wrong type",
      "version: 1\nservices:\n  s:\n    friendlyName: S\n    roles:\n      r: {friendlyName: r, type: service, permissions: [joinConversation]}\n    configuration:\n      defaultConversationRole: r\n",
      '8 services.s.configuration.defaultConversationRole: names role "r" of type service, but this default takes a conversation role',
    ],
    [
      "an undeclared parameter",
      "version: 1\naccount:\n  defaultMessagingServiceSid: ${mg}\n",
      '3 account.defaultMessagingServiceSid: uses parameter "mg", which is not declared',
    ],
    [
      "a malformed parameter",
      "version: 1\nparameters: {mg: {}}\naccount:\n  defaultMessagingServiceSid: ${m g}\n",
      '4 account.defaultMessagingServiceSid: "${m g}" is not a parameter reference',
    ],
    [
      "two bridges to one service",
      "version: 1\nservices: {s: {friendlyName: S}}\norchestratorConfigurations:\n  a: {displayName: a, description: d, conversationGroupingType: GROUP_BY_PROFILE, memoryStoreId: m, conversationsV1Bridge: {service: s}}\n  b: {displayName: b, description: d, conversationGroupingType: GROUP_BY_PROFILE, memoryStoreId: m, conversationsV1Bridge: {service: s}}\n",
      '5 orchestratorConfigurations.b.conversationsV1Bridge.service: service "s" is already bridged by orchestrator configuration "a"',
    ],
    [
      "one unique name twice in a service",
      "version: 1\nconversations:\n  a: {uniqueName: x}\n  b: {uniqueName: x}\n",
      '4 conversations.b.uniqueName: "x" is also the unique name of conversation "a"',
    ],
    [
      "a role its service deletes",
      "version: 1\nservices:\n  s:\n    friendlyName: S\n    withoutDefaultRoles: [channel admin]\n    roles:\n      admin: {friendlyName: channel admin, type: conversation, permissions: [sendMessage]}\n",
      '7 services.s.roles.admin.friendlyName: "channel admin" is a default role the service deletes (its withoutDefaultRoles)',
    ],
    [
      "a duplicate key",
      "version: 1\nservices:\n  a: {friendlyName: A}\n  a: {friendlyName: B}\n",
      "4 (document): is not valid YAML or JSON: Map keys must be unique",
    ],
    ["broken YAML", "version: 1\nservices: [a,\n", "(document): is not valid YAML or JSON"],
  ])("rejects %s with its path and line", (_what, text, expected) => {
    expect(problems(text).join("\n")).toContain(expected);
  });

  test("an empty document says what is expected", () => {
    expect(problems("")).toEqual(["- (document): is empty: expected a mapping with at least `version: 1`"]);
  });

  test("every problem is reported, in the order of the text, and the message names the file and line", () => {
    const text = "version: 1\nconversations:\n  b: {service: nope}\nservices:\n  a: {friendlyName: A, adoptExisting: yes-please}\n";
    expect(problems(text)).toEqual(["5 services.a.adoptExisting: must be true or false"]);
    try {
      parseSpec("version: 1\nservices:\n  a: {}\n  b: {friendlyName: 1}\n", { source: "c.yaml" });
    } catch (e) {
      expect((e as Error).message).toBe(
        "c.yaml is not valid (2 problems):\n" +
          "  c.yaml:3: services.a.friendlyName: must be a string\n" +
          "  c.yaml:4: services.b.friendlyName: must be a string",
      );
    }
    expect.assertions(3);
  });

  test("validateSpec checks an object in memory, without lines", () => {
    expect(() => validateSpec({ version: 1, services: { a: {} } })).toThrow("services.a.friendlyName: must be a string");
    expect(validateSpec({ version: 1 })).toEqual({ version: 1 });
  });
});
