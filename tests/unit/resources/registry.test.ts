import * as pulumi from "@pulumi/pulumi";

import providers = require("../../../provider/index");
import { kindOfType, KINDS, typeTokenOf } from "../../../resources/registry";
import { mockResources, registered } from "../../support/sdk-mocks";

const created = mockResources((args) => ({ id: `${args.name}-id`, state: args.inputs }));

describe("the kind registry", () => {
  it("names each kind once", () => {
    const names = KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("is what the provider index serves, by name, to the serialized shims", () => {
    expect(Object.keys(providers).sort()).toEqual(KINDS.map((k) => k.name).sort());
    for (const kind of KINDS) expect(providers[kind.name]).toBe(kind.provider);
  });

  it.each(KINDS.map((k) => [k.name, k] as const))("%s: its SDK class registers the kind's type token", async (name, kind) => {
    const Resource = kind.resource as unknown as new (name: string, args: object) => pulumi.CustomResource;
    const resource = new Resource(`token-${name}`, {});
    await new Promise<void>((resolve) => resource.urn.apply(() => resolve()));
    const args = registered(created, `token-${name}`);
    expect(args.type).toBe(typeTokenOf(name));
    expect(kindOfType(args.type)).toBe(kind);
  });

  // However a class passes its arguments, an unknown key reaches check, which refuses it by name
  // (a JavaScript caller, or a spread object, can hand any key to the constructor).
  it.each(KINDS.map((k) => [k.name, k] as const))("%s: an unknown argument is refused by check, by name", async (name, kind) => {
    const Resource = kind.resource as unknown as new (name: string, args: object) => pulumi.CustomResource;
    const resource = new Resource(`unknown-${name}`, { displayname: "typo" });
    await new Promise<void>((resolve) => resource.urn.apply(() => resolve()));
    const inputs = registered(created, `unknown-${name}`).inputs;
    expect(inputs.displayname).toBe("typo");
    const result = await kind.provider.check!({}, inputs);
    expect(result.failures?.map((f) => f.property)).toContain("displayname");
    expect(result.failures?.find((f) => f.property === "displayname")?.reason).toMatch(/unknown property "displayname"/);
  });

  it("knows no kind outside the package's type module", () => {
    expect(kindOfType("pulumi-nodejs:dynamic/other:Conversation")).toBeUndefined();
    expect(kindOfType(typeTokenOf("Conversation") + "x")).toBeUndefined();
  });
});
