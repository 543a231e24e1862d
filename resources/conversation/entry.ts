/** A conversation as the conversations setup document writes it: `conversations.<key>`. */
export interface ConversationEntry {
  /** The conversation's service: a key of `services`, or an IS SID. Omitted: the account's default service. */
  service?: string;
  /** A name unique in the service, usable in place of the SID. */
  uniqueName?: string;
  /** The conversation's display name. */
  friendlyName?: string;
  /** Free-form JSON data: a mapping, or a string holding a JSON object. */
  attributes?: string | Record<string, unknown>;
  /** The messaging service for SMS and WhatsApp: an MG SID, usually a `${parameter}`. */
  messagingServiceSid?: string;
  /** The conversation's state (default active). */
  state?: string;
  /** Timers, as ISO 8601 durations. */
  timers?: { inactive?: string; closed?: string };
  /** Channel bindings. */
  bindings?: { email?: { address?: string; name?: string } };
}
