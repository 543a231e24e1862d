/**
 * AddressConfiguration and PushCredential under the real Pulumi engine (the CLI, its state backend
 * and the dynamic-provider host it starts): up, a re-run that changes nothing, in-place updates
 * (a rotated FCM key, a removed friendly name with its warning), refresh, destroy. The push
 * credentials' secrets, given as secret stack config (APN) and as a plain string in the program
 * (FCM), must reach no file of the sandbox (the state and its backups hold them encrypted), no
 * log and no CLI output; state holds digests of them, and no secret in any output.
 */
import * as pulumi from "@pulumi/pulumi";
import * as tc from "pulumi-twilio-conversations";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { describeRealEngine, emulatorConfig, type RealStack, Sandbox, uniqueToken } from "./harness";

const pem = (label: string, body: string) => `-----BEGIN ${label}-----\nMII${body}\n-----END ${label}-----`;

describeRealEngine("AddressConfiguration and PushCredential under the real engine", (cli) => {
  const authToken = uniqueToken("collections");
  const fcmKeys = [uniqueToken("fcm-1"), uniqueToken("fcm-2")];
  const certificate = pem("CERTIFICATE", uniqueToken("certificate"));
  const privateKey = pem("RSA PRIVATE KEY", uniqueToken("private-key"));
  let emulator: RunningEmulator;
  let sandbox: Sandbox;
  let stack: RealStack;
  let version = 1;

  const program = async () => {
    const config = new pulumi.Config();
    const service = new tc.ConversationService("support", { friendlyName: "Support" });
    new tc.AddressConfiguration("sms", {
      type: "sms",
      address: "+15551234567",
      friendlyName: version === 1 ? "Support line" : undefined,
      autoCreation: {
        enabled: true,
        type: "webhook",
        conversationServiceSid: service.sid,
        webhookUrl: "https://example.com/inbound",
        webhookFilters: ["onMessageAdded"],
      },
    });
    new tc.PushCredential("ios", {
      type: "apn",
      friendlyName: "iOS",
      certificate: config.requireSecret("apnCertificate"),
      privateKey: config.requireSecret("apnPrivateKey"),
      sandbox: true,
    });
    // A plain string in the program: the class makes it a Pulumi secret.
    new tc.PushCredential("android", { type: "fcm", friendlyName: "Android", secret: fcmKeys[version === 1 ? 0 : 1]! });
    return { serviceSid: service.sid };
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, authToken });
    sandbox = Sandbox.create(cli, "collections");
    sandbox.secrets.push(authToken, ...fcmKeys, certificate, privateKey, ...[certificate, privateKey].map((p) => p.split("\n")[1]!));
    stack = await sandbox.inlineStack({
      project: "collections",
      stack: "dev",
      program,
      config: {
        ...emulatorConfig(emulator),
        apnCertificate: { value: certificate, secret: true },
        apnPrivateKey: { value: privateKey, secret: true },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await emulator?.close();
    sandbox?.dispose();
  });

  const ops = () => Object.fromEntries(stack.steps.map((s) => [s.key, s.op]));
  const credentials = () =>
    (emulator.state() as { v1: { credentials: { friendlyName: string; secretFingerprints: object }[] } }).v1.credentials;

  test("up creates both kinds; a re-run changes nothing (the secrets compare by digest)", async () => {
    await stack.up();
    expect(ops()).toEqual({
      "ConversationService/support": "create",
      "AddressConfiguration/sms": "create",
      "PushCredential/ios": "create",
      "PushCredential/android": "create",
    });
    // The engine creates the two in parallel: compare them by name, not in creation order.
    const byName = credentials().map((c) => [c.friendlyName, Object.keys(c.secretFingerprints).sort()] as const);
    expect(byName.sort(([a], [b]) => a.localeCompare(b))).toEqual([
      ["Android", ["Secret"]],
      ["iOS", ["Certificate", "PrivateKey"]],
    ]);
    await expect(stack.preview({ expectNoChanges: true })).resolves.toMatchObject({ changeSummary: { same: 5 } });
  }, 120_000);

  test("state keeps each secret input encrypted and no secret in any output, only digests", async () => {
    const resources = await stack.resources();
    const android = resources.find((r) => r.urn.endsWith("::android"))!;
    const ios = resources.find((r) => r.urn.endsWith("::ios"))!;
    expect(Object.keys(android.outputs!).sort()).toEqual(
      [
        "__provider",
        "accountSid",
        "dateCreated",
        "dateUpdated",
        "declaredProperties",
        "friendlyName",
        "sandbox",
        "secretDigests",
        "sid",
        "type",
        "url",
      ].sort(),
    );
    // Marked secret (the Automation API's export shows their values; the state file on disk holds ciphertext, see leaks()).
    for (const value of [android.inputs!.secret, ios.inputs!.certificate, ios.inputs!.privateKey, android.outputs!.secretDigests]) {
      expect(value).toMatchObject({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" });
    }
    expect(sandbox.leaks()).toEqual([]);
  }, 120_000);

  test("a rotated FCM key updates in place; a removed friendly name is left as it is, with a warning", async () => {
    version = 2;
    const before = credentials().find((c) => c.friendlyName === "Android")!.secretFingerprints;
    const result = await stack.up();
    expect(ops()).toMatchObject({ "AddressConfiguration/sms": "update", "PushCredential/android": "update", "PushCredential/ios": "same" });
    expect(credentials().find((c) => c.friendlyName === "Android")!.secretFingerprints).not.toEqual(before);
    expect(result.stdout).toMatch(/warning: AddressConfiguration sms "\+15551234567": friendlyName was removed from the program/);
    await expect(stack.preview({ expectNoChanges: true })).resolves.toMatchObject({ changeSummary: { same: 5 } });
  }, 120_000);

  test("refresh finds nothing changed; destroy deletes both kinds; no secret anywhere", async () => {
    const refreshed = await stack.refresh();
    expect(refreshed.summary.resourceChanges).toEqual({ same: 5 });
    await expect(stack.preview({ expectNoChanges: true })).resolves.toBeDefined();
    await stack.destroy();
    expect(emulator.state()).toMatchObject({ v1: { addressConfigurations: [], credentials: [] } });
    expect(sandbox.leaks()).toEqual([]);
  }, 120_000);
});
