/**
 * The events Twilio's Conversations webhooks fire on, as the official v1 spec lists them for a
 * service's webhook settings; the account's take these and its own (user events). No zod: the
 * SDK's public declarations read this file.
 */
/**
 * The events a service's webhooks may fire on (`Filters` of
 * `/v1/Services/{ChatServiceSid}/Configuration/Webhooks`), as Twilio's official v1 spec lists them.
 * Names are case-sensitive.
 */
export const SERVICE_WEBHOOK_EVENTS = [
  "onMessageAdded",
  "onMessageUpdated",
  "onMessageRemoved",
  "onMessageAdd",
  "onMessageUpdate",
  "onMessageRemove",
  "onConversationUpdated",
  "onConversationRemoved",
  "onConversationAdd",
  "onConversationAdded",
  "onConversationRemove",
  "onConversationUpdate",
  "onConversationStateUpdated",
  "onParticipantAdded",
  "onParticipantUpdated",
  "onParticipantRemoved",
  "onParticipantAdd",
  "onParticipantRemove",
  "onParticipantUpdate",
  "onDeliveryUpdated",
] as const;

/** An event a service's webhooks may fire on: `onMessageAdded` (post-event), `onMessageAdd` (pre-event), ... */
export type ServiceWebhookEvent = (typeof SERVICE_WEBHOOK_EVENTS)[number];
