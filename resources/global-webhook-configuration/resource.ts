import * as pulumi from "@pulumi/pulumi";

import { dynamicResourceArgs } from "../../sdk/dynamic-resource";
import type { DeclaredOutputNames, Exactly, OutputMismatches, Resolved, SameKeys } from "../../sdk/type-checks";
import { SERVICE_WEBHOOK_EVENTS } from "../../sdk/webhook-events";
import type { GlobalWebhookConfigurationInputs, GlobalWebhookConfigurationOutputs } from "./schema";

/**
 * The events the account's webhooks may fire on (`Filters` of `/v1/Configuration/Webhooks`), as
 * the spec lists them: a service's, and the user events.
 */
export const ACCOUNT_WEBHOOK_EVENTS = [...SERVICE_WEBHOOK_EVENTS, "onUserAdded", "onUserUpdate", "onUserUpdated"] as const;

/** An event the account's webhooks may fire on: `onMessageAdded` (post-event), `onMessageAdd` (pre-event), ... */
export type AccountWebhookEvent = (typeof ACCOUNT_WEBHOOK_EVENTS)[number];

/** Where the account's webhooks go (the spec's `configuration_webhook_enum_target`). */
export const WEBHOOK_TARGETS = ["webhook", "flex"] as const;

/** `"webhook"` (your URLs) or `"flex"` (routed inside Twilio Flex). */
export type WebhookTarget = (typeof WEBHOOK_TARGETS)[number];

/**
 * Arguments of a {@link GlobalWebhookConfiguration}. Every field is optional: only the fields you
 * set are managed, and the others are left as they are in the account (never written, never shown
 * as a diff).
 */
export interface GlobalWebhookConfigurationArgs {
  /**
   * The HTTP method of the webhook requests: `"GET"` or `"POST"` (any case is accepted and sent in
   * capitals). Default: unmanaged (a new account has `POST`).
   */
  method?: pulumi.Input<string>;
  /**
   * The events that fire the webhooks, at least one: post-event names (`"onMessageAdded"`,
   * `"onConversationUpdated"`, ...) go to `postWebhookUrl`, pre-event names (`"onMessageAdd"`, ...)
   * to `preWebhookUrl`; see {@link ACCOUNT_WEBHOOK_EVENTS}. A set: order and duplicates do not
   * matter. Default: unmanaged (a new account has none). An empty list cannot be sent to Twilio,
   * so it is refused; remove the property to stop managing it.
   */
  filters?: pulumi.Input<pulumi.Input<AccountWebhookEvent>[]>;
  /**
   * The absolute `http://` or `https://` URL the pre-event webhooks go to (Twilio waits for its
   * answer, which may refuse the action). Compared as a URL (`https://Example.com` equals
   * `https://example.com/`). Default: unmanaged (a new account has none).
   */
  preWebhookUrl?: pulumi.Input<string>;
  /** The absolute `http://` or `https://` URL the post-event webhooks go to. Default: unmanaged (a new account has none). */
  postWebhookUrl?: pulumi.Input<string>;
  /**
   * Where the webhooks are routed: `"webhook"` (to the URLs above) or `"flex"` (inside Twilio Flex).
   * Default: unmanaged (a new account has `"webhook"`).
   */
  target?: pulumi.Input<WebhookTarget>;
}

/** Every setting of the account's webhooks as Twilio holds it; `null` where unset (no filters included). */
export interface GlobalWebhookConfigurationValues {
  method: string | null;
  filters: AccountWebhookEvent[] | null;
  preWebhookUrl: string | null;
  postWebhookUrl: string | null;
  target: WebhookTarget | null;
}

/**
 * The account's Conversations webhook settings (`/v1/Configuration/Webhooks`): the pre- and
 * post-event URLs, the method, the events that fire them (filters) and the target. Services
 * with webhooks of their own ({@link ServiceWebhookConfiguration}) use theirs instead.
 *
 * This is a singleton that always exists, so the resource takes charge of it rather than creating
 * it: on create it records every setting as it finds it
 * ({@link GlobalWebhookConfiguration.originalValues}) and then writes only the fields you set.
 * Removing a field from the program puts that field back to its recorded value on the next update.
 *
 * **Destroy** (and replacement) cannot delete the settings: it puts every field this resource
 * manages back to the value recorded before the first write, then forgets the resource. Twilio has
 * no documented way to unset a webhook URL or to empty the filter list, so a URL or the filters
 * that had no value before are left as they are, with a warning (the same when such a field is
 * removed from the program). Every write is checked against Twilio's answer: a value it did not
 * keep fails the step.
 *
 * Declare **one GlobalWebhookConfiguration per account**: two undo each other's writes.
 *
 * The id is the account SID.
 *
 * @example
 * ```ts
 * new GlobalWebhookConfiguration("webhooks", {
 *   postWebhookUrl: "https://hooks.example.com/conversations",
 *   filters: ["onMessageAdded", "onConversationStateUpdated"],
 *   method: "POST",
 * });
 * ```
 */
export class GlobalWebhookConfiguration extends pulumi.dynamic.Resource {
  /** The method (`GET` or `POST`), live; undefined when not managed. */
  declare public readonly method: pulumi.Output<string | null | undefined>;
  /** The filters, live, in Twilio's order; undefined when not managed, null when Twilio has none. */
  declare public readonly filters: pulumi.Output<AccountWebhookEvent[] | null | undefined>;
  /** The pre-event URL, live; undefined when not managed, null when Twilio has none. */
  declare public readonly preWebhookUrl: pulumi.Output<string | null | undefined>;
  /** The post-event URL, live; undefined when not managed, null when Twilio has none. */
  declare public readonly postWebhookUrl: pulumi.Output<string | null | undefined>;
  /** The target (`webhook` or `flex`), live; undefined when not managed. */
  declare public readonly target: pulumi.Output<WebhookTarget | null | undefined>;
  /**
   * Every setting as found before this resource first wrote it (`null` where unset). Destroy, and
   * removing a field from the program, put these values back.
   */
  declare public readonly originalValues: pulumi.Output<GlobalWebhookConfigurationValues>;
  /** The account (`AC...`); updates under other credentials are refused. */
  declare public readonly accountSid: pulumi.Output<string>;
  /** The settings' API URL, as Twilio reports it. */
  declare public readonly url: pulumi.Output<string | null>;

  /**
   * @param name the Pulumi resource name
   * @param args the settings to manage; omit a field to leave it untouched
   * @param opts Pulumi resource options
   */
  constructor(name: string, args: GlobalWebhookConfigurationArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(...dynamicResourceArgs("GlobalWebhookConfiguration", OUTPUTS, name, args, opts));
  }
}

/** Every output the class declares, passed as an undefined input so the dynamic resource exposes it. */
const OUTPUTS = ["method", "filters", "preWebhookUrl", "postWebhookUrl", "target", "originalValues", "accountSid", "url"] as const;

// Compile-time checks that the SDK's views of the resource agree with the provider's: Args name
// exactly the inputs and resolve to them, and the class declares exactly what the provider records.
true satisfies SameKeys<GlobalWebhookConfigurationArgs, GlobalWebhookConfigurationInputs>;
({}) as Resolved<GlobalWebhookConfigurationArgs> satisfies GlobalWebhookConfigurationInputs;
true satisfies Exactly<(typeof OUTPUTS)[number], DeclaredOutputNames<GlobalWebhookConfiguration>>;
true satisfies Exactly<OutputMismatches<GlobalWebhookConfiguration, GlobalWebhookConfigurationOutputs>, never>;

/**
 * The account's webhook settings as the conversations setup document writes them:
 * `accountWebhooks`. URLs are usually `${parameter}`s (they differ between environments).
 */
export interface GlobalWebhookConfigurationEntry {
  /** The HTTP method of the webhook requests: GET or POST. */
  method?: string;
  /** The events that fire the webhooks (a set; names as in {@link ACCOUNT_WEBHOOK_EVENTS}). */
  filters?: string[];
  /** The pre-event webhook URL. */
  preWebhookUrl?: string;
  /** The post-event webhook URL. */
  postWebhookUrl?: string;
  /** Where the webhooks go: webhook or flex. */
  target?: string;
}

/** An `accountWebhooks` entry of the conversations setup document. */
export type SpecAccountWebhooks = GlobalWebhookConfigurationEntry;

// Its place in the document, merged into the document's type (see sdk/spec/document.ts).
declare module "../../sdk/spec/document" {
  interface SpecDocument {
    /** The account's webhook settings. */
    accountWebhooks?: SpecAccountWebhooks;
  }
}
