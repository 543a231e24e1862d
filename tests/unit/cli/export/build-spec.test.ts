import { buildSpec as buildFromObjects } from "../../../../cli/export/build-spec";
import type { LiveObject } from "../../../../cli/export/read-account";
import { kindNamed } from "../../../../sdk/spec/kinds";

/** An account as these tests describe it: the account configuration, services with what they hold, orchestrator configurations. */
interface AccountSnapshot {
  configuration?: Record<string, unknown>;
  services: Array<{ service: { sid: string }; roles: unknown[]; configuration?: unknown; conversations: unknown[] }>;
  orchestratorConfigurations: unknown[];
}

/** The same account as the live objects the exporter reads, kind by kind. */
function buildSpec(snapshot: AccountSnapshot) {
  const objects: LiveObject[] = [];
  const add = (kind: string, live: unknown, parent?: LiveObject) => {
    const object: LiveObject = { kind: kindNamed(kind), live, ...(parent ? { parent } : {}) };
    objects.push(object);
    return object;
  };
  if (snapshot.configuration) add("GlobalConfiguration", snapshot.configuration);
  for (const s of snapshot.services) {
    const service = add("ConversationService", s.service);
    for (const role of s.roles) add("ServiceRole", role, service);
    if (s.configuration) add("ServiceConfiguration", s.configuration, service);
    for (const conversation of s.conversations) add("Conversation", conversation, service);
  }
  for (const o of snapshot.orchestratorConfigurations) add("OrchestratorConfiguration", o);
  return buildFromObjects({ objects });
}

const sid = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(32, "0")}`;

/** The same setup in an account whose SIDs start at `base`, listed in the given order. */
function account(base: number, reverse: boolean): AccountSnapshot {
  const order = <T>(list: T[]) => (reverse ? [...list].reverse() : list);
  const svc = (n: number, name: string) => ({
    sid: sid("IS", base + n),
    accountSid: sid("AC", base),
    friendlyName: name,
    dateCreated: null,
    dateUpdated: null,
    url: null,
  });
  const role = (n: number, service: number, name: string) => ({
    sid: sid("RL", base + n),
    accountSid: sid("AC", base),
    chatServiceSid: sid("IS", base + service),
    friendlyName: name,
    type: "conversation" as const,
    permissions: ["sendMessage"],
    dateCreated: null,
    dateUpdated: null,
    url: null,
  });
  const conversation = (n: number, service: number, uniqueName: string) => ({
    sid: sid("CH", base + n),
    accountSid: sid("AC", base),
    chatServiceSid: sid("IS", base + service),
    uniqueName,
    attributes: "{}",
    state: "active" as const,
    messagingServiceSid: "MG" + "1".repeat(32),
  });
  return {
    configuration: {
      defaultChatServiceSid: sid("IS", base + 1),
      defaultMessagingServiceSid: "MG" + "1".repeat(32),
      defaultInactiveTimer: null,
      defaultClosedTimer: null,
    },
    services: order([
      {
        service: svc(1, "Default Conversations Service"),
        roles: order([role(10, 1, "channel user")]),
        configuration: {
          defaultConversationCreatorRoleSid: null,
          defaultConversationRoleSid: sid("RL", base + 10),
          defaultChatServiceRoleSid: null,
          reachabilityEnabled: false,
        },
        conversations: [conversation(20, 1, "lobby")],
      },
      // Two services of one name: told apart by what they hold, not by SID or order.
      {
        service: svc(2, "Support"),
        roles: order([role(11, 2, "agent"), role(12, 2, "agent")]),
        conversations: order([conversation(21, 2, "triage")]),
      },
      { service: svc(3, "Support"), roles: [], conversations: [conversation(22, 3, "triage")] },
    ]),
    orchestratorConfigurations: [],
  };
}

describe("buildSpec", () => {
  test("two accounts with the same setup, other SIDs and another order, give the same document", () => {
    const a = buildSpec(account(0x100, false));
    expect(buildSpec(account(0x900, true))).toEqual(a);
    expect(Object.keys(a.services!)).toEqual(["default-conversations-service", "support", "support-2"]);
    // Same names: the service holding less (no roles) sorts first.
    expect(a.services!.support!.roles).toBeUndefined();
    expect(a.services!["support-2"]!.roles).toEqual({
      agent: { friendlyName: "agent", type: "conversation", permissions: ["sendMessage"] },
      "agent-2": { friendlyName: "agent", type: "conversation", permissions: ["sendMessage"] },
    });
    expect(a.services!["default-conversations-service"]).toMatchObject({
      adoptExisting: true,
      roles: { "channel-user": { adoptExisting: true } },
      configuration: { defaultConversationRole: "channel-user", reachabilityEnabled: false },
    });
    // The conversation in the default service names no service; the others name theirs by key.
    expect(a.conversations).toEqual({
      lobby: { uniqueName: "lobby", messagingServiceSid: "${messagingServiceSid}" },
      triage: { service: "support", uniqueName: "triage", messagingServiceSid: "${messagingServiceSid}" },
      "triage-2": { service: "support-2", uniqueName: "triage", messagingServiceSid: "${messagingServiceSid}" },
    });
  });

  test("a SID outside the export stays a SID", () => {
    const snapshot = account(0x100, false);
    snapshot.orchestratorConfigurations.push({
      accountSid: sid("AC", 1),
      configurationId: "conv_configuration_x",
      displayName: "x",
      description: "",
      conversationGroupingType: "GROUP_BY_PROFILE",
      memoryStoreId: "m",
      channelSettings: {},
      statusCallbacks: [],
      intelligenceConfigurationIds: [],
      memoryExtractionEnabled: false,
      conversationsV1Bridge: { serviceId: sid("IS", 0xfff) },
    });
    expect(buildSpec(snapshot).orchestratorConfigurations!.x!.conversationsV1Bridge).toEqual({ service: sid("IS", 0xfff) });
  });
});
