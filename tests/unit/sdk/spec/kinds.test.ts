import { z } from "zod";

import { KINDS } from "../../../../resources/registry";
import { creationOrder, DOCUMENT_KINDS, type DocumentKind, entriesOf, kindNamed, rootSections } from "../../../../sdk/spec/kinds";
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
    // Every kind, once.
    expect([...order].sort()).toEqual(names(DOCUMENT_KINDS).sort());
    // The kinds that set the account's default for references to `target` (the account configuration's default service).
    const settingDefaultFor = (target: string) =>
      names(DOCUMENT_KINDS.filter((k) => (k.spec.references ?? []).some((r) => r.kind === target && r.setsDefault)));
    const must: Array<[string, string]> = [];
    for (const kind of DOCUMENT_KINDS) {
      const needs = [
        kind.spec.placement.parent?.kind,
        // A reference left out means the account's default: what sets that default comes first too.
        ...(kind.spec.references ?? []).flatMap((ref) => [ref.kind, ...(ref.omittedMeansDefault ? settingDefaultFor(ref.kind) : [])]),
      ];
      for (const need of needs) if (need !== undefined && need !== kind.name) must.push([need, kind.name]);
    }
    // Named here as well, so that a descriptor losing its reference or its default flag fails too.
    must.push(["ConversationService", "GlobalConfiguration"], ["GlobalConfiguration", "Conversation"]);
    expect(must.filter(([a, b]) => !(order.indexOf(a) < order.indexOf(b))).map(([a, b]) => `${a} before ${b}`)).toEqual([]);
    // The document's root sections: the registry's root kinds, each once; the singletons, then the maps, each in creation order.
    const roots = rootSections();
    expect(names(roots).sort()).toEqual(names(KINDS.filter((k: DocumentKind) => !k.spec.placement.parent)).sort());
    const shapes = roots.map((k) => k.spec.placement.shape);
    expect(shapes).toEqual([...shapes.filter((s) => s === "singleton"), ...shapes.filter((s) => s !== "singleton")]);
    for (const shape of new Set(shapes)) {
      const made = roots.filter((k) => k.spec.placement.shape === shape).map((k) => order.indexOf(k.name));
      expect(made).toEqual([...made].sort((a, b) => a - b));
    }
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
