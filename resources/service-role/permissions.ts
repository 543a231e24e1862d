/**
 * The permission names a role may hold.
 *
 * Source: Twilio's Role Resource page ("Permission Values"), which lists service-scope and
 * conversation-scope permissions; the official v1 spec only says the values "depend on the
 * role's type". Twilio's own default roles (and code in the wild) also use a few names that page
 * does not list (`addNonChatParticipant`, `editAnyParticipantAttributes`,
 * `editOwnParticipantAttributes`, `editNotificationLevel`); refusing those would make an account's
 * default roles impossible to declare, so they are accepted too.
 *
 * Names are checked against the union, not per type: default roles mix scopes (the "service
 * admin" role carries participant-attribute permissions), and whether Twilio refuses a name of
 * the other scope is UNCONFIRMED. A misspelt name is the mistake worth catching before any request.
 */

/** Documented for roles of type `service`. */
export const SERVICE_SCOPE_PERMISSIONS = [
  "addParticipant",
  "createConversation",
  "deleteAnyMessage",
  "deleteConversation",
  "editAnyMessage",
  "editAnyMessageAttributes",
  "editAnyUserInfo",
  "editConversationAttributes",
  "editConversationName",
  "editOwnMessage",
  "editOwnMessageAttributes",
  "editOwnUserInfo",
  "joinConversation",
  "removeParticipant",
] as const;

/** Documented for roles of type `conversation`. */
export const CONVERSATION_SCOPE_PERMISSIONS = [
  "addParticipant",
  "deleteAnyMessage",
  "deleteOwnMessage",
  "deleteConversation",
  "editAnyMessage",
  "editAnyMessageAttributes",
  "editAnyUserInfo",
  "editConversationAttributes",
  "editConversationName",
  "editOwnMessage",
  "editOwnMessageAttributes",
  "editOwnUserInfo",
  "leaveConversation",
  "removeParticipant",
  "sendMediaMessage",
  "sendMessage",
] as const;

/** Used by Twilio's default roles though not on the Role Resource page. */
export const UNLISTED_DEFAULT_ROLE_PERMISSIONS = [
  "addNonChatParticipant",
  "editAnyParticipantAttributes",
  "editOwnParticipantAttributes",
  "editNotificationLevel",
] as const;

/** Every permission name accepted, sorted. */
export const KNOWN_PERMISSIONS: readonly string[] = [
  ...new Set<string>([...SERVICE_SCOPE_PERMISSIONS, ...CONVERSATION_SCOPE_PERMISSIONS, ...UNLISTED_DEFAULT_ROLE_PERMISSIONS]),
].sort();

const KNOWN = new Set(KNOWN_PERMISSIONS);

export function isKnownPermission(name: string): boolean {
  return KNOWN.has(name);
}

/** A known name differing only in case, for a "did you mean" hint (`sendmessage`). */
export function suggestPermission(name: string): string | undefined {
  const lower = name.toLowerCase();
  return KNOWN_PERMISSIONS.find((p) => p.toLowerCase() === lower);
}
