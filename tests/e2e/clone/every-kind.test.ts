/**
 * Cloning an account that uses every kind the registry holds, at once: the seeded account of the
 * export tests (services, roles, configurations, conversations, orchestrator configurations) plus
 * its webhooks, a service's webhooks and push settings, an address configuration and push
 * credentials. Export it, apply the document to an empty account with the secrets set per stack,
 * export that account: equal documents; a second `up` changes nothing. The kinds are read from the
 * registry, so a kind added without a place in this account fails here.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

import { exportAccount, formatSpec } from "../../../cli/export";
import type { RunningEmulator } from "../../../emulator";
import { KINDS } from "../../../resources/registry";
import { entriesOf } from "../../../sdk/spec/kinds";
import { clientFor, seedAccount, untilConfigurations } from "../../integration/export/seed";
import { cloneAccounts, engineFor, notSame } from "./harness";
import program = require("../../../program/index");

// Two `up` runs of ~80 resources through the real dynamic-provider host.
jest.setTimeout(300_000);

const pem = (label: string) => `-----BEGIN ${label}-----\nMII${randomUUID()}\n-----END ${label}-----`;
/** B's secrets, set per stack as the exported parameters ask. */
const SECRETS = { apnCertificate: pem("CERTIFICATE"), apnPrivateKey: pem("PRIVATE KEY"), fcmSecret: `fcm-${randomUUID()}` };

const accounts = cloneAccounts("clone-every-kind-", { operationDelayMs: 5, operationRetryAfterSeconds: 0 });

/** What the seed of the export tests leaves out: the settings and collections added with issue 11. */
async function seedTheRest(account: RunningEmulator, supportSid: string): Promise<void> {
  const client = clientFor(account);
  const post = (p: string, form: Record<string, unknown>) => client.request({ method: "POST", path: p, form: form as never });
  await post("/v1/Configuration/Webhooks", {
    Method: "GET",
    Filters: ["onMessageAdded", "onConversationUpdated"],
    PostWebhookUrl: "https://hooks.example.com/account",
  });
  await post(`/v1/Services/${supportSid}/Configuration/Webhooks`, {
    Method: "POST",
    Filters: ["onParticipantAdded"],
    PreWebhookUrl: "https://hooks.example.com/support/pre",
  });
  await post(`/v1/Services/${supportSid}/Configuration/Notifications`, {
    "NewMessage.Enabled": true,
    "NewMessage.Template": "${PARTICIPANT}: ${MESSAGE}",
    "NewMessage.BadgeCountEnabled": true,
    "AddedToConversation.Enabled": true,
  });
  await post("/v1/Configuration/Addresses", {
    Type: "sms",
    Address: "+15551234567",
    FriendlyName: "Support line",
    AutoCreation: { Enabled: true, Type: "default", ConversationServiceSid: supportSid },
  });
  await post("/v1/Credentials", {
    Type: "apn",
    FriendlyName: "iOS",
    Sandbox: true,
    Certificate: pem("CERTIFICATE"),
    PrivateKey: pem("PRIVATE KEY"),
  });
  await post("/v1/Credentials", { Type: "fcm", FriendlyName: "Android", Secret: `fcm-of-a-${randomUUID()}` });
}

test("an account using every kind: export, apply to an empty one with its secrets, export again: equal; again: no changes", async () => {
  const { supportSid } = await seedAccount(accounts.a);
  await seedTheRest(accounts.a, supportSid);
  const exportedA = await exportAccount(clientFor(accounts.a));
  // Every kind of the registry has an entry in the document.
  const exportedKinds = new Set(entriesOf(exportedA).map((entry) => entry.kind.name));
  expect(KINDS.map((k) => k.name).filter((name) => !exportedKinds.has(name))).toEqual([]);

  const specFile = path.join(accounts.dir, "conversations.yaml");
  fs.writeFileSync(specFile, formatSpec(exportedA, "yaml"));
  const engineB = () => engineFor(accounts.b, accounts.dir, { config: { spec: specFile, ...SECRETS } });

  const first = await engineB().up(program);
  expect(notSame(first).every((s) => s.startsWith("create "))).toBe(true);
  // Every kind was made or taken in charge in B.
  const made = new Set(first.steps.map((s) => s.type.split(":").pop()));
  expect(KINDS.map((k) => k.name).filter((name) => !made.has(name))).toEqual([]);
  await untilConfigurations(clientFor(accounts.b), 5);

  const exportedB = await exportAccount(clientFor(accounts.b));
  expect(exportedB).toEqual(exportedA);
  expect(formatSpec(exportedB, "yaml")).toBe(formatSpec(exportedA, "yaml"));

  const again = await engineB().up(program);
  expect(notSame(again)).toEqual([]);
});
