/**
 * A service's configuration as the conversations setup document writes it:
 * `services.<key>.configuration`. Each role is a key of the service's `roles` or an RL SID;
 * `null` is no default role.
 */
export interface ServiceConfigurationEntry {
  /** The role given to a conversation's creator (a conversation role). */
  defaultConversationCreatorRole?: string | null;
  /** The role given to a conversation's participants (a conversation role). */
  defaultConversationRole?: string | null;
  /** The role given to the service's users (a service role). */
  defaultChatServiceRole?: string | null;
  /** Whether the service reports users' reachability. */
  reachabilityEnabled?: boolean;
}
