/**
 * Cloning address configurations and push credentials: seed account A through the API, export it,
 * apply the document to an empty account B through the root GitOps program (program/index.ts) run
 * by the engine stand-in, export B: equal documents. Addresses, webhook URLs and Studio flows become
 * parameters with A's values as defaults; the credentials' secrets become parameters without one,
 * never exported, which B's stack must set (`pulumi config set --secret`).
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

import { exportAccount, formatSpec } from "../../../cli/export";
import { readAccount } from "../../../cli/export/read-account";
import { comparePlan } from "../../../cli/plan";
import type { RunningEmulator } from "../../../emulator";
import { isSecret } from "../../../engine-standin/secrets";
import { checkSpec } from "../../../sdk/spec/check";
import { clientFor } from "../../integration/export/seed";
import { cloneAccounts, engineFor, notSame } from "./harness";
import program = require("../../../program/index");

jest.setTimeout(120_000);

const FW = `FW${"f1".repeat(16)}`;
const pem = (label: string) => `-----BEGIN ${label}-----\nMII${randomUUID()}\n-----END ${label}-----`;
/** B's secrets: values no one else uses, so finding one anywhere but a secret input means it leaked. */
const SECRETS = { apnCertificate: pem("CERTIFICATE"), apnPrivateKey: pem("PRIVATE KEY"), fcmSecret: `fcm-${randomUUID()}` };

const accounts = cloneAccounts("clone-collections-");

async function seed(account: RunningEmulator): Promise<void> {
  const client = clientFor(account);
  const post = async (p: string, form: Record<string, unknown>) =>
    (await client.request<{ sid: string }>({ method: "POST", path: p, form: form as never })).data;
  const support = (await post("/v1/Services", { FriendlyName: "Support" })).sid;
  await post("/v1/Configuration/Addresses", {
    Type: "sms",
    Address: "+15551234567",
    FriendlyName: "Support line",
    AutoCreation: {
      Enabled: true,
      Type: "webhook",
      ConversationServiceSid: support,
      WebhookUrl: "https://example.com/inbound",
      WebhookMethod: "GET",
      WebhookFilters: ["onParticipantAdded", "onMessageAdded"],
    },
  });
  await post("/v1/Configuration/Addresses", {
    Type: "whatsapp",
    Address: "whatsapp:+15551234567",
    AutoCreation: { Enabled: false, Type: "studio", StudioFlowSid: FW, StudioRetryCount: 2 },
  });
  await post("/v1/Configuration/Addresses", { Type: "email", Address: "help@example.com", AddressCountry: "US" });
  await post("/v1/Credentials", {
    Type: "apn",
    FriendlyName: "iOS",
    Sandbox: true,
    Certificate: pem("CERTIFICATE"),
    PrivateKey: pem("PRIVATE KEY"),
  });
  await post("/v1/Credentials", { Type: "fcm", FriendlyName: "Android", Secret: "a-secret-of-A" });
  // Google shut GCM down in 2019: such a credential is not exported.
  await post("/v1/Credentials", { Type: "gcm", FriendlyName: "Legacy", ApiKey: "legacy" });
}

test("export A, apply to an empty B with its secrets, export B: equal documents; the secrets are never exported nor kept", async () => {
  await seed(accounts.a);
  const exportedA = await exportAccount(clientFor(accounts.a));
  expect(exportedA.parameters).toEqual({
    // The account configuration's, as every account has one.
    messagingServiceSid: expect.any(Object),
    address: { description: "An address (phone number, WhatsApp sender, ...) of this environment", default: "help@example.com" },
    address2: { description: expect.any(String), default: "+15551234567" },
    webhookUrl: {
      description: "A webhook URL (pre- or post-event, auto-creation) of this environment",
      default: "https://example.com/inbound",
    },
    address3: { description: expect.any(String), default: "whatsapp:+15551234567" },
    studioFlowSid: { description: "A Studio flow SID (FW...) of this environment", default: FW },
    apnCertificate: { description: 'The APN certificate (PEM) of push credential "iOS": a secret, set with pulumi config set --secret' },
    apnPrivateKey: { description: 'The APN private key (PEM) of push credential "iOS": a secret, set with pulumi config set --secret' },
    fcmSecret: { description: 'The FCM server key of push credential "Android": a secret, set with pulumi config set --secret' },
  });
  expect(exportedA.addressConfigurations).toEqual({
    "email-help-example-com": {
      type: "email",
      address: "${address}",
      addressCountry: "US",
      autoCreation: { enabled: false, type: "default" },
    },
    "sms-15551234567": {
      type: "sms",
      address: "${address2}",
      friendlyName: "Support line",
      autoCreation: {
        enabled: true,
        type: "webhook",
        service: "support",
        webhookUrl: "${webhookUrl}",
        webhookMethod: "GET",
        webhookFilters: ["onMessageAdded", "onParticipantAdded"],
      },
    },
    "whatsapp-whatsapp-15551234567": {
      type: "whatsapp",
      address: "${address3}",
      autoCreation: { enabled: false, type: "studio", studioFlowSid: "${studioFlowSid}", studioRetryCount: 2 },
    },
  });
  expect(exportedA.pushCredentials).toEqual({
    android: { type: "fcm", friendlyName: "Android", secret: "${fcmSecret}" },
    ios: { type: "apn", friendlyName: "iOS", sandbox: true, certificate: "${apnCertificate}", privateKey: "${apnPrivateKey}" },
  });

  const specFile = path.join(accounts.dir, "conversations.yaml");
  fs.writeFileSync(specFile, formatSpec(exportedA, "yaml"));

  // Without its secrets, B's stack fails before anything is created, naming the command that sets each.
  await expect(engineFor(accounts.b, accounts.dir, { config: { spec: specFile } }).up(program)).rejects.toThrow(
    /pushCredentials\.android\.secret: uses secret parameter "fcmSecret", which has no value for this stack and no default: run `pulumi config set --secret fcmSecret <value> --stack clone`/,
  );
  expect((accounts.b.state() as { v1: { credentials: unknown[] } }).v1.credentials).toEqual([]);

  const engineB = () => engineFor(accounts.b, accounts.dir, { config: { spec: specFile, ...SECRETS } });
  const first = await engineB().up(program);
  expect(notSame(first).every((s) => s.startsWith("create "))).toBe(true);
  const made = (kind: string) => first.steps.filter((s) => s.type.endsWith(`:${kind}`)).map((s) => s.name.split("/").pop());
  expect(made("AddressConfiguration").sort()).toEqual(["email-help-example-com", "sms-15551234567", "whatsapp-whatsapp-15551234567"]);
  expect(made("PushCredential").sort()).toEqual(["android", "ios"]);

  const exportedB = await exportAccount(clientFor(accounts.b));
  expect(exportedB).toEqual(exportedA);
  expect(formatSpec(exportedB, "yaml")).toBe(formatSpec(exportedA, "yaml"));

  const again = await engineB().up(program);
  expect(notSame(again)).toEqual([]);

  // plan agrees: the secrets it cannot read are taken as the document says. From an empty stack,
  // an up would only adopt what the document marks adoptExisting (the service's Twilio-made roles),
  // with nothing to change.
  const { resolved } = checkSpec(fs.readFileSync(specFile, "utf8"), { parameters: SECRETS });
  const plan = await comparePlan(resolved!, await readAccount(clientFor(accounts.b)));
  expect(plan.steps.filter((step) => step.action !== "same" && step.action !== "adopt")).toEqual([]);
  expect(plan.steps.flatMap((step) => step.changes)).toEqual([]);
  expect(plan.differs).toBe(false);
  expect(plan.steps.map((step) => step.path)).toEqual(
    expect.arrayContaining(["pushCredentials.ios", "addressConfigurations.sms-15551234567"]),
  );

  // B's state: the secrets only as secret inputs, never in an output; the document never held them.
  const state = JSON.parse(fs.readFileSync(path.join(accounts.dir, "clone.json"), "utf8")) as {
    resources: { type: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }[];
  };
  for (const r of state.resources) {
    const outputs = JSON.stringify(r.outputs);
    // The unique part of each: a PEM's middle line (JSON escapes its line breaks), the FCM key itself.
    for (const secret of Object.values(SECRETS)) expect(outputs.includes(secret.split("\n")[1] ?? secret)).toBe(false);
  }
  const credentials = state.resources.filter((r) => r.type.endsWith(":PushCredential"));
  expect(
    credentials.flatMap((r) => ["certificate", "privateKey", "secret"].filter((k) => k in r.inputs).map((k) => isSecret(r.inputs[k]))),
  ).toEqual([true, true, true]);
  expect(fs.readFileSync(specFile, "utf8")).not.toContain("MII");
});
