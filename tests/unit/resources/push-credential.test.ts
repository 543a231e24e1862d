/**
 * The PushCredential kind's unit tests: its secret digests and diff (provider.ts), its SDK class
 * (resource.ts), and what the setup document may hold for one (kind.ts): its secrets only as
 * parameters without a default.
 */
import * as pulumi from "@pulumi/pulumi";

import { UNKNOWN } from "../../../provider/shared/check";
import { digestSecret, matchesDigest, pushCredentialProvider } from "../../../resources/push-credential/provider";
import { PushCredential } from "../../../resources/push-credential/resource";
import * as dynamicResource from "../../../sdk/dynamic-resource";
import { checkSpec } from "../../../sdk/spec/check";
import { formatIssue } from "../../../sdk/spec/issues";
import { expectDynamicResource, mockResources, registered, value } from "../../support/sdk-mocks";

describe("diff", () => {
  const KEY = "fcm-server-key-0123456789";
  const outs = {
    sid: "CR" + "c".repeat(32),
    accountSid: "AC" + "0".repeat(32),
    type: "fcm",
    friendlyName: "Android",
    sandbox: false,
    secretDigests: { secret: digestSecret(KEY) },
    declaredProperties: ["friendlyName", "secret", "type"],
  };
  const inputs = { type: "fcm", friendlyName: "Android", secret: KEY };
  const diff = (change: Record<string, unknown>, olds: Record<string, unknown> = outs) =>
    pushCredentialProvider.diff!(outs.sid, olds, { ...inputs, ...change });

  describe("PushCredential secret digests", () => {
    it("are salted: the same secret twice gives two digests, each of which it matches", () => {
      const [a, b] = [digestSecret(KEY), digestSecret(KEY)];
      expect(a).not.toBe(b);
      expect(a).toMatch(/^hmac-sha256:[\w-]{22}:[\w-]{43}$/);
      expect(a).not.toContain(KEY);
      expect([matchesDigest(KEY, a), matchesDigest(KEY, b)]).toEqual([true, true]);
    });

    it.each([
      ["another secret", "fcm-server-key-0123456788", outs.secretDigests.secret],
      ["no digest", KEY, undefined],
      ["a digest of another kind", KEY, "sha256:abc"],
      ["a digest cut short", KEY, outs.secretDigests.secret.slice(0, -2)],
    ])("do not match %s", (_label, value, digest) => {
      expect(matchesDigest(value, digest)).toBe(false);
    });
  });

  describe("PushCredential diff", () => {
    it.each([
      ["the same inputs", {}],
      ["sandbox false on an FCM credential's state, none declared", { sandbox: undefined }],
    ])("sees no change with %s", async (_label, change) => {
      expect(await diff(change)).toMatchObject({ changes: false, replaces: [] });
    });

    it.each([
      ["a new secret", { secret: "rotated" }],
      ["a secret not known yet (preview)", { secret: UNKNOWN }],
      ["a new friendly name", { friendlyName: "Droid" }],
    ])("updates in place with %s", async (_label, change) => {
      expect(await diff(change)).toMatchObject({ changes: true, replaces: [] });
    });

    it("sees a change when state holds no digest for a declared secret (it is sent again)", async () => {
      expect(await diff({}, { ...outs, secretDigests: {} })).toMatchObject({ changes: true, replaces: [] });
    });

    it("replaces on a new type, creating the new credential first", async () => {
      expect(await diff({ type: "apn", secret: undefined, certificate: "c", privateKey: "k" })).toMatchObject({
        changes: true,
        replaces: ["type"],
        deleteBeforeReplace: false,
      });
    });

    it("APN: removing sandbox: true is a change (back to production), leaving it out of a production one is not", async () => {
      const apn = { ...outs, type: "apn", sandbox: true, secretDigests: { certificate: digestSecret("c"), privateKey: digestSecret("k") } };
      const apnInputs = { type: "apn", friendlyName: "Android", certificate: "c", privateKey: "k", secret: undefined };
      expect(await diff(apnInputs, apn)).toMatchObject({ changes: true, replaces: [] });
      expect(await diff(apnInputs, { ...apn, sandbox: false })).toMatchObject({ changes: false });
    });
  });
});

describe("resource.ts", () => {
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
});

describe("kind.ts: its document entry", () => {
  /** The problems checkSpec finds in a document, each as the CLI prints it (as in tests/unit/sdk/spec/check.test.ts). */
  const lines = (text: string, options = {}) =>
    checkSpec(text, { source: "c.yaml", ...options }).issues.map((i) => formatIssue(i, "c.yaml"));

  describe("secrets (a push credential's keys)", () => {
    const SECRETS = [
      "version: 1",
      "parameters:",
      "  apnCertificate: {description: the certificate}",
      "  apnPrivateKey: {default: not-a-secret-to-keep}",
      "  fcmSecret: {}",
      "pushCredentials:",
      '  ios: {type: apn, certificate: "${apnCertificate}", privateKey: "${apnPrivateKey}"}',
      "  android: {type: fcm, secret: literal-server-key}",
      '  web: {type: fcm, secret: "${fcmSecret}"}',
      "",
    ].join("\n");

    test("are parameters without a default, never values; a missing one names `pulumi config set --secret`", () => {
      const found = lines(SECRETS);
      expect(found).toEqual([
        'c.yaml:4: parameters.apnPrivateKey.default: must not be given: parameter "apnPrivateKey" holds a secret (pushCredentials.ios.privateKey), ' +
          "which is set per stack with `pulumi config set --secret apnPrivateKey <value>` and never written in the document",
        'c.yaml:7: pushCredentials.ios.certificate: uses secret parameter "apnCertificate", which has no value for this stack and no default: ' +
          "set it for this stack with `pulumi config set --secret apnCertificate <value>`",
        expect.stringMatching(/^c\.yaml:7: pushCredentials\.ios\.privateKey: must be the PEM text of the private key/),
        'c.yaml:8: pushCredentials.android.secret: holds a secret, so it must be a parameter such as "${secret}" (declared under parameters ' +
          "without a default, set per stack with `pulumi config set --secret`), never the secret itself: the document is kept in version control",
        expect.stringMatching(
          /^c\.yaml:9: pushCredentials\.web\.secret: uses secret parameter "fcmSecret".*`pulumi config set --secret fcmSecret <value>`$/,
        ),
      ]);
      // No message quotes a secret's value.
      expect(found.join("\n")).not.toContain("literal-server-key");
      expect(found.join("\n")).not.toContain("not-a-secret-to-keep");
    });

    test("a custom hint is told which parameters are secret", () => {
      const hinted: Array<[string, boolean]> = [];
      checkSpec(SECRETS, { missingParameterHint: (name, secret) => (hinted.push([name, secret]), "set it") });
      expect(hinted).toEqual([
        ["apnCertificate", true],
        ["fcmSecret", true],
      ]);
    });

    test("with every secret given by the stack, the document resolves", () => {
      const pem = (label: string) => `-----BEGIN ${label}-----\nMII\n-----END ${label}-----`;
      const doc = SECRETS.replace("  apnPrivateKey: {default: not-a-secret-to-keep}\n", "  apnPrivateKey: {}\n").replace(
        "  android: {type: fcm, secret: literal-server-key}\n",
        "",
      );
      const values: Record<string, string> = { apnCertificate: pem("CERTIFICATE"), apnPrivateKey: pem("PRIVATE KEY"), fcmSecret: "key" };
      const result = checkSpec(doc, { parameters: values });
      expect(result.issues).toEqual([]);
      expect(result.resolved!.entries.find((e) => e.key === "ios")!.fields).toEqual({
        type: "apn",
        certificate: values.apnCertificate,
        privateKey: values.apnPrivateKey,
      });
    });
  });
});
