import * as pulumi from "@pulumi/pulumi";

import { dynamicResourceArgs } from "../../sdk/dynamic-resource";
import type { DeclaredOutputNames, Exactly, OutputMismatches, Resolved, SameKeys } from "../../sdk/type-checks";
import type { ServiceNotificationConfigurationInputs, ServiceNotificationConfigurationOutputs } from "./schema";

/** A nested settings type with every leaf optional: the managed part of the settings, as outputs hold it. */
export type Managed<T> = { [K in keyof T]?: T[K] extends object ? Managed<T[K]> : T[K] };

/**
 * One event's push notification settings. Every field is optional: only those you set are
 * managed.
 */
export interface PushEventArgs {
  /** Whether the event sends a push notification. Default: unmanaged (a new service has `false`: no pushes). */
  enabled?: pulumi.Input<boolean>;
  /**
   * The notification's text, a template with Twilio's placeholders (`${CONVERSATION}`,
   * `${PARTICIPANT}`, `${MESSAGE}`, ...; see Twilio's push notification configuration guide), used
   * when `enabled` is `true`; `null` for Twilio's default template. Not blank. Default: unmanaged
   * (a new service uses Twilio's default).
   */
  template?: pulumi.Input<string | null>;
  /** The name of the sound the notification plays; `null` for none of the service's own. Not blank. Default: unmanaged. */
  sound?: pulumi.Input<string | null>;
}

/** The new-message push settings: those of every event, the badge count, and the text of messages with media. */
export interface NewMessagePushArgs extends PushEventArgs {
  /** Whether the app's badge counts unread messages. Default: unmanaged (a new service has `false`). */
  badgeCountEnabled?: pulumi.Input<boolean>;
  /** A message with media (files) attached: whether it sends its own push, and its template. */
  withMedia?: pulumi.Input<{
    /** Whether a message with media sends a push notification. Default: unmanaged (a new service has `false`). */
    enabled?: pulumi.Input<boolean>;
    /** Its template (`${MEDIA_COUNT}`, `${MEDIA}`, ...); `null` for Twilio's default. Not blank. Default: unmanaged. */
    template?: pulumi.Input<string | null>;
  }>;
}

/**
 * Arguments of a {@link ServiceNotificationConfiguration}. Apart from `chatServiceSid`, every field
 * is optional, down to each event's settings: only the settings you set are managed, and the
 * others are left as they are (never written, never shown as a diff).
 */
export interface ServiceNotificationConfigurationArgs {
  /**
   * The conversation service whose push settings these are: a chat service SID, `IS` followed by 32
   * hex digits (for example a `ConversationService`'s id). Required. Changing it **replaces** the
   * resource: the new service's settings are taken in charge first, then the old service's are put
   * back to their recorded values.
   */
  chatServiceSid: pulumi.Input<string>;
  /** Whether Twilio logs the service's push notifications. Default: unmanaged (a new service has `false`). */
  logEnabled?: pulumi.Input<boolean>;
  /** The push sent to a conversation's participants for each new message. */
  newMessage?: pulumi.Input<NewMessagePushArgs>;
  /** The push sent to a participant added to a conversation. */
  addedToConversation?: pulumi.Input<PushEventArgs>;
  /** The push sent to a participant removed from a conversation. */
  removedFromConversation?: pulumi.Input<PushEventArgs>;
}

/** One event's push settings as Twilio holds them; `null` where unset. */
export interface PushEventValues {
  enabled: boolean | null;
  template: string | null;
  sound: string | null;
}

/** The new-message push settings as Twilio holds them; `null` where unset. */
export interface NewMessagePushValues extends PushEventValues {
  badgeCountEnabled: boolean | null;
  withMedia: { enabled: boolean | null; template: string | null };
}

/** Every push setting of a service as Twilio holds it; `null` where unset. */
export interface ServiceNotificationConfigurationValues {
  logEnabled: boolean | null;
  newMessage: NewMessagePushValues;
  addedToConversation: PushEventValues;
  removedFromConversation: PushEventValues;
}

/**
 * One conversation service's push notification settings
 * (`/v1/Services/{chatServiceSid}/Configuration/Notifications`): for each event (a new message, a
 * participant added to or removed from a conversation) whether it sends a push, its template and
 * its sound; the new-message badge count and the push for messages with media; logging. Pushes
 * reach apps through the account's push credentials.
 *
 * This is a singleton that exists as long as the service does, so the resource takes charge of it
 * rather than creating it: on create it records every setting as it finds it
 * ({@link ServiceNotificationConfiguration.originalValues}) and then writes only the settings you
 * set. Removing a setting from the program puts it back to its recorded value on the next update.
 * Create fails with a clear message when the service does not exist.
 *
 * **Destroy** (and replacement) cannot delete the settings: it puts every managed setting back to
 * the value recorded before the first write, then forgets the resource. Where Twilio had no value,
 * a flag goes back to `false` (its documented default) and a template or a sound is cleared (`""`),
 * so that Twilio's default applies again. When the service itself is already gone, destroy
 * succeeds. Every write is checked against Twilio's answer: a value it did not keep fails the step.
 *
 * Declare **one ServiceNotificationConfiguration per service**: two undo each other's writes.
 *
 * The id is the chat service SID.
 *
 * @example
 * ```ts
 * const service = new ConversationService("support", { friendlyName: "Support" });
 * new ServiceNotificationConfiguration("support", {
 *   chatServiceSid: service.id,
 *   newMessage: { enabled: true, template: "${PARTICIPANT}: ${MESSAGE}", badgeCountEnabled: true },
 *   addedToConversation: { enabled: true },
 * });
 * ```
 */
export class ServiceNotificationConfiguration extends pulumi.dynamic.Resource {
  /** The conversation service (`IS...`) these settings belong to. */
  declare public readonly chatServiceSid: pulumi.Output<string>;
  /** Whether pushes are logged, live; undefined when not managed. */
  declare public readonly logEnabled: pulumi.Output<boolean | null | undefined>;
  /** The managed new-message settings with their live values; undefined when none is managed. */
  declare public readonly newMessage: pulumi.Output<Managed<NewMessagePushValues> | undefined>;
  /** The managed added-to-conversation settings with their live values; undefined when none is managed. */
  declare public readonly addedToConversation: pulumi.Output<Managed<PushEventValues> | undefined>;
  /** The managed removed-from-conversation settings with their live values; undefined when none is managed. */
  declare public readonly removedFromConversation: pulumi.Output<Managed<PushEventValues> | undefined>;
  /**
   * Every setting as found before this resource first wrote it (`null` where unset). Destroy, and
   * removing a setting from the program, put these values back.
   */
  declare public readonly originalValues: pulumi.Output<ServiceNotificationConfigurationValues>;
  /** The account (`AC...`) the service belongs to; updates under other credentials are refused. */
  declare public readonly accountSid: pulumi.Output<string>;
  /** The settings' API URL, as Twilio reports it. */
  declare public readonly url: pulumi.Output<string | null>;

  /**
   * @param name the Pulumi resource name
   * @param args the service, and the settings to manage; omit a setting to leave it untouched
   * @param opts Pulumi resource options
   */
  constructor(name: string, args: ServiceNotificationConfigurationArgs, opts?: pulumi.CustomResourceOptions) {
    super(...dynamicResourceArgs("ServiceNotificationConfiguration", OUTPUTS, name, args, opts));
  }
}

/** Every output the class declares, passed as an undefined input so the dynamic resource exposes it. */
const OUTPUTS = [
  "chatServiceSid",
  "logEnabled",
  "newMessage",
  "addedToConversation",
  "removedFromConversation",
  "originalValues",
  "accountSid",
  "url",
] as const;

// Compile-time checks that the SDK's views of the resource agree with the provider's: Args name
// exactly the inputs and resolve to them, and the class declares exactly what the provider records.
true satisfies SameKeys<ServiceNotificationConfigurationArgs, ServiceNotificationConfigurationInputs>;
({}) as Resolved<ServiceNotificationConfigurationArgs> satisfies ServiceNotificationConfigurationInputs;
true satisfies Exactly<(typeof OUTPUTS)[number], DeclaredOutputNames<ServiceNotificationConfiguration>>;
true satisfies Exactly<OutputMismatches<ServiceNotificationConfiguration, ServiceNotificationConfigurationOutputs>, never>;

/** One event's push settings in the conversations setup document. */
export interface PushEventEntry {
  /** Whether the event sends a push notification. */
  enabled?: boolean;
  /** The notification template (`$${CONVERSATION}` writes Twilio's placeholder); null for Twilio's default. */
  template?: string | null;
  /** The sound's name; null for none. */
  sound?: string | null;
}

/**
 * A service's push notification settings as the conversations setup document writes them:
 * `services.<key>.notifications`. In templates, `$${...}` writes Twilio's own placeholders
 * (`${...}` alone is a document parameter).
 */
export interface ServiceNotificationConfigurationEntry {
  /** Whether Twilio logs the service's push notifications. */
  logEnabled?: boolean;
  /** The push for each new message. */
  newMessage?: PushEventEntry & {
    /** Whether the app's badge counts unread messages. */
    badgeCountEnabled?: boolean;
    /** The push for a message with media. */
    withMedia?: { enabled?: boolean; template?: string | null };
  };
  /** The push to a participant added to a conversation. */
  addedToConversation?: PushEventEntry;
  /** The push to a participant removed from a conversation. */
  removedFromConversation?: PushEventEntry;
}

/** A `notifications` entry of the conversations setup document. */
export type SpecServiceNotifications = ServiceNotificationConfigurationEntry;

// Its place in the document, merged into its service's entry (see sdk/spec/document.ts).
declare module "../conversation-service/resource" {
  interface SpecService {
    /** The service's push notification settings. */
    notifications?: SpecServiceNotifications;
  }
}
