/**
 * The webhook event filters each endpoint accepts, copied from the parameter descriptions of the
 * official v1 spec (/work/shared/twilio-oai/twilio_conversations_v1.json). A value outside the list
 * is Twilio's 50365 "Invalid conversation webhook filter".
 */

/** `AutoCreation.WebhookFilters` of `/v1/Configuration/Addresses`. */
export const ADDRESS_WEBHOOK_FILTERS: readonly string[] = [
  "onMessageAdded",
  "onMessageUpdated",
  "onMessageRemoved",
  "onConversationUpdated",
  "onConversationStateUpdated",
  "onConversationRemoved",
  "onParticipantAdded",
  "onParticipantUpdated",
  "onParticipantRemoved",
  "onDeliveryUpdated",
];

/** `Filters` of the account's `/v1/Configuration/Webhooks`. */
export const ACCOUNT_WEBHOOK_FILTERS: readonly string[] = [
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
  "onUserAdded",
  "onUserUpdate",
  "onUserUpdated",
];

/** `Filters` of `/v1/Services/{IS}/Configuration/Webhooks` (the account list without the user events). */
export const SERVICE_WEBHOOK_FILTERS: readonly string[] = ACCOUNT_WEBHOOK_FILTERS.filter((f) => !f.startsWith("onUser"));
