import * as pulumi from "@pulumi/pulumi";
import * as path from "path";

import { providerShim, type ResourceKind } from "../../../sdk/shim";

const KINDS: ResourceKind[] = [
  "GlobalConfiguration",
  "ServiceConfiguration",
  "Conversation",
  "OrchestratorConfiguration",
  "ConversationService",
  "ServiceRole",
];

/** Serializes a provider the way `pulumi.dynamic.Resource` does for `__provider`. */
async function serialized(kind: ResourceKind): Promise<string> {
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
