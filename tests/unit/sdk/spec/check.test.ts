import { ConversationsSetup } from "../../../../sdk/conversations-setup";
import { checkSpec } from "../../../../sdk/spec/check";
import { formatIssue, SpecError } from "../../../../sdk/spec/issues";
import { parseSpec } from "../../../../sdk/spec/parse";
import { MG, THREE_MISTAKES as THREE, VALID_YAML } from "./fixtures";

const lines = (text: string, options = {}) => checkSpec(text, { source: "c.yaml", ...options }).issues.map((i) => formatIssue(i, "c.yaml"));

describe("checkSpec", () => {
  test("reports the problems of every stage in one run, with a true count", () => {
    expect(lines(THREE)).toEqual([
      'c.yaml:10: services.support.configuration.defaultConversationRole: "agnet" is not a key of services.support.roles (known keys: agent) nor an RL SID ("RL" and 32 hex digits)',
      'c.yaml:15: conversations.lobby.messagingServiceSid: uses parameter "mg", which has no value for this stack and no default: ' +
        "set it for this stack with `pulumi config set mg <value>` (or give it a default in the document's parameters)",
      'c.yaml:16: conversations.lobby.timers.closed: must be at least 10 minutes (got "PT5M")',
    ]);
  });

  test("carries on past a structural problem: the entry at fault is set aside, the rest is checked", () => {
    const text = THREE.replace("    friendlyName: Support\n", "    friendlyName: Support\n    frendlyName: typo\n").replace(
      "uniqueName: lobby",
      "uniqueName: lobby\n    state: open",
    );
    const found = lines(text);
    expect(found).toHaveLength(5);
    expect(found[0]).toMatch(/^c\.yaml:7: services\.support\.frendlyName: is not a property of a service/);
    // The service's key still stands (the conversation's reference to it is fine) and its roles are still checked.
    expect(found.join("\n")).toContain("services.support.configuration.defaultConversationRole");
    expect(found.join("\n")).not.toContain("conversations.lobby.service");
    expect(found.join("\n")).toContain("c.yaml:16: conversations.lobby.state: must be one of");
  });

  test("a field with a structural problem is reported once, not again by the resource's schema", () => {
    expect(lines("version: 1\nservices:\n  a: {friendlyName: 3}\n")).toEqual(["c.yaml:3: services.a.friendlyName: must be a string"]);
  });

  test("a service's default roles: only Twilio's names, and no role of the document among those it deletes", () => {
    const text = [
      "version: 1",
      "services:",
      "  s:",
      "    friendlyName: S",
      "    withoutDefaultRoles: [channel admin, agent]",
      "    roles:",
      "      admin: {friendlyName: channel admin, type: conversation, permissions: [sendMessage]}",
      "",
    ].join("\n");
    expect(lines(text)).toEqual([
      "c.yaml:5: services.s.withoutDefaultRoles.1: must be one of Twilio's default role names: channel admin, channel user, service admin, service user",
      'c.yaml:7: services.s.roles.admin.friendlyName: "channel admin" is a default role the service deletes (its withoutDefaultRoles): ' +
        "remove the role, or take the name out of withoutDefaultRoles",
    ]);
  });

  test("a valid document resolves; parameters may come from a function", () => {
    const result = checkSpec(VALID_YAML, { parameters: (name) => (name === "messagingServiceSid" ? MG : undefined) });
    expect(result.issues).toEqual([]);
    expect(result.resolved!.entries.map((e) => e.path.join("."))).toContain("services.support.roles.agent");
  });

  test("is what ConversationsSetup runs: the same problems, thrown before anything is registered", () => {
    let thrown: unknown;
    try {
      new ConversationsSetup("setup", { spec: THREE, source: "c.yaml" });
    } catch (e) {
      thrown = e;
    }
    expect(SpecError.isInstance(thrown)).toBe(true);
    expect((thrown as SpecError).issues).toEqual(checkSpec(THREE, { source: "c.yaml" }).issues);
    expect((thrown as SpecError).message).toMatch(/^c\.yaml is not valid \(3 problems\):/);
  });

  test("a document read with parseSpec keeps its lines", () => {
    const doc = parseSpec(VALID_YAML, { source: "v.yaml" });
    expect(checkSpec(doc).issues.map((i) => i.line)).toEqual([9]);
  });

  test("text that is not YAML is one problem, with its line", () => {
    expect(lines("version: 1\nservices: [a,\n")).toEqual([expect.stringMatching(/^c\.yaml:\d+: \(document\): is not valid YAML or JSON/)]);
  });
});
