/**
 * What Twilio does with a value that is removed, cleared or written in another spelling: the facts
 * the provider's behaviour rests on, each with its source, in one place. docs/twilio-api.md says the
 * same in prose, and README.md's removal table is built from these rules; change all three together.
 *
 * A fact no primary source settles is marked UNCONFIRMED, with the choice made and why.
 */

/**
 * The value that clears a timer (`DefaultInactiveTimer`, `DefaultClosedTimer`, `Timers.Inactive`,
 * `Timers.Closed`). Twilio's support article "Default Inactive Timer in Twilio Conversations
 * Classic" (https://support.twilio.com/hc/en-us/articles/46619837838235) says to send
 * `DefaultInactiveTimer=PT0S` and that "leaving the field blank or using an invalid value may
 * result in errors"; error page 50379 (https://www.twilio.com/docs/api/errors/50379) lists `PT0S`
 * among the valid formats. That the same value clears `DefaultClosedTimer` and a conversation's
 * `Timers.*` is an inference from those two pages (same format, same error family 50379/50380).
 */
export const CLEAR_TIMER = "PT0S";

/**
 * The value that clears a conversation's unique name: `UniqueName=` (empty). Recorded by acceptance
 * tests run against real Twilio (RJPearson94/terraform-provider-twilio,
 * tests/resource_conversations_conversation_test.go).
 */
export const CLEAR_UNIQUE_NAME = "";

/**
 * What a conversation's attributes go back to: `{}`. Twilio's v1 spec (twilio_conversations_v1.json,
 * `Attributes`): "if the attributes are not set "{}" will be returned"; `Attributes=` (empty) is
 * not JSON (50304).
 */
export const RESET_ATTRIBUTES = "{}";

/**
 * A service's Reachability Indicator when nothing was ever set: off. Twilio's v1 spec
 * (`ReachabilityEnabled`): "The default is `false`."
 */
export const DEFAULT_REACHABILITY = false;

/** What removing a property from the program does on Twilio. */
export type Removal =
  /** Twilio can clear it: this value is sent. */
  | { readonly kind: "clear" }
  /** Twilio cannot: the value is left as it is, and a warning says so (`why` completes "it stays, because ..."). */
  | { readonly kind: "keep"; readonly why: string };

/** The properties Twilio cannot clear, with the reason each warning gives. */
export const CANNOT_CLEAR = {
  /**
   * A friendly name. Twilio ignores `FriendlyName=` (empty) on a conversation update and keeps the
   * old name, as acceptance tests against real Twilio record (RJPearson94/terraform-provider-twilio,
   * tests/resource_conversations_conversation_test.go).
   */
  friendlyName: {
    kind: "keep",
    why: "Twilio cannot clear a friendly name (it ignores an empty FriendlyName and keeps the old one)",
  },
  /**
   * A SID field. Twilio's v1 spec gives every SID parameter a pattern and `minLength: 34`
   * (`DefaultChatServiceSid`, `DefaultMessagingServiceSid`, the role SIDs, `MessagingServiceSid`),
   * so `""` is outside the spec: the API has no way to empty one.
   */
  sid: {
    kind: "keep",
    why: "Twilio cannot empty a SID field (the API takes only a 34-character SID there)",
  },
  /** A conversation's service: a conversation cannot move between services, and "no service" is not a value. */
  chatServiceSid: {
    kind: "keep",
    why: "a conversation cannot leave its service (only a new service replaces it, and omitting chatServiceSid never does)",
  },
  /** A conversation's state: `State` has no "unset" value (`initializing|inactive|active|closed`; `State=` is 50374). */
  state: {
    kind: "keep",
    why: "Twilio has no way to unset a conversation's state (State= is refused, code 50374)",
  },
  /**
   * A conversation's email binding (`Bindings.Email.Address`, `Bindings.Email.Name`). UNCONFIRMED:
   * no Twilio document says how to clear one, and the spec reports `bindings` without a shape, so
   * nothing would tell whether an empty value took. Not sending a value of unknown effect is the
   * safe choice; the warning says how to change it instead.
   */
  emailBinding: {
    kind: "keep",
    why: "Twilio documents no way to clear a conversation's email binding",
  },
} as const satisfies Record<string, Removal>;

/** What Twilio can clear. */
export const CLEARABLE: Removal = { kind: "clear" };

/**
 * The warning for a property removed from the program that Twilio cannot clear: names the resource,
 * the property, why, and what it keeps.
 *
 * @param subject `Conversation "lobby"`
 * @param property `friendlyName`
 * @param kept the value Twilio holds (and keeps)
 */
export function keptOnRemoval(subject: string, property: string, removal: { why: string }, kept: unknown): string {
  const value = kept === undefined || kept === null ? "" : ` It stays ${JSON.stringify(kept)}.`;
  return (
    `${subject}: ${property} was removed from the program, but ${removal.why}, so it is left as it is on Twilio.${value} ` +
    `Set ${property} to the value you want to change it; removing it only stops Pulumi from managing it.`
  );
}

/**
 * SIDs as the provider sends them: the two-letter prefix in capitals, the 32 hex digits in lower
 * case. Twilio mints SIDs that way (every SID its API returns, e.g. the examples in
 * https://www.twilio.com/docs/glossary/what-is-a-sid), and a SID in a URL or a parameter names an
 * object by exact text: the emulator, like Twilio's own lookups as far as anyone has recorded
 * (UNCONFIRMED that Twilio's are case-sensitive), finds `IS0A...` only as `IS0a...`. So an
 * upper-case-hex SID is rewritten to the form Twilio returns before it is compared or sent.
 */
export function canonicalSid(prefix: string, text: string): string {
  return prefix + text.slice(prefix.length).toLowerCase();
}

/**
 * The ISO 8601 durations the provider sends for v1 timers: `P[nW][nD][T[nH][nM][n[.n]S]]`, upper
 * case, no spaces. Twilio's examples use `PT1M`, `PT10M`, `P1D` (v1 spec and its states-and-timers
 * guide, https://www.twilio.com/docs/conversations/states-timers) and `PT0S` (above); years and
 * months have no fixed length, and fractions other than of seconds are not in any Twilio example.
 * UNCONFIRMED whether Twilio takes those other ISO 8601 forms; the emulator refuses them (50379),
 * so check refuses them too, with the spelling to use instead.
 */
export const TWILIO_DURATION = /^P(?!$)(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

/**
 * Address configurations (`/v1/Configuration/Addresses`) and push credentials (`/v1/Credentials`):
 * what removing one of their properties does. Twilio documents how to clear none of them, so each
 * is left as it is, with a warning (define.ts `keptOnRemoval`); the friendly names and SIDs follow
 * {@link CANNOT_CLEAR} (that `FriendlyName=` is ignored here too is an inference from conversations).
 */
export const KEPT_ON_REMOVAL = {
  /** `AutoCreation.Enabled` is a boolean with no documented default (the spec gives none): no value means "unset". */
  autoCreationEnabled: {
    kind: "keep",
    why: "Twilio documents no default for AutoCreation.Enabled to go back to (set it to true or false instead)",
  },
  /** `AutoCreation.Type` is one of webhook, studio, default; the spec has no "none". */
  autoCreationType: { kind: "keep", why: "an auto-creation always has a type (webhook, studio or default)" },
  /** `AutoCreation.WebhookMethod` is GET or POST; the spec has no "none". */
  webhookMethod: { kind: "keep", why: "a webhook always has a method (GET or POST)" },
  /**
   * `AutoCreation.WebhookFilters`: UNCONFIRMED how to empty the list (a form cannot carry an empty
   * array; whether an empty `AutoCreation.WebhookFilters=` does it is documented nowhere).
   */
  webhookFilters: { kind: "keep", why: "Twilio documents no way to empty the webhook filters" },
  /** `AutoCreation.StudioRetryCount`: the spec gives no default to go back to. */
  studioRetryCount: { kind: "keep", why: "Twilio documents no default for AutoCreation.StudioRetryCount to go back to" },
  /** `AddressCountry`: the update request of the official v1 spec has no such field (create only). */
  addressCountry: { kind: "keep", why: "Twilio takes AddressCountry at create only (its update has no such field)" },
} as const satisfies Record<string, Removal>;

/**
 * A push credential's APN `Sandbox` when none is sent: `false` (production APNs). The official v1
 * spec's create example sends `Type=apn` alone and answers `"sandbox": "False"`. So a program that
 * leaves `sandbox` out means production, and removing `sandbox: true` sends `Sandbox=false`.
 */
export const DEFAULT_APN_SANDBOX = false;

// Webhook and push notification settings (GlobalWebhookConfiguration, ServiceWebhookConfiguration,
// ServiceNotificationConfiguration): what has no value to go back to when nothing was recorded.

/**
 * What Twilio cannot unset in the webhook settings (`/v1/Configuration/Webhooks`,
 * `/v1/Services/{IS}/Configuration/Webhooks`): a field with no recorded value is left as it is,
 * with a warning. The sources are the official v1 spec (twilio_conversations_v1.json) and the
 * official helper libraries.
 */
export const CANNOT_UNSET_WEBHOOK = {
  /**
   * `PreWebhookUrl`, `PostWebhookUrl`. UNCONFIRMED: no Twilio document says how to unset one. The
   * spec describes each as "the absolute url" the request is sent to (the service's has
   * `format: uri`), so `""` is outside what it describes, and a value of unknown effect is not sent.
   * (RJPearson94/terraform-provider-twilio sends `""` when the attribute is removed, through a
   * generic helper, with no acceptance test that records what Twilio did.)
   */
  url: { kind: "keep", why: "Twilio documents no way to unset a webhook URL (it takes an absolute URL there)" },
  /** `Method`: the spec's enum is `GET` / `POST`, nothing else (a new service reports `null`). */
  method: { kind: "keep", why: "Twilio has no way to unset a webhook method (it takes GET or POST only)" },
  /**
   * `Filters`: a form has no way to send an empty list (twilio-node, like every Twilio helper
   * library, sends nothing at all for `[]`), and every value the spec lists is an event name.
   */
  filters: { kind: "keep", why: "Twilio offers no way to empty the filter list (a form cannot send an empty list)" },
  /** `Target`: the spec's enum is `webhook` / `flex` (`configuration_webhook_enum_target`). */
  target: { kind: "keep", why: "Twilio has no way to unset the webhook target (it takes webhook or flex only)" },
} as const satisfies Record<string, Removal>;

/**
 * What clears a push notification template or sound (`NewMessage.Template`, `...Sound`,
 * `NewMessage.WithMedia.Template`, ...), so that Twilio's default template applies again: `""`.
 * UNCONFIRMED: Twilio documents the default templates (https://www.twilio.com/docs/conversations/push-notification-configuration)
 * but not how to go back to one; RJPearson94/terraform-provider-twilio sends `""` for a removed
 * template or sound, through a helper made for exactly that
 * (`OptionalStringWithEmptyStringOnChange`, resource_conversations_service_notification.go). The
 * spec types them as plain strings, so `""` is within it; write verification fails the step if
 * Twilio keeps the old text.
 */
export const CLEAR_NOTIFICATION_TEXT = "";

/**
 * A push notification flag when nothing was ever set: off. Twilio's v1 spec says "The default is
 * `false`" of `NewMessage.Enabled`, `NewMessage.BadgeCountEnabled`, `NewMessage.WithMedia.Enabled`,
 * `AddedToConversation.Enabled` and `RemovedFromConversation.Enabled`, and the push notification
 * guide: "The default enabled flag for new Service instances for all push notifications is false".
 */
export const DEFAULT_PUSH_FLAG = false;

/** `LogEnabled` has no documented default (the spec says only "Weather the notification logging is enabled"). */
export const CANNOT_UNSET_LOG_ENABLED: Removal = {
  kind: "keep",
  why: "Twilio documents no default for notification logging to go back to",
};

/**
 * The roles Twilio gives every new service: two service roles (`service admin`, `service user`)
 * and two conversation roles (`channel admin`, `channel user`), which the new service's
 * configuration names as its defaults. Twilio's Role resource page ("Roles are scoped to either a
 * Service or a Conversation") and every new service's role list show them; the emulator's
 * emulator/v1/store.ts mirrors them on its own. Twilio makes them only with a new service: a
 * deleted one cannot be had back except as a role of one's own with that name.
 */
export const DEFAULT_ROLE_NAMES = ["channel admin", "channel user", "service admin", "service user"] as const;

/** Whether a role name is one of {@link DEFAULT_ROLE_NAMES}. */
export function isDefaultRoleName(name: string): boolean {
  return (DEFAULT_ROLE_NAMES as readonly string[]).includes(name);
}

/**
 * Deleting a default role: the Role resource's DELETE takes any role of the service. UNCONFIRMED
 * whether Twilio refuses to delete a role its service's configuration still names as a default
 * (no document says); the emulator allows it. The provider deletes them after the service exists
 * and reports Twilio's refusal, if any, with the service kept in state (nothing orphaned).
 */
export const WITHOUT_DEFAULT_ROLE_REMOVAL = {
  kind: "keep",
  why: "Twilio makes default roles only with a new service, so a deleted one cannot be brought back (declare a ServiceRole of that name instead)",
} as const satisfies Removal;
