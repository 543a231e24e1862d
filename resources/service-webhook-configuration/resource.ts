import * as pulumi from "@pulumi/pulumi";

import { dynamicResourceArgs } from "../../sdk/dynamic-resource";
import type { DeclaredOutputNames, Exactly, OutputMismatches, Resolved, SameKeys } from "../../sdk/type-checks";
import type { ServiceWebhookEvent } from "../../sdk/webhook-events";
import type { ServiceWebhookConfigurationInputs, ServiceWebhookConfigurationOutputs } from "./schema";

/**
 * Arguments of a {@link ServiceWebhookConfiguration}. Apart from `chatServiceSid`, every field is
 * optional: only the fields you set are managed, and the others are left as they are (never
 * written, never shown as a diff).
 */
export interface ServiceWebhookConfigurationArgs {
  /**
   * The conversation service whose webhooks these are: a chat service SID, `IS` followed by 32 hex
   * digits (for example a `ConversationService`'s id). Required. Changing it **replaces** the
   * resource: the new service's settings are taken in charge first, then the old service's are
   * put back to their recorded values.
   */
  chatServiceSid: pulumi.Input<string>;
  /**
   * The HTTP method of the webhook requests: `"GET"` or `"POST"` (any case is accepted and sent in
   * capitals). Default: unmanaged (a new service has none).
   */
  method?: pulumi.Input<string>;
  /**
   * The events that fire the service's webhooks, at least one; events not listed do not fire. See
   * `SERVICE_WEBHOOK_EVENTS` (sdk/webhook-events.ts). A set: order and duplicates do not matter. Default: unmanaged
   * (a new service has none). An empty list cannot be sent to Twilio, so it is refused.
   */
  filters?: pulumi.Input<pulumi.Input<ServiceWebhookEvent>[]>;
  /**
   * The absolute `http://` or `https://` URL the service's pre-event webhooks go to. Compared as a
   * URL. Default: unmanaged (a new service has none).
   */
  preWebhookUrl?: pulumi.Input<string>;
  /** The absolute `http://` or `https://` URL the service's post-event webhooks go to. Default: unmanaged (a new service has none). */
  postWebhookUrl?: pulumi.Input<string>;
}

/** Every webhook setting of a service as Twilio holds it; `null` where unset. */
export interface ServiceWebhookConfigurationValues {
  method: string | null;
  filters: ServiceWebhookEvent[] | null;
  preWebhookUrl: string | null;
  postWebhookUrl: string | null;
}

/**
 * One conversation service's webhook settings (`/v1/Services/{chatServiceSid}/Configuration/Webhooks`):
 * the pre- and post-event URLs, the method and the events that fire them. Twilio's per-service
 * webhook guide: where a service has webhooks configured, only they fire for it, not the
 * account's ({@link GlobalWebhookConfiguration}).
 *
 * This is a singleton that exists as long as the service does, so the resource takes charge of it
 * rather than creating it: on create it records every setting as it finds it
 * ({@link ServiceWebhookConfiguration.originalValues}) and then writes only the fields you set.
 * Removing a field from the program puts it back to its recorded value on the next update. Create
 * fails with a clear message when the service does not exist.
 *
 * **Destroy** (and replacement) cannot delete the settings: it puts every managed field back to
 * the value recorded before the first write, then forgets the resource. A new service has no
 * webhook settings at all, and Twilio has no documented way to unset a URL, a method or the
 * filters, so what this resource set on a new service **stays** after destroy, with a warning
 * naming each field; change it in the Twilio Console if it must go. When the service itself is
 * already gone, destroy succeeds. Every write is checked against Twilio's answer.
 *
 * Declare **one ServiceWebhookConfiguration per service**: two undo each other's writes.
 *
 * The id is the chat service SID.
 *
 * @example
 * ```ts
 * const service = new ConversationService("support", { friendlyName: "Support" });
 * new ServiceWebhookConfiguration("support", {
 *   chatServiceSid: service.id,
 *   postWebhookUrl: "https://hooks.example.com/support",
 *   filters: ["onMessageAdded"],
 *   method: "POST",
 * });
 * ```
 */
export class ServiceWebhookConfiguration extends pulumi.dynamic.Resource {
  /** The conversation service (`IS...`) these settings belong to. */
  declare public readonly chatServiceSid: pulumi.Output<string>;
  /** The method (`GET` or `POST`), live; undefined when not managed, null when Twilio has none. */
  declare public readonly method: pulumi.Output<string | null | undefined>;
  /** The filters, live, in Twilio's order; undefined when not managed, null when Twilio has none. */
  declare public readonly filters: pulumi.Output<ServiceWebhookEvent[] | null | undefined>;
  /** The pre-event URL, live; undefined when not managed, null when Twilio has none. */
  declare public readonly preWebhookUrl: pulumi.Output<string | null | undefined>;
  /** The post-event URL, live; undefined when not managed, null when Twilio has none. */
  declare public readonly postWebhookUrl: pulumi.Output<string | null | undefined>;
  /**
   * Every setting as found before this resource first wrote it (`null` where unset). Destroy, and
   * removing a field from the program, put these values back where Twilio can.
   */
  declare public readonly originalValues: pulumi.Output<ServiceWebhookConfigurationValues>;
  /** The account (`AC...`) the service belongs to; updates under other credentials are refused. */
  declare public readonly accountSid: pulumi.Output<string>;
  /** The settings' API URL, as Twilio reports it. */
  declare public readonly url: pulumi.Output<string | null>;

  /**
   * @param name the Pulumi resource name
   * @param args the service, and the settings to manage; omit a field to leave it untouched
   * @param opts Pulumi resource options
   */
  constructor(name: string, args: ServiceWebhookConfigurationArgs, opts?: pulumi.CustomResourceOptions) {
    super(...dynamicResourceArgs("ServiceWebhookConfiguration", OUTPUTS, name, args, opts));
  }
}

/** Every output the class declares, passed as an undefined input so the dynamic resource exposes it. */
const OUTPUTS = ["chatServiceSid", "method", "filters", "preWebhookUrl", "postWebhookUrl", "originalValues", "accountSid", "url"] as const;

// Compile-time checks that the SDK's views of the resource agree with the provider's: Args name
// exactly the inputs and resolve to them, and the class declares exactly what the provider records.
true satisfies SameKeys<ServiceWebhookConfigurationArgs, ServiceWebhookConfigurationInputs>;
({}) as Resolved<ServiceWebhookConfigurationArgs> satisfies ServiceWebhookConfigurationInputs;
true satisfies Exactly<(typeof OUTPUTS)[number], DeclaredOutputNames<ServiceWebhookConfiguration>>;
true satisfies Exactly<OutputMismatches<ServiceWebhookConfiguration, ServiceWebhookConfigurationOutputs>, never>;

/**
 * A service's webhook settings as the conversations setup document writes them:
 * `services.<key>.webhooks`. URLs are usually `${parameter}`s.
 */
export interface ServiceWebhookConfigurationEntry {
  /** The HTTP method of the webhook requests: GET or POST. */
  method?: string;
  /** The events that fire the webhooks (a set; names as in `SERVICE_WEBHOOK_EVENTS` (sdk/webhook-events.ts)). */
  filters?: string[];
  /** The pre-event webhook URL. */
  preWebhookUrl?: string;
  /** The post-event webhook URL. */
  postWebhookUrl?: string;
}

/** A `webhooks` entry of the conversations setup document. */
export type SpecServiceWebhooks = ServiceWebhookConfigurationEntry;

// Its place in the document, merged into its service's entry (see sdk/spec/document.ts).
declare module "../conversation-service/resource" {
  interface SpecService {
    /** The service's webhook settings. */
    webhooks?: SpecServiceWebhooks;
  }
}
