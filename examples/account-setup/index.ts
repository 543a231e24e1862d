/**
 * A whole conversation setup for one account: a conversation service with a custom role and its
 * configuration, the account-wide defaults, a standing conversation, and a Conversation
 * Orchestrator (v2) configuration bridged to the service. Values that differ per account come
 * from stack config, so the same program serves every environment.
 *
 * Exported as a function (Pulumi calls it and exports what it returns), so it also runs again and
 * again inside one process: the offline demo applies it several times.
 */
import * as pulumi from "@pulumi/pulumi";
import * as tc from "pulumi-twilio-conversations";

export = async () => {
  const config = new pulumi.Config();
  // Per-account values: a messaging service and a memory store exist outside this program.
  const messagingServiceSid = config.get("messagingServiceSid");
  const memoryStoreId = config.require("memoryStoreId");
  const statusCallbackUrl = config.get("statusCallbackUrl");
  const lobbyName = config.get("lobbyFriendlyName") ?? "Lobby";

  const service = new tc.ConversationService("support", { friendlyName: "Support" });

  const agent = new tc.ServiceRole("agent", {
    chatServiceSid: service.sid,
    friendlyName: "support-agent",
    type: "conversation",
    permissions: ["sendMessage", "sendMediaMessage", "editOwnMessage", "deleteOwnMessage", "leaveConversation"],
  });

  new tc.ServiceConfiguration("support", {
    chatServiceSid: service.sid,
    defaultConversationRoleSid: agent.sid,
    reachabilityEnabled: true,
  });

  new tc.GlobalConfiguration("account", {
    defaultChatServiceSid: service.sid,
    defaultMessagingServiceSid: messagingServiceSid,
    defaultInactiveTimer: "PT1H",
    defaultClosedTimer: "P1D",
  });

  const lobby = new tc.Conversation("lobby", {
    chatServiceSid: service.sid,
    uniqueName: "lobby",
    friendlyName: lobbyName,
    attributes: { purpose: "front desk", tier: "gold" },
    state: "active",
    timers: { inactive: "PT2H", closed: "P2D" },
  });

  const routing = new tc.OrchestratorConfiguration("routing", {
    displayName: "support-routing",
    description: "Groups support conversations by participant address and channel.",
    conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE",
    memoryStoreId,
    channelSettings: {
      SMS: { statusTimeouts: { inactive: 30, closed: 1440 } },
      CHAT: { statusTimeouts: { inactive: 60 } },
    },
    statusCallbacks: statusCallbackUrl ? [{ url: statusCallbackUrl, method: "POST" }] : [],
    conversationsV1Bridge: { serviceId: service.sid },
  });

  return {
    serviceSid: service.sid,
    agentRoleSid: agent.sid,
    lobbySid: lobby.sid,
    orchestratorConfigurationId: routing.configurationId,
  };
};
