/**
 * The account's webhooks and each service's webhooks and push notification settings under the real
 * Pulumi engine, against the emulator:
 * - the SDK classes: preview, up, no changes, changes outside Pulumi found by refresh and repaired
 *   by up, a move to another service (the new one taken in charge before the old one is put back),
 *   and destroy, which puts back what it recorded and warns, in the CLI's output, about what Twilio
 *   cannot unset;
 * - cloning: an account that uses them is exported, applied to an empty account by
 *   ConversationsSetup, and exported again: equal documents; a second `up` writes nothing, and
 *   `plan` finds no difference.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import * as tc from "pulumi-twilio-conversations";

import { exportAccount, formatSpec } from "../../../cli/export";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import { clientFor } from "../../integration/export/seed";
import { runCli } from "../../support/run-cli";
import { describeRealEngine, emulatorConfig, Sandbox, uniqueToken } from "./harness";
import { twilioCall } from "./twilio-call";

const HOOK = "https://hooks.example.com";
const TEMPLATE = "${PARTICIPANT} wrote in ${CONVERSATION}: ${MESSAGE}";

interface Dump {
  v1: {
    accountWebhooks: { method: string; filters: string[]; preWebhookUrl: string | null; postWebhookUrl: string | null; target: string };
    services: {
      sid: string;
      friendlyName: string;
      webhooks: { method: string | null; filters: string[] | null; preWebhookUrl: string | null; postWebhookUrl: string | null };
      notifications: {
        logEnabled: boolean;
        newMessage: { enabled: boolean; template: string | null; badgeCountEnabled: boolean };
      };
    }[];
  };
}

describeRealEngine("Automation API: webhook and push notification settings", (cli) => {
  const authToken = uniqueToken("webhooks");
  let source: RunningEmulator;
  let target: RunningEmulator;
  let sandbox: Sandbox;
  const dump = (emulator: RunningEmulator) => emulator.state() as Dump;
  const serviceNamed = (emulator: RunningEmulator, name: string) => dump(emulator).v1.services.find((s) => s.friendlyName === name)!;

  beforeAll(async () => {
    // Different account SIDs, so every SID differs between the two accounts.
    source = await startEmulator({ port: 0, authToken, accountSid: `AC${"5".repeat(32)}` });
    target = await startEmulator({ port: 0, authToken, accountSid: `AC${"7".repeat(32)}` });
    sandbox = Sandbox.create(cli, "webhooks");
    sandbox.secrets.push(authToken);
  });
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
    sandbox?.dispose();
  });

  test("the SDK classes: up, no changes, drift repaired, a move to another service, destroy", async () => {
    let version: 1 | 2 = 1;
    const stack = await sandbox.inlineStack({
      project: "webhooks",
      stack: "e2e",
      config: emulatorConfig(target),
      program: async () => {
        const support = new tc.ConversationService("support", { friendlyName: "Support" });
        const sales = new tc.ConversationService("sales", { friendlyName: "Sales" });
        const service = version === 1 ? support : sales;
        new tc.GlobalWebhookConfiguration("account", {
          method: "get",
          filters: ["onMessageAdded", "onConversationUpdated"],
          postWebhookUrl: `${HOOK}/post`,
        });
        new tc.ServiceWebhookConfiguration("service", {
          chatServiceSid: service.sid,
          preWebhookUrl: `${HOOK}/pre`,
          filters: ["onMessageAdd"],
        });
        new tc.ServiceNotificationConfiguration("service", {
          chatServiceSid: service.sid,
          logEnabled: true,
          newMessage: { enabled: true, template: TEMPLATE, badgeCountEnabled: true },
        });
      },
    });

    const preview = await stack.preview();
    // The stack, two services and the three settings.
    expect(preview.changeSummary).toEqual({ create: 6 });
    const up = await stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 6 });
    expect(dump(target).v1.accountWebhooks).toEqual({
      method: "GET",
      filters: ["onMessageAdded", "onConversationUpdated"],
      preWebhookUrl: null,
      postWebhookUrl: `${HOOK}/post`,
      target: "webhook",
    });
    const support = serviceNamed(target, "Support");
    expect(support.webhooks).toEqual({ method: null, filters: ["onMessageAdd"], preWebhookUrl: `${HOOK}/pre`, postWebhookUrl: null });
    expect(support.notifications).toMatchObject({
      logEnabled: true,
      newMessage: { enabled: true, template: TEMPLATE, badgeCountEnabled: true },
    });
    await stack.preview({ expectNoChanges: true });

    // Outside Pulumi: the account's method and the service's new-message push changed back.
    await twilioCall(target, "POST", "/v1/Configuration/Webhooks", { Method: "POST" });
    await twilioCall(target, "POST", `/v1/Services/${support.sid}/Configuration/Notifications`, { "NewMessage.Enabled": "false" });
    const refresh = await stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 2 });
    const repair = await stack.up();
    expect(repair.summary.resourceChanges).toMatchObject({ update: 2 });
    expect(dump(target).v1.accountWebhooks.method).toBe("GET");
    expect(serviceNamed(target, "Support").notifications.newMessage.enabled).toBe(true);

    // Another service: each service setting is replaced, the new one taken in charge first.
    version = 2;
    const moved = await stack.up();
    expect(moved.summary.resourceChanges).toMatchObject({ replace: 2 });
    const order = stack.steps.map((s) => `${s.op} ${s.key}`);
    for (const key of ["ServiceWebhookConfiguration/service", "ServiceNotificationConfiguration/service"]) {
      expect(order.indexOf(`create-replacement ${key}`)).toBeGreaterThanOrEqual(0);
      expect(order.indexOf(`create-replacement ${key}`)).toBeLessThan(order.indexOf(`delete-replaced ${key}`));
    }
    expect(serviceNamed(target, "Sales").notifications.newMessage).toMatchObject({ enabled: true, template: TEMPLATE });
    // The old service's push settings are back as they were; its webhooks, which it had none of, stay, with a warning.
    expect(serviceNamed(target, "Support").notifications).toMatchObject({
      logEnabled: false,
      newMessage: { enabled: false, template: null, badgeCountEnabled: false },
    });
    expect(serviceNamed(target, "Support").webhooks.preWebhookUrl).toBe(`${HOOK}/pre`);
    expect(sandbox.transcript.join("")).toMatch(/ServiceWebhookConfiguration of chat service IS\w+: preWebhookUrl cannot be put back/);

    const destroy = await stack.destroy();
    expect(destroy.summary.resourceChanges).toMatchObject({ delete: 6 });
    expect(await stack.resources()).toEqual([]);
    // The account's method goes back to POST; its filters and URL, which had no value, stay, and the CLI said so.
    expect(dump(target).v1.accountWebhooks).toMatchObject({ method: "POST", postWebhookUrl: `${HOOK}/post` });
    expect(sandbox.transcript.join("")).toMatch(/GlobalWebhookConfiguration of account AC7{32}: postWebhookUrl cannot be put back/);
  }, 300_000);

  test("clone: export, apply to an empty account, export again: equal documents; nothing more to do", async () => {
    target.reset();
    // The source: account webhooks, a service with both, and the default service's push settings changed.
    await twilioCall(source, "POST", "/v1/Configuration/Webhooks", {
      Method: "GET",
      Filters: ["onMessageAdded", "onConversationStateUpdated"],
      PreWebhookUrl: `${HOOK}/pre`,
      PostWebhookUrl: `${HOOK}/post`,
      Target: "flex",
    });
    const support = String((await twilioCall(source, "POST", "/v1/Services", { FriendlyName: "Customer Support" })).sid);
    await twilioCall(source, "POST", `/v1/Services/${support}/Configuration/Webhooks`, {
      Method: "POST",
      Filters: ["onParticipantAdded"],
      PostWebhookUrl: `${HOOK}/post`,
    });
    await twilioCall(source, "POST", `/v1/Services/${support}/Configuration/Notifications`, {
      LogEnabled: "true",
      "NewMessage.Enabled": "true",
      "NewMessage.Template": TEMPLATE,
      "NewMessage.WithMedia.Enabled": "true",
      "AddedToConversation.Sound": "ring",
    });
    const defaultService = serviceNamed(source, "Default Conversations Service").sid;
    await twilioCall(source, "POST", `/v1/Services/${defaultService}/Configuration/Notifications`, {
      "RemovedFromConversation.Enabled": "true",
    });

    const exported = await exportAccount(clientFor(source), { conversations: "none" });
    // Besides the account's default messaging service: one parameter per distinct webhook URL.
    expect(exported.parameters).toEqual({
      messagingServiceSid: expect.any(Object),
      webhookUrl: { description: expect.any(String), default: `${HOOK}/pre` },
      webhookUrl2: { description: expect.any(String), default: `${HOOK}/post` },
    });
    expect(exported.accountWebhooks).toEqual({
      method: "GET",
      filters: ["onConversationStateUpdated", "onMessageAdded"],
      preWebhookUrl: "${webhookUrl}",
      postWebhookUrl: "${webhookUrl2}",
      target: "flex",
    });
    expect(exported.services!["customer-support"]).toMatchObject({
      webhooks: { method: "POST", filters: ["onParticipantAdded"], postWebhookUrl: "${webhookUrl2}" },
      notifications: {
        logEnabled: true,
        newMessage: { enabled: true, template: "$${PARTICIPANT} wrote in $${CONVERSATION}: $${MESSAGE}", withMedia: { enabled: true } },
        addedToConversation: { sound: "ring" },
      },
    });
    // The default service is in the document because its push settings were changed.
    expect(exported.services!["default-conversations-service"]).toMatchObject({
      adoptExisting: true,
      notifications: { removedFromConversation: { enabled: true } },
    });
    expect(exported.services!["default-conversations-service"]).not.toHaveProperty("webhooks");

    const specFile = path.join(sandbox.dir, "conversations.yaml");
    fs.writeFileSync(specFile, formatSpec(exported, "yaml"));
    const stack = await sandbox.inlineStack({
      project: "clone",
      stack: "target",
      config: emulatorConfig(target),
      program: async () => {
        new tc.ConversationsSetup("clone", { spec: fs.readFileSync(specFile, "utf8"), source: specFile });
      },
    });
    const first = await stack.up();
    expect(first.summary.resourceChanges).toMatchObject({ create: expect.any(Number) });
    expect(await exportAccount(clientFor(target), { conversations: "none" })).toEqual(exported);

    const again = await stack.up();
    expect(Object.keys(again.summary.resourceChanges ?? {})).toEqual(["same"]);
    const plan = await runCli(["plan", specFile, "--conversations", "none"], {
      TWILIO_ACCOUNT_SID: target.accountSid,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_CONVERSATIONS_BASE_URL: target.url,
    });
    expect(plan).toMatchObject({ code: 0 });
  }, 300_000);

  test("no secret in the state, the stack files, PULUMI_HOME or the CLI output", () => {
    expect(sandbox.transcript.length).toBeGreaterThan(0);
    expect(sandbox.leaks()).toEqual([]);
  });
});
