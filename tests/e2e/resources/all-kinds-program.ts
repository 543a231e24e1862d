import { randomUUID } from "node:crypto";

import * as tc from "pulumi-twilio-conversations";

/** The FCM server keys versions 1 and 2 declare: values no one else uses, so finding one anywhere means it leaked. */
export const FCM_KEYS = [`fcm-e2e-${randomUUID()}`, `fcm-e2e-${randomUUID()}`] as const;

/**
 * One program with every resource kind (two conversations, so "identical per kind" compares two
 * resources). Each version changes something:
 * - 1: the starting point;
 * - 2: an in-place update of every kind that has one (all but ConversationService, which Twilio
 *   cannot update), the second conversation untouched;
 * - 3: the service renamed, which replaces it and, through `chatServiceSid`, its role, its
 *   configuration, webhooks, notification settings and conversations; the account configuration,
 *   the bridge and the address configuration follow it.
 *
 * `released`: only the kinds release 0.1.0 had (tests/e2e/engine/old-shim-state.test.ts replays
 * their 0.1.0 state; the kinds added since have none).
 */
export function allKinds(version: 1 | 2 | 3, { released = false }: { released?: boolean } = {}) {
  return () => {
    const service = new tc.ConversationService("support", { friendlyName: version === 3 ? "Support 2" : "Support" });
    const agent = new tc.ServiceRole("agent", {
      chatServiceSid: service.sid,
      friendlyName: "agent",
      type: "conversation",
      permissions: version === 1 ? ["sendMessage", "leaveConversation"] : ["sendMessage", "leaveConversation", "sendMediaMessage"],
    });
    new tc.ServiceConfiguration("support", {
      chatServiceSid: service.sid,
      defaultConversationRoleSid: agent.sid,
      reachabilityEnabled: version === 1,
    });
    new tc.GlobalConfiguration("account", {
      defaultChatServiceSid: service.sid,
      defaultClosedTimer: version === 1 ? "P1D" : "P2D",
    });
    const lobby = new tc.Conversation("lobby", {
      chatServiceSid: service.sid,
      uniqueName: "lobby",
      friendlyName: version === 1 ? "Lobby" : "Lobby 2",
      attributes: { tier: "gold" },
    });
    new tc.Conversation("desk", { chatServiceSid: service.sid, uniqueName: "desk", friendlyName: "Desk" });
    const routing = new tc.OrchestratorConfiguration("routing", {
      displayName: "routing",
      description: `version ${Math.min(version, 2)}`,
      conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
      memoryStoreId: "mem_store_e2e",
      conversationsV1Bridge: { serviceId: service.sid },
    });
    if (!released) {
      new tc.GlobalWebhookConfiguration("account", {
        postWebhookUrl: `https://hooks.example.com/v${Math.min(version, 2)}`,
        filters: ["onMessageAdded", "onConversationUpdated"],
      });
      new tc.ServiceWebhookConfiguration("support", { chatServiceSid: service.sid, method: version === 1 ? "GET" : "POST" });
      new tc.ServiceNotificationConfiguration("support", {
        chatServiceSid: service.sid,
        newMessage: { enabled: true, badgeCountEnabled: version === 1 },
      });
      new tc.AddressConfiguration("sms", {
        type: "sms",
        address: "+15551234567",
        friendlyName: version === 1 ? "Support line" : "Support line 2",
        autoCreation: { enabled: true, type: "default", conversationServiceSid: service.sid },
      });
      // Plain text: the class makes it a Pulumi secret.
      new tc.PushCredential("android", { type: "fcm", friendlyName: "Android", secret: FCM_KEYS[version === 1 ? 0 : 1] });
    }
    return { serviceSid: service.sid, lobbySid: lobby.sid, routingId: routing.configurationId };
  };
}
