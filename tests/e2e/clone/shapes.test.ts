/**
 * Cloning round-trips for the accounts users really have (issue 12): the default service changed
 * to a custom one, Twilio's auto-created default service deleted, two services of the same name,
 * a service's default roles replaced by roles of its own, Twilio's default roles deleted. For each: export A, apply to an empty B through the
 * root program (program/index.ts) and the engine stand-in, export B: equal documents; a second
 * `up` sends no writing request to B.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { exportAccount, formatSpec } from "../../../cli/export";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import type { TwilioClient } from "../../../provider/http/client";
import type { SpecDocument } from "../../../sdk/spec/document";
import { clientFor } from "../../integration/export/seed";
import { engineFor, notSame } from "./harness";
import program = require("../../../program/index");

// Two `up` runs per shape through the real dynamic-provider host.
jest.setTimeout(300_000);

let a: RunningEmulator;
let b: RunningEmulator;
let dir: string;
beforeAll(async () => {
  a = await startEmulator({ port: 0, accountSid: `AC${"a1".repeat(16)}` });
  b = await startEmulator({ port: 0, accountSid: `AC${"b2".repeat(16)}` });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "clone-shapes-"));
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  a.reset();
  b.reset();
});

type Json = Record<string, any>;
const post = async (client: TwilioClient, path: string, form: Json) => (await client.request<Json>({ method: "POST", path, form })).data;
const get = async (client: TwilioClient, path: string) => (await client.request<Json>({ method: "GET", path })).data;
const service = async (client: TwilioClient, name: string) => (await post(client, "/v1/Services", { FriendlyName: name })).sid as string;
const conversation = (client: TwilioClient, serviceSid: string, uniqueName: string) =>
  post(client, `/v1/Services/${serviceSid}/Conversations`, { UniqueName: uniqueName, FriendlyName: uniqueName });

/** Export A, apply to B, export B, apply again: the two documents, the first run, and B's writes in the second. */
async function roundTrip(
  shape: string,
): Promise<{ exportedA: SpecDocument; exportedB: SpecDocument; created: string[]; secondWrites: unknown[] }> {
  const exportedA = await exportAccount(clientFor(a));
  const specFile = path.join(dir, `${shape}.yaml`);
  fs.writeFileSync(specFile, formatSpec(exportedA, "yaml"));
  const first = await engineFor(b, dir, { stack: shape, config: { spec: specFile } }).up(program);
  const exportedB = await exportAccount(clientFor(b));
  expect(formatSpec(exportedB, "yaml")).toBe(formatSpec(exportedA, "yaml"));
  b.clearRequests();
  const again = await engineFor(b, dir, { stack: shape, config: { spec: specFile } }).up(program);
  expect(notSame(again)).toEqual([]);
  return { exportedA, exportedB, created: notSame(first), secondWrites: b.requests().filter((r) => r.method !== "GET") };
}

test("the default service changed to a custom one: the custom one is created and made the default; Twilio's is adopted", async () => {
  const client = clientFor(a);
  const autoCreated = (await get(client, "/v1/Configuration")).default_chat_service_sid as string;
  const support = await service(client, "Customer Support");
  await post(client, "/v1/Configuration", { DefaultChatServiceSid: support });
  await conversation(client, support, "queue");
  await conversation(client, autoCreated, "legacy");

  const { exportedA, exportedB, created, secondWrites } = await roundTrip("custom-default");
  expect(exportedA.account?.defaultChatService).toBe("customer-support");
  // Recognised by its name, not by being the default: adopted, never created a second time.
  expect(exportedA.services?.["default-conversations-service"]?.adoptExisting).toBe(true);
  expect(exportedA.services?.["customer-support"]?.adoptExisting).toBeUndefined();
  expect(exportedA.conversations).toEqual({
    legacy: {
      service: "default-conversations-service",
      uniqueName: "legacy",
      friendlyName: "legacy",
      messagingServiceSid: "${messagingServiceSid}",
    },
    queue: { uniqueName: "queue", friendlyName: "queue", messagingServiceSid: "${messagingServiceSid}" },
  });
  expect(exportedB).toEqual(exportedA);
  expect(created).toContain("create conversations/default-conversations-service");
  const stateB = b.state() as {
    v1: { services: Array<{ sid: string; friendlyName: string }>; configuration: { defaultChatServiceSid: string } };
  };
  expect(stateB.v1.services.map((s) => s.friendlyName).sort()).toEqual(["Customer Support", "Default Conversations Service"]);
  expect(stateB.v1.services.find((s) => s.sid === stateB.v1.configuration.defaultChatServiceSid)!.friendlyName).toBe("Customer Support");
  expect(secondWrites).toEqual([]);
});

test("Twilio's default service deleted: left out of the export, and left alone (untouched) in the target", async () => {
  const client = clientFor(a);
  const autoCreated = (await get(client, "/v1/Configuration")).default_chat_service_sid as string;
  const support = await service(client, "Customer Support");
  await post(client, "/v1/Configuration", { DefaultChatServiceSid: support });
  await client.request({ method: "DELETE", path: `/v1/Services/${autoCreated}` });
  await conversation(client, support, "queue");

  const { exportedA, secondWrites } = await roundTrip("default-deleted");
  expect(Object.keys(exportedA.services ?? {})).toEqual(["customer-support"]);
  expect(exportedA.account?.defaultChatService).toBe("customer-support");
  expect(secondWrites).toEqual([]);
});

test("an empty account exports as an empty document (Twilio's own service untouched), and so does its clone", async () => {
  const { exportedA, created, secondWrites } = await roundTrip("empty");
  expect(exportedA.services).toBeUndefined();
  expect(exportedA.account).toEqual({ defaultMessagingServiceSid: "${messagingServiceSid}" });
  expect(created).toEqual(["create conversations/account"]);
  expect(secondWrites).toEqual([]);
});

test("two services of the same name: told apart by what they hold, whatever order B creates them in", async () => {
  const client = clientFor(a);
  const first = await service(client, "Support");
  const second = await service(client, "Support");
  await conversation(client, first, "eu-queue");
  await conversation(client, second, "us-queue");
  await post(client, `/v1/Services/${second}/Roles`, { FriendlyName: "agent", Type: "conversation", Permission: ["sendMessage"] });

  const { exportedA, secondWrites } = await roundTrip("same-name");
  expect(Object.keys(exportedA.services ?? {})).toEqual(["support", "support-2"]);
  const eu = exportedA.conversations!["eu-queue"]!.service!;
  const us = exportedA.conversations!["us-queue"]!.service!;
  expect([eu, us].sort()).toEqual(["support", "support-2"]);
  expect(Object.keys(exportedA.services![us]!.roles!)).toContain("agent");
  expect(Object.keys(exportedA.services![eu]!.roles!)).not.toContain("agent");
  expect(secondWrites).toEqual([]);
});

test("a service's default roles replaced by its own: the configuration names them by key, the target points at its copies", async () => {
  const client = clientFor(a);
  const support = await service(client, "Support");
  const role = async (name: string, type: string, permissions: string[]) =>
    (await post(client, `/v1/Services/${support}/Roles`, { FriendlyName: name, Type: type, Permission: permissions })).sid as string;
  const agent = await role("agent", "conversation", ["sendMessage", "leaveConversation"]);
  const lead = await role("lead", "conversation", ["sendMessage", "addParticipant", "removeParticipant"]);
  const member = await role("member", "service", ["createConversation", "joinConversation"]);
  await post(client, `/v1/Services/${support}/Configuration`, {
    DefaultConversationRoleSid: agent,
    DefaultConversationCreatorRoleSid: lead,
    DefaultChatServiceRoleSid: member,
  });

  const { exportedA, secondWrites } = await roundTrip("default-roles-replaced");
  expect(exportedA.services?.support?.configuration).toEqual({
    defaultConversationCreatorRole: "lead",
    defaultConversationRole: "agent",
    defaultChatServiceRole: "member",
    reachabilityEnabled: false,
  });
  // B's configuration points at B's own copies of the three roles, not at A's SIDs.
  const stateB = b.state() as {
    v1: {
      services: Array<{ sid: string; friendlyName: string; configuration: Json }>;
      roles: Array<{ sid: string; friendlyName: string }>;
    };
  };
  const configurationB = stateB.v1.services.find((x) => x.friendlyName === "Support")!.configuration;
  const nameOf = (sid: string) => stateB.v1.roles.find((r) => r.sid === sid)?.friendlyName;
  expect(
    [
      configurationB.defaultConversationCreatorRoleSid,
      configurationB.defaultConversationRoleSid,
      configurationB.defaultChatServiceRoleSid,
    ].map(nameOf),
  ).toEqual(["lead", "agent", "member"]);
  expect(secondWrites).toEqual([]);
});

test("Twilio's default roles deleted, from a service of one's own and from Twilio's: the target's copies do without them too", async () => {
  const client = clientFor(a);
  const autoCreated = (await get(client, "/v1/Configuration")).default_chat_service_sid as string;
  const support = await service(client, "Support");
  const roleSids = async (serviceSid: string) =>
    Object.fromEntries(
      ((await get(client, `/v1/Services/${serviceSid}/Roles`)).roles as Json[]).map((r) => [r.friendly_name as string, r.sid as string]),
    );
  // The service's configuration points at roles of its own first, then two of Twilio's go.
  const agent = (
    await post(client, `/v1/Services/${support}/Roles`, { FriendlyName: "agent", Type: "conversation", Permission: ["sendMessage"] })
  ).sid as string;
  await post(client, `/v1/Services/${support}/Configuration`, { DefaultConversationCreatorRoleSid: agent });
  const supportRoles = await roleSids(support);
  await client.request({ method: "DELETE", path: `/v1/Services/${support}/Roles/${supportRoles["channel admin"]}` });
  await client.request({ method: "DELETE", path: `/v1/Services/${support}/Roles/${supportRoles["service admin"]}` });
  // Twilio's own service, otherwise untouched, loses one: it is no longer as Twilio made it.
  await client.request({ method: "DELETE", path: `/v1/Services/${autoCreated}/Roles/${(await roleSids(autoCreated))["service admin"]}` });

  const { exportedA } = await roundTrip("default-roles-deleted");
  expect(exportedA.services?.support).toMatchObject({ friendlyName: "Support", withoutDefaultRoles: ["channel admin", "service admin"] });
  expect(Object.keys(exportedA.services?.support?.roles ?? {}).sort()).toEqual(["agent", "channel-user", "service-user"]);
  expect(exportedA.services?.["default-conversations-service"]).toMatchObject({
    adoptExisting: true,
    withoutDefaultRoles: ["service admin"],
  });

  // B's copies lack the same roles.
  const stateB = b.state() as {
    v1: { services: Array<{ sid: string; friendlyName: string }>; roles: Array<{ serviceSid: string; friendlyName: string }> };
  };
  const namesIn = (name: string) => {
    const sid = stateB.v1.services.find((s) => s.friendlyName === name)!.sid;
    return stateB.v1.roles
      .filter((r) => r.serviceSid === sid)
      .map((r) => r.friendlyName)
      .sort();
  };
  expect(namesIn("Support")).toEqual(["agent", "channel user", "service user"]);
  expect(namesIn("Default Conversations Service")).toEqual(["channel admin", "channel user", "service user"]);
});
