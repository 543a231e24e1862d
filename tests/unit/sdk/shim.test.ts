import * as pulumi from "@pulumi/pulumi";
import * as path from "path";

import { kindModuleSource } from "../../../provider/kinds";
import { type KindName, KINDS as DESCRIPTORS } from "../../../resources/registry";
import { providerShim, shimFor } from "../../../sdk/shim";

const KINDS: KindName[] = DESCRIPTORS.map((k) => k.name);

/** Serializes a provider the way `pulumi.dynamic.Resource` does for `__provider`. */
async function serialized(kind: KindName): Promise<string> {
  const provider = providerShim(kind);
  return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

describe.each(KINDS)("the %s shim", (kind) => {
  it("serializes to under 2 KB", async () => {
    expect(Buffer.byteLength(await serialized(kind))).toBeLessThan(2048);
  });

  it("is identical for every resource of the kind", async () => {
    expect(await serialized(kind)).toBe(await serialized(kind));
  });

  it("loads the implementation by the package name and holds no path or credential", async () => {
    const text = await serialized(kind);
    expect(text).toContain('require("pulumi-twilio-conversations/provider")');
    expect(text).toContain(JSON.stringify(kind));
    const repoRoot = path.resolve(__dirname, "../../..");
    expect(text).not.toContain(repoRoot);
    expect(text).not.toMatch(/\/(home|root|tmp|work|Users)\//);
    expect(text).not.toMatch(/AC[0-9a-f]{32}|authToken|apiSecret|TWILIO_/i);
  });
});

describe("shimFor", () => {
  it("hands Pulumi one object per kind, so Pulumi serializes each kind once", () => {
    for (const kind of KINDS) expect(shimFor(kind)).toBe(shimFor(kind));
    expect(shimFor("Conversation")).not.toBe(shimFor("ServiceRole"));
  });

  it("falls back to the by-value shim where the kind modules are not built (sources under jest)", () => {
    expect(Object.keys(shimFor("Conversation")).sort()).toEqual(["check", "configure", "create", "delete", "diff", "read", "update"]);
  });

  it("builds each kind's module from the package's own shim, so its export is that kind's shim", () => {
    for (const kind of KINDS) {
      const source = kindModuleSource(kind);
      expect(source).toContain(`require("../../sdk/shim").providerShim(${JSON.stringify(kind)})`);
      const module = { exports: {} as unknown };
      new Function("module", "require", source)(module, (id: string) => {
        expect(id).toBe("../../sdk/shim");
        return { providerShim };
      });
      expect(Object.keys(module.exports as object).sort()).toEqual(Object.keys(providerShim(kind)).sort());
    }
  });
});

describe("the shim's routing", () => {
  // The implementation module is mocked so the test sees which method each host call reaches.
  const calls: string[] = [];
  const fake = new Proxy(
    {},
    {
      get:
        (_t, method: string) =>
        (...args: unknown[]) =>
          calls.push(`${method}:${args.length}`),
    },
  );
  jest.mock("pulumi-twilio-conversations/provider", () => ({ Conversation: fake }), { virtual: true });

  it("sends each host call to the method of the same name", async () => {
    const shim = providerShim("Conversation");
    await shim.configure!({ config: { get: () => undefined, require: () => "" } });
    await shim.check!({}, {});
    await shim.create({});
    await shim.diff!("CH1", {}, {});
    await shim.read!("CH1", {});
    await shim.update!("CH1", {}, {});
    await shim.delete!("CH1", {});
    expect(calls).toEqual(["configure:1", "check:2", "create:1", "diff:3", "read:2", "update:3", "delete:2"]);
  });
});
