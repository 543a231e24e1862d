import * as pulumi from "@pulumi/pulumi";

import { dynamicResourceArgs } from "../../sdk/dynamic-resource";
import type { DeclaredOutputNames, Exactly, OutputMismatches } from "../../sdk/type-checks";
import type {
  CHANNELS,
  GROUPING_TYPES,
  LOGICAL_NAME_KEY,
  OrchestratorConfigurationArgsShape,
  OrchestratorConfigurationInputs,
  OrchestratorConfigurationOutputs,
} from "./schema";

/** A channel a configuration can hold settings for. */
export type OrchestratorChannel = "VOICE" | "SMS" | "RCS" | "WHATSAPP" | "CHAT";

/** How the orchestrator groups messages into conversations. */
export type ConversationGroupingType =
  "GROUP_BY_PROFILE" | "GROUP_BY_PARTICIPANT_ADDRESSES" | "GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE";

/** One channel's settings as the provider records them: timeouts in minutes, empty parts left out. */
export interface OrchestratorChannelSetting {
  statusTimeouts?: { inactive?: number; closed?: number };
  captureRules?: Array<{ from: string; to: string; metadata?: Record<string, string> }>;
}

/** A rule that picks which messages of a channel the orchestrator captures. */
export interface CaptureRuleArgs {
  /** The sender address to match; `*` matches any. */
  from: pulumi.Input<string>;
  /** The recipient address to match; `*` matches any. */
  to: pulumi.Input<string>;
  /** Text metadata attached to captured conversations. Default: none. */
  metadata?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** One channel's settings. */
export interface ChannelSettingArgs {
  /**
   * When a conversation on this channel changes status, in **minutes** (whole numbers, at least 1).
   * `inactive`: minutes without messages before it becomes inactive; `closed`: minutes before it
   * closes. Default: Twilio's.
   */
  statusTimeouts?: pulumi.Input<{ inactive?: pulumi.Input<number>; closed?: pulumi.Input<number> }>;
  /** Which messages to capture, in order. Default: none. */
  captureRules?: pulumi.Input<pulumi.Input<CaptureRuleArgs>[]>;
}

/** A URL Twilio calls when a conversation's status changes. */
export interface StatusCallbackArgs {
  /** An absolute `http://` or `https://` URL. */
  url: pulumi.Input<string>;
  /** `POST` (the default) or `GET`. */
  method?: pulumi.Input<"POST" | "GET">;
}

/**
 * The arguments of {@link OrchestratorConfiguration}. Every property can change in place (the
 * provider sends a full replace); none forces a new configuration. A property removed from the
 * program is cleared on Twilio, not kept.
 */
export interface OrchestratorConfigurationArgs {
  /** Name shown in the Console: 1 to 32 letters, digits, `-`, `_` or spaces. Used in messages. */
  displayName: pulumi.Input<string>;
  /** What the configuration is for; at most 512 characters (may be empty). */
  description: pulumi.Input<string>;
  /** How messages are grouped into conversations. */
  conversationGroupingType: pulumi.Input<ConversationGroupingType>;
  /** The id of the memory store conversations use (non-empty). */
  memoryStoreId: pulumi.Input<string>;
  /**
   * Settings per channel, keyed by `VOICE`, `SMS`, `RCS`, `WHATSAPP` or `CHAT`. Default: none.
   * Key order does not matter; empty `statusTimeouts`, `captureRules` and `metadata` equal absent ones.
   */
  channelSettings?: pulumi.Input<{ [K in OrchestratorChannel]?: pulumi.Input<ChannelSettingArgs> }>;
  /** At most 2 URLs called on status changes. Default: none. */
  statusCallbacks?: pulumi.Input<pulumi.Input<StatusCallbackArgs>[]>;
  /** At most 5 Conversational Intelligence configuration ids. Default: none. */
  intelligenceConfigurationIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Whether memories are extracted from conversations. Default `false`. */
  memoryExtractionEnabled?: pulumi.Input<boolean>;
  /**
   * Bridges a Conversations v1 service (`IS` + 32 lowercase hex) to this configuration. A v1
   * service can be bridged to one configuration only: a second one fails with a conflict that
   * names the first. Default: no bridge.
   */
  conversationsV1Bridge?: pulumi.Input<{ serviceId: pulumi.Input<string> }>;
}

/**
 * A Conversation Orchestrator (v2) configuration. Its writes are asynchronous on Twilio's side:
 * the provider waits for each operation (up to `twilio-conversations:operationTimeout` seconds, default 300).
 * A create or update that is still running at that point is kept in state and finished by the
 * next `pulumi up` (run `pulumi refresh` first to see where it stands).
 *
 * @example
 * ```ts
 * new OrchestratorConfiguration("support", {
 *   displayName: "support-routing",
 *   description: "Routes support traffic",
 *   conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
 *   memoryStoreId: "mem_store_01",
 *   channelSettings: { SMS: { statusTimeouts: { inactive: 30, closed: 1440 } } },
 * });
 * ```
 */
export class OrchestratorConfiguration extends pulumi.dynamic.Resource {
  // `declare`: the base constructor defines these; a class field would reset them to undefined.
  /** The account the configuration lives in. */
  declare public readonly accountSid: pulumi.Output<string>;
  /** `conv_configuration_...`; also the resource id. */
  declare public readonly configurationId: pulumi.Output<string>;
  /** Twilio's version of the configuration; grows by one with each applied change; undefined until the create finished. */
  declare public readonly version: pulumi.Output<number | undefined>;
  /** When the configuration was created (ISO 8601); undefined while its create has not finished. */
  declare public readonly createdAt: pulumi.Output<string | undefined>;
  /** When the configuration last changed (ISO 8601); undefined while its create has not finished. */
  declare public readonly updatedAt: pulumi.Output<string | undefined>;
  /** The display name, as Twilio holds it. */
  declare public readonly displayName: pulumi.Output<string>;
  /** The description, as Twilio holds it. */
  declare public readonly description: pulumi.Output<string>;
  /** The grouping type, as Twilio holds it: a {@link ConversationGroupingType}, or a newer one Twilio added. */
  declare public readonly conversationGroupingType: pulumi.Output<string>;
  /** The memory store id, as Twilio holds it. */
  declare public readonly memoryStoreId: pulumi.Output<string>;
  /** Channel settings, normalised (timeouts in minutes; empty parts left out). `{}` when none. */
  declare public readonly channelSettings: pulumi.Output<Partial<Record<OrchestratorChannel, OrchestratorChannelSetting>>>;
  /** Status callbacks with their method filled in. `[]` when none. */
  declare public readonly statusCallbacks: pulumi.Output<Array<{ url: string; method: "POST" | "GET" }>>;
  /** Intelligence configuration ids. `[]` when none. */
  declare public readonly intelligenceConfigurationIds: pulumi.Output<string[]>;
  /** Whether memory extraction is on. */
  declare public readonly memoryExtractionEnabled: pulumi.Output<boolean>;
  /** The bridged v1 service, when there is one. */
  declare public readonly conversationsV1Bridge: pulumi.Output<{ serviceId: string } | undefined>;

  constructor(name: string, args: OrchestratorConfigurationArgs, opts?: pulumi.CustomResourceOptions) {
    // The logical name scopes the create's Idempotency-Key to this resource, so a crashed create
    // re-run finds its configuration while two resources with identical inputs never share one.
    // Not sent to Twilio and not compared by diff (a renamed stack has nothing to change).
    const internal = { [LOGICAL_NAME]: `${pulumi.getProject()}/${pulumi.getStack()}/${name}` };
    super(...dynamicResourceArgs("OrchestratorConfiguration", OUTPUTS, name, args, opts, internal));
  }
}

/** The input the SDK adds (schema.ts `LOGICAL_NAME_KEY`). */
const LOGICAL_NAME = "__logicalName";

/** Every output the class declares, passed as an undefined input so the dynamic resource exposes it. */
const OUTPUTS = [
  "accountSid",
  "configurationId",
  "version",
  "createdAt",
  "updatedAt",
  "displayName",
  "description",
  "conversationGroupingType",
  "memoryStoreId",
  "channelSettings",
  "statusCallbacks",
  "intelligenceConfigurationIds",
  "memoryExtractionEnabled",
  "conversationsV1Bridge",
] as const;

// Compile-time checks that the SDK's views of the resource agree with the provider's: resolved Args
// are what the schema accepts, the schema's output is a resolved Args, and the class declares
// exactly what the provider records (less the SDK's own logical name).
type Resolved = pulumi.Unwrap<OrchestratorConfigurationArgs>;
((args: Resolved) => args satisfies Omit<OrchestratorConfigurationArgsShape, typeof LOGICAL_NAME_KEY>) satisfies unknown;
((inputs: OrchestratorConfigurationInputs) => inputs satisfies Resolved) satisfies unknown;
true satisfies Exactly<typeof LOGICAL_NAME, typeof LOGICAL_NAME_KEY>;
true satisfies Exactly<(typeof OUTPUTS)[number], DeclaredOutputNames<OrchestratorConfiguration>>;
true satisfies Exactly<OutputMismatches<OrchestratorConfiguration, Omit<OrchestratorConfigurationOutputs, typeof LOGICAL_NAME_KEY>>, never>;
true satisfies Exactly<(typeof CHANNELS)[number], OrchestratorChannel>;
true satisfies Exactly<(typeof GROUPING_TYPES)[number], ConversationGroupingType>;

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

/** An `orchestratorConfigurations.<key>` entry of the conversations setup document. */
export type SpecOrchestratorConfiguration = OrchestratorConfigurationEntry;

// Its place in the document, merged into the document's type (see sdk/spec/document.ts).
declare module "../../sdk/spec/document" {
  interface SpecDocument {
    /** Conversation Orchestrator (v2) configurations, by key. */
    orchestratorConfigurations?: Record<string, SpecOrchestratorConfiguration>;
  }
}
