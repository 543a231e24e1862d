import * as pulumi from "@pulumi/pulumi";

import { PushCredential } from "../../../../resources/push-credential/resource";
import * as dynamicResource from "../../../../sdk/dynamic-resource";
import { expectDynamicResource, mockResources, registered, value } from "../../../support/sdk-mocks";

const CR = "CR" + "c".repeat(32);
const ACCOUNT = "AC" + "0".repeat(32);
/** Pulumi's wire form of a secret (`@pulumi/pulumi` runtime/rpc: specialSigKey, specialSecretSig). */
const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

const created = mockResources((args) => ({
  id: CR,
  // What the provider records: no secret, a digest of each.
  state: {
    sid: CR,
    accountSid: ACCOUNT,
    type: args.inputs.type,
    friendlyName: args.inputs.friendlyName,
    sandbox: false,
    secretDigests: { secret: "hmac-sha256:salt:mac" },
    dateCreated: "2024-01-01T00:00:00Z",
    dateUpdated: "2024-01-01T00:00:00Z",
    url: `https://x/${CR}`,
  },
}));

describe("PushCredential (SDK)", () => {
  it("registers its type token with every secret input as a Pulumi secret, given plain or secret, and the others as they are", async () => {
    const cred = new PushCredential("android", { type: "fcm", friendlyName: "Android", secret: "plain-server-key" });
    const apn = new PushCredential("ios", {
      type: "apn",
      certificate: pulumi.secret("-----BEGIN CERTIFICATE-----"),
      privateKey: pulumi.output("-----BEGIN PRIVATE KEY-----"),
      sandbox: true,
    });
    expect(await value(cred.id)).toBe(CR);
    await value(apn.id);
    const args = registered(created, "android");
    expectDynamicResource(args, "PushCredential");
    expect(args.inputs).toMatchObject({ type: "fcm", friendlyName: "Android", secret: secret("plain-server-key") });
    expect(registered(created, "ios").inputs).toMatchObject({
      type: "apn",
      certificate: secret("-----BEGIN CERTIFICATE-----"),
      privateKey: secret("-----BEGIN PRIVATE KEY-----"),
      sandbox: true,
    });
    expect(await value(cred.secretDigests)).toEqual({ secret: "hmac-sha256:salt:mac" });
    expect(await value(cred.sandbox)).toBe(false);
    expect(await value(cred.url)).toBe(`https://x/${CR}`);
  });

  it("asks the engine to keep the secret names and the digests secret in its outputs, beside the program's own", () => {
    const spy = jest.spyOn(dynamicResource, "dynamicResourceArgs");
    try {
      new PushCredential("web", { type: "fcm", secret: "k" }, { additionalSecretOutputs: ["friendlyName"], protect: true });
      const options = spy.mock.calls[0]![4]!;
      expect(options.protect).toBe(true);
      expect(options.additionalSecretOutputs).toEqual(["friendlyName", "certificate", "privateKey", "secret", "secretDigests"]);
    } finally {
      spy.mockRestore();
    }
  });
});
