import * as pulumi from "@pulumi/pulumi";

import { dynamicResourceArgs } from "../../sdk/dynamic-resource";
import type { DeclaredOutputNames, Exactly, OutputMismatches, Resolved, SameKeys } from "../../sdk/type-checks";
import type { CONVERSATION_STATES, ConversationInputs, ConversationOutputs } from "./schema";

/** The states a conversation can be in: `active` (Twilio's default), `inactive`, `closed` (final) or `initializing`. */
export type ConversationState = "initializing" | "inactive" | "active" | "closed";

/** A {@link Conversation}'s declared timers, as the provider keeps them: ISO 8601 durations. */
export interface ConversationTimers {
  inactive?: string;
  closed?: string;
}

/** A {@link Conversation}'s declared bindings, as the provider keeps them. */
export interface ConversationBindings {
  email?: { address?: string; name?: string };
}

/** Idle timers of a {@link Conversation}: ISO 8601 durations, counted from the moment they are set. */
export interface ConversationTimersArgs {
  /**
   * Idle time after which the conversation becomes `inactive`, as an ISO 8601 duration
   * (`"PT30M"`, `"PT1H"`, `"P1D"`). At least 1 minute. Compared by length, so `"PT60M"` and
   * `"PT1H"` are the same value.
   */
  inactive?: pulumi.Input<string>;
  /**
   * Idle time after which the conversation becomes `closed`, for good, as an ISO 8601 duration.
   * At least 10 minutes. A closed conversation can never be changed or reopened.
   */
  closed?: pulumi.Input<string>;
}

/** The default email sender of a {@link Conversation}. */
export interface ConversationEmailBindingArgs {
  /** The email address outbound email in this conversation is sent from (`support@example.com`). */
  address?: pulumi.Input<string>;
  /** The sender name shown with that address (`"Support"`). */
  name?: pulumi.Input<string>;
}

/** Channel bindings of a {@link Conversation}. */
export interface ConversationBindingsArgs {
  /** The default email sender. */
  email?: pulumi.Input<ConversationEmailBindingArgs>;
}

/** The arguments of a {@link Conversation}. Every field is optional. */
export interface ConversationArgs {
  /**
   * The conversation service (`IS` + 32 hex digits) to create the conversation in. Omitted: the
   * account's default service (`GlobalConfiguration.defaultChatServiceSid`).
   *
   * **Changing it replaces the conversation** (a conversation cannot move between services; its
   * messages and participants stay with the old one, which is deleted after the new one exists).
   * Omitting it never moves it: an omitted service means "wherever it is", so declaring the default
   * service's SID explicitly later, or the account's default moving to another service, replaces
   * nothing; removing a declared one leaves the conversation where it is, with a warning.
   */
  chatServiceSid?: pulumi.Input<string>;
  /**
   * An application-defined name, unique within the service, that Twilio accepts in place of the
   * SID in URLs. 1 to 256 characters, and not shaped like a SID (two capital letters and 32 hex
   * digits, which Twilio refuses). Changes in place. Removing it clears it (`UniqueName=`).
   *
   * Unique names are unique per service, so a replacement because of a new `chatServiceSid`
   * creates the new conversation first. Only a replacement forced in the same service with the
   * same unique name (`replaceOnChanges`, `pulumi up --target-replace`) deletes the old one first,
   * since two cannot hold the name at once there.
   */
  uniqueName?: pulumi.Input<string>;
  /**
   * A human-readable name, at most 256 characters. Changes in place. Twilio cannot clear a friendly
   * name (it ignores an empty one), so removing it leaves the current name, with a warning.
   */
  friendlyName?: pulumi.Input<string>;
  /**
   * Free-form JSON data: an object, or a string holding JSON. At most 16 KB of JSON text. Compared
   * as data, so key order and whitespace never show as a change. Removing it resets it to `{}`.
   */
  attributes?: pulumi.Input<string | Record<string, unknown>>;
  /**
   * The messaging service (`MG` + 32 hex digits) that carries SMS and WhatsApp for this
   * conversation. Omitted: Twilio assigns the account's default messaging service, and that is
   * never shown as a change. Removing it from the program leaves the current one in place (a SID
   * cannot be emptied on Twilio), with a warning.
   */
  messagingServiceSid?: pulumi.Input<string>;
  /**
   * `active` (Twilio's default), `inactive`, `closed` or `initializing`. Omitted: whatever state
   * the conversation is in (timers move it on), never shown as a change.
   *
   * **`closed` is final**: Twilio never updates or reopens a closed conversation, so once this is
   * `closed` (or the closed timer fires), any later change to the conversation fails before
   * anything is sent, with a message saying how to create a new one. Twilio refuses to create a
   * conversation closed (50384), so one declared `closed` is created open, then closed. Removing
   * `state` leaves the state as it is, with a warning.
   */
  state?: pulumi.Input<ConversationState>;
  /**
   * Idle timers. Only for an `active` or `inactive` conversation (Twilio refuses timers with any
   * other state). Twilio counts them from the moment they are sent and reports only the resulting
   * times ({@link Conversation.dateInactive}, {@link Conversation.dateClosed}); the durations are
   * kept as declared, so timer drift is not visible, and a timer is only sent again when its
   * duration changes (so unrelated changes never restart it). Removing one clears it (`PT0S`).
   */
  timers?: pulumi.Input<ConversationTimersArgs>;
  /**
   * Channel bindings (the default email sender). Kept as declared: Twilio's responses are not
   * used to detect drift here. Twilio documents no way to clear a binding, so removing a value
   * leaves it, with a warning.
   */
  bindings?: pulumi.Input<ConversationBindingsArgs>;
  /**
   * Sent as `X-Twilio-Webhook-Enabled` with every create, update and delete of this conversation:
   * `false` keeps them from triggering the service's webhooks. Omitted: the header is not sent
   * (Twilio's default, webhooks fire). Changing it sends nothing by itself.
   */
  webhooksEnabled?: pulumi.Input<boolean>;
  /**
   * Adopt an existing conversation instead of failing when the `uniqueName` is taken. Needs
   * `uniqueName`. On create, a conversation with that unique name in the service is taken over
   * as it is (nothing is deleted) and updated to the declared values; properties the program
   * leaves out are cleared where Twilio can clear them (attributes, timers), as on any update. Default `false`: a taken unique name is an error
   * that names this flag. Only matters on create; changing it later sends nothing.
   *
   * This is the way to bring a conversation made outside Pulumi under management: Pulumi's
   * `import` resource option does not work for dynamic resources (the dynamic-provider host cannot
   * load the provider for an import, pulumi/pulumi#16175).
   */
  adoptExisting?: pulumi.Input<boolean>;
}

/**
 * A Twilio conversation (`/v1/Conversations`, SID `CH...`), in the account's default service or
 * in a named one.
 *
 * ```ts
 * const lobby = new Conversation("lobby", {
 *   chatServiceSid: service.sid,
 *   uniqueName: "lobby",
 *   friendlyName: "Front desk",
 *   attributes: { tier: "gold" },
 *   timers: { inactive: "PT2H", closed: "P2D" },
 * });
 * ```
 *
 * - A property removed from the program does what Twilio can do: the unique name is cleared
 *   (`UniqueName=`), attributes reset to `{}`, timers cleared with `PT0S`; the friendly name,
 *   `chatServiceSid`, `messagingServiceSid`, `state` and the email binding cannot be cleared on
 *   Twilio, so they are left as they are and `pulumi preview` shows a warning naming each
 *   (README.md, "What removing a property does").
 * - Every write is checked against Twilio's answer: a value it did not keep fails the step, naming
 *   the field, the value sent and the value kept, and state keeps what Twilio holds.
 * - Refresh shows changes made outside Pulumi to the names, attributes, messaging service and
 *   state; a conversation deleted outside Pulumi drops out of state and the next `pulumi up`
 *   creates it again.
 * - A create whose response was lost is recovered by looking the conversation up by its
 *   `uniqueName`, so no second one is made. Without a unique name it cannot be looked up: the
 *   error says a conversation may have been created and how to find it. Give conversations a
 *   `uniqueName` where you can.
 * - A failed update is sent once more when its outcome is unknown (a 5xx or a lost response):
 *   it sets absolute values, so a second copy is harmless.
 */
export class Conversation extends pulumi.dynamic.Resource {
  /** The conversation's SID (`CH` + 32 hex digits); also the resource id. */
  declare public readonly sid: pulumi.Output<string>;
  /** The account (`AC...`) the conversation lives in. */
  declare public readonly accountSid: pulumi.Output<string>;
  /** The service the conversation lives in, as Twilio reports it (the default service when none was declared). */
  declare public readonly chatServiceSid: pulumi.Output<string>;
  /** The unique name, as Twilio holds it; undefined when none. */
  declare public readonly uniqueName: pulumi.Output<string | undefined>;
  /** The friendly name, as Twilio holds it; undefined when none. */
  declare public readonly friendlyName: pulumi.Output<string | undefined>;
  /** The attributes as canonical JSON text (keys sorted, no whitespace); `"{}"` when none. */
  declare public readonly attributes: pulumi.Output<string>;
  /** The messaging service, as Twilio holds it (the account's default when none was declared). */
  declare public readonly messagingServiceSid: pulumi.Output<string | undefined>;
  /** The current state: `active`, `inactive`, `closed` or `initializing`. */
  declare public readonly state: pulumi.Output<ConversationState>;
  /** The declared timer durations, as declared (Twilio reports only the resulting times). */
  declare public readonly timers: pulumi.Output<ConversationTimers | undefined>;
  /** The declared bindings, as declared. */
  declare public readonly bindings: pulumi.Output<ConversationBindings | undefined>;
  /** The declared `webhooksEnabled`. */
  declare public readonly webhooksEnabled: pulumi.Output<boolean | undefined>;
  /** The declared `adoptExisting`. */
  declare public readonly adoptExisting: pulumi.Output<boolean | undefined>;
  /** When the inactive timer fires: ISO 8601 UTC, as Twilio reports it; undefined when no timer is set. */
  declare public readonly dateInactive: pulumi.Output<string | undefined>;
  /** When the closed timer fires: ISO 8601 UTC, as Twilio reports it; undefined when no timer is set. */
  declare public readonly dateClosed: pulumi.Output<string | undefined>;
  /** When the conversation was created: ISO 8601 UTC, as Twilio reports it. */
  declare public readonly dateCreated: pulumi.Output<string | undefined>;
  /** When the conversation last changed: ISO 8601 UTC, as Twilio reports it. */
  declare public readonly dateUpdated: pulumi.Output<string | undefined>;
  /** The conversation's absolute API URL. */
  declare public readonly url: pulumi.Output<string | undefined>;

  /**
   * @param name the Pulumi resource name (not sent to Twilio)
   * @param args the conversation's settings; all optional
   * @param opts resource options
   */
  constructor(name: string, args: ConversationArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(...dynamicResourceArgs("Conversation", OUTPUTS, name, args, opts));
  }
}

/** Every output the class declares, passed as an undefined input so the dynamic resource exposes it. */
const OUTPUTS = [
  "sid",
  "accountSid",
  "chatServiceSid",
  "uniqueName",
  "friendlyName",
  "attributes",
  "messagingServiceSid",
  "state",
  "timers",
  "bindings",
  "webhooksEnabled",
  "adoptExisting",
  "dateInactive",
  "dateClosed",
  "dateCreated",
  "dateUpdated",
  "url",
] as const;

// Compile-time checks that the SDK's views of the resource agree with the provider's: Args name
// exactly the inputs and resolve to them, and the class declares exactly what the provider records.
true satisfies SameKeys<ConversationArgs, ConversationInputs>;
({}) as ConversationInputs satisfies Resolved<ConversationArgs>;
true satisfies Exactly<(typeof OUTPUTS)[number], DeclaredOutputNames<Conversation>>;
// `declaredProperties` is the provider's own bookkeeping (what refresh may claim as inputs), not for users.
true satisfies Exactly<OutputMismatches<Conversation, Omit<ConversationOutputs, "declaredProperties">>, never>;
true satisfies Exactly<(typeof CONVERSATION_STATES)[number], ConversationState>;

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

/** A `conversations.<key>` entry of the conversations setup document. */
export type SpecConversation = ConversationEntry;

// Its place in the document, merged into the document's type (see sdk/spec/document.ts).
declare module "../../sdk/spec/document" {
  interface SpecDocument {
    /** Conversations, by key. */
    conversations?: Record<string, SpecConversation>;
  }
}
