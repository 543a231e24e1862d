/**
 * The events Twilio's Conversations webhooks fire on, as the official v1 spec lists them: the
 * account's webhook settings and each service's take them as filters. No zod: the SDK's public
 * declarations read this file.
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

/**
 * The events the account's webhooks may fire on (`Filters` of `/v1/Configuration/Webhooks`), as
 * the spec lists them: a service's, and the user events.
 */
export const ACCOUNT_WEBHOOK_EVENTS = [...SERVICE_WEBHOOK_EVENTS, "onUserAdded", "onUserUpdate", "onUserUpdated"] as const;

/** An event the account's webhooks may fire on: `onMessageAdded` (post-event), `onMessageAdd` (pre-event), ... */
export type AccountWebhookEvent = (typeof ACCOUNT_WEBHOOK_EVENTS)[number];
