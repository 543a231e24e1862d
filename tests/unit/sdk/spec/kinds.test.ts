import { z } from "zod";

import { creationOrder, DOCUMENT_KINDS, entriesOf, kindNamed, rootSections } from "../../../../sdk/spec/kinds";
import { parseSpec } from "../../../../sdk/spec/parse";
import { VALID_YAML } from "./fixtures";

const names = (kinds: readonly { name: string }[]) => kinds.map((k) => k.name);

describe("the registry, as the document reads it", () => {
  test.each(DOCUMENT_KINDS.map((k) => [k.name, k] as const))("%s: what its spec and export parts name exists", (_name, kind) => {
    const inputs = Object.keys((z.toJSONSchema(kind.schema, { io: "input", unrepresentable: "any" }) as { properties: object }).properties);
    const references = (kind.spec.references ?? []).map((r) => r.field.split(".")[0]);
    // Every field of the entry is an input of the kind (or a reference that becomes one): no field the resource ignores.
    for (const field of Object.keys(kind.spec.entry)) expect([...inputs, ...references]).toContain(field);
    for (const ref of kind.spec.references ?? []) {
      expect(inputs).toContain(ref.input.split(".")[0]);
      const target = kindNamed(ref.kind);
      expect(target.spec.placement.shape).toBe("map");
      // A kind inside a parent is only named from within that same parent.
      if (target.spec.placement.parent) expect(kind.spec.placement.parent?.kind).toBe(target.spec.placement.parent.kind);
    }
    if (kind.spec.placement.parent) {
      expect(kindNamed(kind.spec.placement.parent.kind).spec.placement.parent).toBeUndefined();
      expect(inputs).toContain(kind.spec.placement.parent.input);
      expect(kind.export.per).toBe(kind.spec.placement.parent.kind);
    }
    if (kind.export.per) kindNamed(kind.export.per);
    for (const field of kind.export.match ?? []) expect(inputs).toContain(field);
  });

  test("sections are unique where they sit", () => {
    const at = DOCUMENT_KINDS.map((k) => `${k.spec.placement.parent?.kind ?? "(root)"}.${k.spec.placement.section}`);
    expect(new Set(at).size).toBe(at.length);
  });

  test("resources are made parents first, what is referenced before what references it, the account default before what relies on it", () => {
    const order = names(creationOrder());
    const before = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before("ConversationService", "ServiceRole");
    before("ServiceRole", "ServiceConfiguration");
    before("ConversationService", "GlobalConfiguration");
    before("GlobalConfiguration", "Conversation");
    before("ConversationService", "OrchestratorConfiguration");
    before("ConversationService", "AddressConfiguration");
    expect(names(rootSections()).map((n) => kindNamed(n).spec.placement.section)).toEqual([
      "account",
      "accountWebhooks",
      "services",
      "conversations",
      "orchestratorConfigurations",
      "addressConfigurations",
      "pushCredentials",
    ]);
  });

  test("entriesOf walks every entry, parents before what sits in them", () => {
    const entries = entriesOf(parseSpec(VALID_YAML));
    expect(entries.map((e) => `${e.kind.name} ${e.path.join(".")}`)).toEqual([
      "GlobalConfiguration account",
      "ConversationService services.default",
      "ConversationService services.support",
      "ServiceRole services.support.roles.agent",
      "ServiceRole services.support.roles.member",
      "ServiceConfiguration services.support.configuration",
      "Conversation conversations.queue-general",
      "Conversation conversations.lobby",
      "OrchestratorConfiguration orchestratorConfigurations.routing",
    ]);
    const configuration = entries.find((e) => e.kind.name === "ServiceConfiguration")!;
    expect(configuration.parent?.key).toBe("support");
    expect(entries.find((e) => e.key === "support")!.value).toEqual({ friendlyName: "Support" });
  });
});
