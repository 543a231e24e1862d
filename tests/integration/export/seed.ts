/**
 * Seeds an emulated account with a realistic setup, straight through the API (no Pulumi): the
 * account configuration, two services with roles and configuration beside the default service,
 * 50 conversations (40 with unique names) and 5 orchestrator configurations.
 */
import type { RunningEmulator } from "../../../emulator";
import { resolveSettings } from "../../../provider/config";
import { TwilioClient } from "../../../provider/http/client";

export const SEED_MG_DEFAULT = `MG${"a1".repeat(16)}`;
export const SEED_MG_SALES = `MG${"b2".repeat(16)}`;

/** A client for the emulator, built from the same settings the provider and the CLI use. */
export function clientFor(emulator: RunningEmulator): TwilioClient {
  return new TwilioClient(
    resolveSettings(undefined, {
      TWILIO_ACCOUNT_SID: emulator.accountSid,
      TWILIO_AUTH_TOKEN: emulator.authToken,
      TWILIO_CONVERSATIONS_BASE_URL: emulator.url,
    }),
  );
}

type Json = Record<string, any>;

/** What the seed created, for assertions. */
export interface Seeded {
  defaultServiceSid: string;
  supportSid: string;
  salesSid: string;
}

export async function seedAccount(emulator: RunningEmulator): Promise<Seeded> {
  const client = clientFor(emulator);
  const post = async (path: string, form: Json) => (await client.request<Json>({ method: "POST", path, form })).data;
  const get = async (path: string) => (await client.request<Json>({ method: "GET", path })).data;

  const defaultServiceSid: string = (await get("/v1/Configuration")).default_chat_service_sid;
  const supportSid: string = (await post("/v1/Services", { FriendlyName: "Customer Support" })).sid;
  const salesSid: string = (await post("/v1/Services", { FriendlyName: "Sales" })).sid;

  const role = async (service: string, name: string, type: string, permissions: string[]) =>
    (await post(`/v1/Services/${service}/Roles`, { FriendlyName: name, Type: type, Permission: permissions })).sid as string;
  const agent = await role(supportSid, "agent", "conversation", ["sendMessage", "leaveConversation", "addParticipant"]);
  await role(supportSid, "supervisor", "conversation", ["sendMessage", "removeParticipant", "editAnyMessage"]);
  const member = await role(supportSid, "member", "service", ["joinConversation", "createConversation"]);
  const rep = await role(salesSid, "sales rep", "conversation", ["sendMessage", "sendMediaMessage"]);

  // A default role with permissions of our own.
  const supportRoles: Json[] = (await get(`/v1/Services/${supportSid}/Roles`)).roles;
  const channelUser = supportRoles.find((r) => r.friendly_name === "channel user")!;
  await post(`/v1/Services/${supportSid}/Roles/${channelUser.sid}`, { Permission: ["sendMessage", "leaveConversation"] });

  await post(`/v1/Services/${supportSid}/Configuration`, {
    DefaultConversationCreatorRoleSid: agent,
    DefaultConversationRoleSid: channelUser.sid,
    DefaultChatServiceRoleSid: member,
    ReachabilityEnabled: true,
  });
  await post(`/v1/Services/${salesSid}/Configuration`, { DefaultConversationRoleSid: rep });
  await post("/v1/Configuration", { DefaultMessagingServiceSid: SEED_MG_DEFAULT, DefaultInactiveTimer: "PT2H", DefaultClosedTimer: "P3D" });

  // 50 conversations: 10 in the default service, 25 in support, 15 in sales; 10 without unique names.
  const conversation = (service: string | undefined, form: Json) =>
    post(service ? `/v1/Services/${service}/Conversations` : "/v1/Conversations", form);
  for (let i = 1; i <= 10; i++) {
    await conversation(undefined, {
      UniqueName: `lobby-${String(i).padStart(2, "0")}`,
      FriendlyName: `Lobby ${i}`,
      Attributes: JSON.stringify({ floor: i }),
    });
  }
  for (let i = 1; i <= 20; i++) {
    await conversation(supportSid, {
      UniqueName: `ticket-${1000 + i}`,
      FriendlyName: `Ticket ${1000 + i}`,
      Attributes: JSON.stringify({ priority: i % 3 === 0 ? "high" : "normal", tags: ["support", `t${i}`] }),
      ...(i % 5 === 0 ? { State: "inactive" } : {}),
    });
  }
  await conversation(supportSid, {
    UniqueName: "triage",
    FriendlyName: "Triage ${team}",
    "Bindings.Email.Address": "triage@example.com",
    "Bindings.Email.Name": "Triage",
  });
  await conversation(supportSid, { UniqueName: "vip lounge", FriendlyName: "VIP" });
  // Twilio refuses a conversation created closed (50384): create it, then close it.
  const archive = await conversation(supportSid, { UniqueName: "archive-2023" });
  await post(`/v1/Services/${supportSid}/Conversations/${archive.sid}`, { State: "closed" });
  for (let i = 1; i <= 2; i++) await conversation(supportSid, { FriendlyName: `walk-in ${i}` });
  await conversation(salesSid, { UniqueName: "triage", FriendlyName: "Sales triage", MessagingServiceSid: SEED_MG_SALES });
  for (let i = 1; i <= 6; i++) {
    await conversation(salesSid, { UniqueName: `deal-${i}`, FriendlyName: `Deal ${i}`, MessagingServiceSid: SEED_MG_SALES });
  }
  for (let i = 1; i <= 8; i++) await conversation(salesSid, { FriendlyName: `lead ${i}` });

  // 5 orchestrator configurations (v2: accepted, applied when their operation completes).
  const configuration = (body: Json) =>
    client.request({ method: "POST", path: "/v2/ControlPlane/Configurations", json: body, idempotencyKey: crypto.randomUUID() });
  await configuration({
    displayName: "support routing",
    description: "Support, grouped by profile",
    conversationGroupingType: "GROUP_BY_PROFILE",
    memoryStoreId: "mem_store_support",
    channelSettings: {
      SMS: { statusTimeouts: { inactive: 60, closed: 1440 } },
      WHATSAPP: { captureRules: [{ from: "*", to: "+15550001111", metadata: { team: "support" } }] },
    },
    statusCallbacks: [{ url: "https://hooks.example.com/support/status" }, { url: "https://hooks.example.com/audit", method: "GET" }],
    intelligenceConfigurationIds: ["intelligence_config_1"],
    memoryExtractionEnabled: true,
    conversationsV1Bridge: { serviceId: supportSid },
  });
  await configuration({
    displayName: "sales routing",
    description: "Sales, by address",
    conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
    memoryStoreId: "mem_store_sales",
    statusCallbacks: [{ url: "https://hooks.example.com/support/status" }],
    conversationsV1Bridge: { serviceId: salesSid },
  });
  await configuration({
    displayName: "lobby",
    description: "Lobby",
    conversationGroupingType: "GROUP_BY_PROFILE",
    memoryStoreId: "mem_store_support",
    conversationsV1Bridge: { serviceId: defaultServiceSid },
  });
  await configuration({
    displayName: "experiments",
    description: "A",
    conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE",
    memoryStoreId: "mem_store_sales",
  });
  await configuration({
    displayName: "experiments",
    description: "B",
    conversationGroupingType: "GROUP_BY_PROFILE",
    memoryStoreId: "mem_store_lab",
    channelSettings: { CHAT: {} },
  });
  await untilConfigurations(client, 5);
  return { defaultServiceSid, supportSid, salesSid };
}

/** Waits (bounded) until the account lists `count` orchestrator configurations: v2 writes apply when their operation completes. */
export async function untilConfigurations(client: TwilioClient, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const listed = (await client.request<Json>({ method: "GET", path: "/v2/ControlPlane/Configurations" })).data
      .configurations as unknown[];
    if (listed.length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the emulator never listed ${count} orchestrator configurations`);
}
