/** One channel's settings in an orchestrator configuration entry. Timeouts are in minutes. */
export interface ChannelSettingEntry {
  statusTimeouts?: { inactive?: number; closed?: number };
  captureRules?: Array<{ from: string; to: string; metadata?: Record<string, string> }>;
}

/** A Conversation Orchestrator (v2) configuration as the conversations setup document writes it: `orchestratorConfigurations.<key>`. */
export interface OrchestratorConfigurationEntry {
  /** 1 to 32 letters, digits, '-', '_' or spaces. */
  displayName: string;
  /** At most 512 characters. */
  description: string;
  /** How messages are grouped into conversations. */
  conversationGroupingType: string;
  /** The memory store conversations use: usually a `${parameter}`. */
  memoryStoreId: string;
  /** Per-channel settings, keyed by channel (VOICE, SMS, RCS, WHATSAPP, CHAT). */
  channelSettings?: Record<string, ChannelSettingEntry>;
  /** At most 2 status callbacks. */
  statusCallbacks?: Array<{ url: string; method?: string }>;
  /** At most 5 intelligence configuration ids. */
  intelligenceConfigurationIds?: string[];
  /** Whether memory extraction is on (default false). */
  memoryExtractionEnabled?: boolean;
  /** Bridges this configuration to a Conversations v1 service: a key of `services`, or an IS SID. */
  conversationsV1Bridge?: { service: string };
}
