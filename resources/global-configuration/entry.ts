/** The account-wide configuration as the conversations setup document writes it: `account`. */
export interface GlobalConfigurationEntry {
  /** The account's default conversation service: a key of `services`, or an IS SID. */
  defaultChatService?: string;
  /** The default messaging service: an MG SID, usually a `${parameter}`. */
  defaultMessagingServiceSid?: string;
  /** Idle time before a conversation becomes inactive: an ISO 8601 duration of at least PT1M. */
  defaultInactiveTimer?: string;
  /** Idle time before a conversation is closed: an ISO 8601 duration of at least PT10M. */
  defaultClosedTimer?: string;
}
