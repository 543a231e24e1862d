import * as pulumi from "@pulumi/pulumi";

import { dynamicResourceArgs } from "../../sdk/dynamic-resource";
import type { DeclaredOutputNames, Exactly, OutputMismatches, Resolved, SameKeys } from "../../sdk/type-checks";
import type {
  ADDRESS_TYPES,
  ADDRESS_WEBHOOK_FILTERS,
  AddressConfigurationInputs,
  AddressConfigurationOutputs,
  AUTO_CREATION_TYPES,
} from "./schema";

/** The kinds of address Twilio configures: `sms`, `whatsapp`, `messenger`, `gbm`, `email`, `rcs`, `apple`, `chat`. */
export type AddressType = "sms" | "whatsapp" | "messenger" | "gbm" | "email" | "rcs" | "apple" | "chat";

/** How an inbound message to the address becomes a conversation: `default`, `webhook` or `studio`. */
export type AutoCreationType = "webhook" | "studio" | "default";

/** The events a webhook auto-creation may subscribe the new conversation to. */
export type AddressWebhookFilter =
  | "onMessageAdded"
  | "onMessageUpdated"
  | "onMessageRemoved"
  | "onConversationUpdated"
  | "onConversationStateUpdated"
  | "onConversationRemoved"
  | "onParticipantAdded"
  | "onParticipantUpdated"
  | "onParticipantRemoved"
  | "onDeliveryUpdated";

/**
 * How inbound messages to an {@link AddressConfiguration} auto-create conversations. Every setting
 * is optional and changes in place. Twilio documents no way to clear any of them, so removing one
 * from the program leaves it as it is on Twilio, with a warning in `pulumi preview`.
 */
export interface AddressAutoCreationArgs {
  /** Whether inbound messages auto-create conversations at all. Omitted: as Twilio holds it (UNCONFIRMED default). */
  enabled?: pulumi.Input<boolean>;
  /**
   * `"default"`: a plain conversation in the service; `"webhook"`: also a conversation-scoped webhook
   * to `webhookUrl` (required then); `"studio"`: also a Studio flow, `studioFlowSid` (required then).
   * The webhook settings apply to `"webhook"` only, the Studio ones to `"studio"` only.
   */
  type?: pulumi.Input<AutoCreationType>;
  /**
   * The conversation service (`IS` + 32 hex digits) the conversations are created in, for example a
   * {@link ConversationService}'s `sid`. Omitted: the account's default service (Twilio's rule).
   */
  conversationServiceSid?: pulumi.Input<string>;
  /** For `type: "webhook"`: the absolute http(s) URL Twilio calls. */
  webhookUrl?: pulumi.Input<string>;
  /** For `type: "webhook"`: `"POST"` or `"GET"`, in any case (kept upper case, as Twilio reports it). */
  webhookMethod?: pulumi.Input<string>;
  /**
   * For `type: "webhook"`: the events that call the webhook, at least one. A set: order and
   * duplicates do not matter, and state holds them sorted.
   */
  webhookFilters?: pulumi.Input<pulumi.Input<AddressWebhookFilter>[]>;
  /** For `type: "studio"`: the Studio flow (`FW` + 32 hex digits) Twilio runs. */
  studioFlowSid?: pulumi.Input<string>;
  /** For `type: "studio"`: how many times Twilio retries the flow's webhook, 0 to 3. */
  studioRetryCount?: pulumi.Input<number>;
}

/** The arguments of an {@link AddressConfiguration}. */
export interface AddressConfigurationArgs {
  /** The kind of address. Required. **Changing it replaces the configuration.** */
  type: pulumi.Input<AddressType>;
  /**
   * The address: a phone number in E.164 (`"+15551234567"`), a WhatsApp sender, an email address,
   * ... that belongs to the account. Surrounding spaces are dropped. Required. **Changing it
   * replaces the configuration** (the new one first; Twilio keeps one per address and type).
   */
  address: pulumi.Input<string>;
  /**
   * A human-readable name, 1 to 256 characters. Changes in place. Twilio cannot clear it, so removing
   * it leaves the current name, with a warning.
   */
  friendlyName?: pulumi.Input<string>;
  /**
   * The ISO 3166-1 alpha-2 country the address belongs to (`"US"`; kept upper case): Twilio uses it
   * for short codes only. Set at create only: **changing it replaces the configuration**, deleting
   * the old one first (both would hold the same address); removing it leaves it, with a warning.
   */
  addressCountry?: pulumi.Input<string>;
  /** How inbound messages auto-create conversations. Omitted: as Twilio holds it. */
  autoCreation?: pulumi.Input<AddressAutoCreationArgs>;
  /**
   * Take charge of an existing configuration instead of failing: on create, when the account has
   * one for this `address` and `type`, it becomes this resource and is updated to the declared
   * values (nothing is deleted); when it has none, one is created. Default `false`: an existing one
   * is an error that names this flag. Only the create looks. **An adopted configuration is managed
   * like any other: `pulumi destroy` deletes it.**
   */
  adoptExisting?: pulumi.Input<boolean>;
}

/** The live auto-creation settings, as Twilio reports them (those of the type in use only). */
export interface AddressAutoCreation {
  enabled?: boolean;
  type?: AutoCreationType;
  conversationServiceSid?: string;
  webhookUrl?: string;
  webhookMethod?: "GET" | "POST";
  webhookFilters?: AddressWebhookFilter[];
  studioFlowSid?: string;
  studioRetryCount?: number;
}

/**
 * An address configuration (`/v1/Configuration/Addresses`, SID `IG...`): an address (an SMS number,
 * a WhatsApp sender, ...) whose inbound messages auto-create conversations.
 *
 * ```ts
 * const inbound = new AddressConfiguration("sms", {
 *   type: "sms",
 *   address: "+15551234567",
 *   friendlyName: "Support line",
 *   autoCreation: {
 *     enabled: true,
 *     type: "webhook",
 *     conversationServiceSid: support.sid,
 *     webhookUrl: "https://example.com/conversations",
 *     webhookFilters: ["onMessageAdded"],
 *   },
 * });
 * ```
 *
 * Every write is checked against Twilio's answer. Refresh shows settings changed outside Pulumi;
 * a configuration deleted outside Pulumi drops out of state and the next `pulumi up` creates it
 * again. A create whose response was lost finds the configuration it made (this address and type,
 * created since the request went out) instead of failing on a second one.
 */
export class AddressConfiguration extends pulumi.dynamic.Resource {
  /** The configuration's SID (`IG` + 32 hex digits); also the resource id. */
  declare public readonly sid: pulumi.Output<string>;
  /** The account (`AC...`) the configuration lives in. */
  declare public readonly accountSid: pulumi.Output<string>;
  /** The kind of address. */
  declare public readonly type: pulumi.Output<AddressType>;
  /** The address, as Twilio holds it. */
  declare public readonly address: pulumi.Output<string>;
  /** The friendly name, as Twilio holds it; undefined when none. */
  declare public readonly friendlyName: pulumi.Output<string | undefined>;
  /** The address country (upper case); undefined when none. */
  declare public readonly addressCountry: pulumi.Output<string | undefined>;
  /** The live auto-creation settings. */
  declare public readonly autoCreation: pulumi.Output<AddressAutoCreation>;
  /** The declared `adoptExisting` (Twilio does not know it). */
  declare public readonly adoptExisting: pulumi.Output<boolean | undefined>;
  /** When the configuration was created: ISO 8601 UTC, as Twilio reports it. */
  declare public readonly dateCreated: pulumi.Output<string | undefined>;
  /** When the configuration last changed: ISO 8601 UTC, as Twilio reports it. */
  declare public readonly dateUpdated: pulumi.Output<string | undefined>;
  /** The configuration's absolute API URL. */
  declare public readonly url: pulumi.Output<string | undefined>;

  /**
   * @param name the Pulumi resource name (not sent to Twilio)
   * @param args the address and its settings
   * @param opts resource options
   */
  constructor(name: string, args: AddressConfigurationArgs, opts?: pulumi.CustomResourceOptions) {
    super(...dynamicResourceArgs("AddressConfiguration", OUTPUTS, name, args, opts));
  }
}

/** Every output the class declares, passed as an undefined input so the dynamic resource exposes it. */
const OUTPUTS = [
  "sid",
  "accountSid",
  "type",
  "address",
  "friendlyName",
  "addressCountry",
  "autoCreation",
  "adoptExisting",
  "dateCreated",
  "dateUpdated",
  "url",
] as const;

// Compile-time checks that the SDK's views of the resource agree with the provider's.
true satisfies SameKeys<AddressConfigurationArgs, AddressConfigurationInputs>;
({}) as AddressConfigurationInputs satisfies Resolved<AddressConfigurationArgs>;
true satisfies Exactly<(typeof OUTPUTS)[number], DeclaredOutputNames<AddressConfiguration>>;
// `declaredProperties` is the provider's own bookkeeping (what refresh may claim as inputs), not for users.
true satisfies Exactly<OutputMismatches<AddressConfiguration, Omit<AddressConfigurationOutputs, "declaredProperties">>, never>;
true satisfies Exactly<(typeof ADDRESS_TYPES)[number], AddressType>;
true satisfies Exactly<(typeof AUTO_CREATION_TYPES)[number], AutoCreationType>;
true satisfies Exactly<(typeof ADDRESS_WEBHOOK_FILTERS)[number], AddressWebhookFilter>;

/** An address configuration as the conversations setup document writes it: `addressConfigurations.<key>`. */
export interface AddressConfigurationEntry {
  /** The kind of address. Changing it replaces the configuration. */
  type: string;
  /** The address (a phone number, a WhatsApp sender, ...): usually a `${parameter}`. Changing it replaces the configuration. */
  address: string;
  /** A human-readable name, 1 to 256 characters. */
  friendlyName?: string;
  /** The ISO 3166-1 alpha-2 country of a short code. Changing it replaces the configuration. */
  addressCountry?: string;
  /** How inbound messages auto-create conversations. */
  autoCreation?: {
    enabled?: boolean;
    type?: string;
    /** The service the conversations are created in: a key of `services`, or an IS SID. */
    service?: string;
    webhookUrl?: string;
    webhookMethod?: string;
    webhookFilters?: string[];
    studioFlowSid?: string;
    studioRetryCount?: number;
  };
  /** Take charge of the account's configuration of this address and type instead of creating one. */
  adoptExisting?: boolean;
}

/** An `addressConfigurations.<key>` entry of the conversations setup document. */
export type SpecAddressConfiguration = AddressConfigurationEntry;

// Its place in the document, merged into the document's type (see sdk/spec/document.ts).
declare module "../../sdk/spec/document" {
  interface SpecDocument {
    /** Address configurations (addresses whose inbound messages auto-create conversations), by key. */
    addressConfigurations?: Record<string, SpecAddressConfiguration>;
  }
}
