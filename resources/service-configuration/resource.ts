import * as pulumi from "@pulumi/pulumi";

import { dynamicResourceArgs } from "../../sdk/dynamic-resource";
import type { DeclaredOutputNames, Exactly, OutputMismatches, Resolved, SameKeys } from "../../sdk/type-checks";
import type { ServiceConfigurationInputs, ServiceConfigurationOutputs } from "./schema";

/**
 * Arguments of a {@link ServiceConfiguration}. Apart from `chatServiceSid`, every field is
 * optional: only the fields you set are managed, and the others are left as they are (never
 * written, never shown as a diff).
 */
export interface ServiceConfigurationArgs {
  /**
   * The conversation service whose configuration this is: a chat service SID, `IS` followed by 32
   * hex digits (for example a `ConversationService`'s id). Required. Changing it **replaces** the
   * resource: the new service's configuration is taken over first, then the old service's is put
   * back to its recorded values.
   */
  chatServiceSid: pulumi.Input<string>;
  /**
   * The conversation-scoped role given to whoever creates a conversation: a role SID, `RL` followed
   * by 32 hex digits, of a role of this service. Default: unmanaged (a new service has its "channel
   * admin" role here). Twilio cannot empty it: removing it leaves the role as it is, with a warning.
   */
  defaultConversationCreatorRoleSid?: pulumi.Input<string>;
  /**
   * The conversation-scoped role given to participants added to a conversation: a role SID (`RL`
   * + 32 hex) of this service. Default: unmanaged (a new service has its "channel user" role).
   * Twilio cannot empty it: removing it leaves the role as it is, with a warning.
   */
  defaultConversationRoleSid?: pulumi.Input<string>;
  /**
   * The service-scoped role given to users added to the service: a role SID (`RL` + 32 hex) of
   * this service. Default: unmanaged (a new service has its "service user" role). Twilio cannot
   * empty it: removing it leaves the role as it is, with a warning.
   */
  defaultChatServiceRoleSid?: pulumi.Input<string>;
  /**
   * Whether the Reachability Indicator is on for the service (users can see whether others are
   * online). Default: unmanaged (Twilio's default is `false`).
   */
  reachabilityEnabled?: pulumi.Input<boolean>;
}

/** Every setting of a service configuration as Twilio holds it; `null` where unset. */
export interface ServiceConfigurationValues {
  defaultConversationCreatorRoleSid: string | null;
  defaultConversationRoleSid: string | null;
  defaultChatServiceRoleSid: string | null;
  reachabilityEnabled: boolean | null;
}

/**
 * One conversation service's configuration (`/v1/Services/{chatServiceSid}/Configuration`): its
 * default roles and whether the Reachability Indicator is on.
 *
 * This is a singleton that exists as long as the service does, so the resource takes charge of it
 * rather than creating it: on create it records every setting as it finds it
 * ({@link ServiceConfiguration.originalValues}) and then writes only the fields you set. Removing
 * a field from the program puts that field back to its recorded value on the next update. Create
 * fails with a clear message when the service does not exist.
 *
 * **Destroy** (and replacement) cannot delete the configuration: it puts every field this resource
 * manages back to the value recorded before the first write, then forgets the resource. When the
 * service itself is already gone, there is nothing to put back and destroy succeeds. Where Twilio
 * had no value, reachability goes back to `false` (its documented default); a role SID cannot be
 * emptied on Twilio, so it is left as it is, with a warning. Every write is checked against
 * Twilio's answer: a value it did not keep fails the step.
 *
 * Declare **one ServiceConfiguration per service**: two for the same service undo each other's
 * writes, and each one's destroy restores what it recorded.
 *
 * The id is the chat service SID.
 *
 * @example
 * ```ts
 * const service = new ConversationService("support", { friendlyName: "Support" });
 * new ServiceConfiguration("support", { chatServiceSid: service.id, reachabilityEnabled: true });
 * ```
 */
export class ServiceConfiguration extends pulumi.dynamic.Resource {
  /** The conversation service (`IS...`) this configuration belongs to. */
  declare public readonly chatServiceSid: pulumi.Output<string>;
  /** The conversation creator's role (`RL...`), live; undefined when not managed by this resource. */
  declare public readonly defaultConversationCreatorRoleSid: pulumi.Output<string | null | undefined>;
  /** The conversation participants' role (`RL...`), live; undefined when not managed. */
  declare public readonly defaultConversationRoleSid: pulumi.Output<string | null | undefined>;
  /** The service users' role (`RL...`), live; undefined when not managed. */
  declare public readonly defaultChatServiceRoleSid: pulumi.Output<string | null | undefined>;
  /** Whether the Reachability Indicator is on, live; undefined when not managed. */
  declare public readonly reachabilityEnabled: pulumi.Output<boolean | null | undefined>;
  /**
   * Every setting of the service configuration as found before this resource first wrote it
   * (`null` where unset). Destroy, and removing a field from the program, put these values back.
   */
  declare public readonly originalValues: pulumi.Output<ServiceConfigurationValues>;
  /** The account (`AC...`) the service belongs to; updates under other credentials are refused. */
  declare public readonly accountSid: pulumi.Output<string>;
  /** The configuration's API URL, as Twilio reports it. */
  declare public readonly url: pulumi.Output<string | null>;

  /**
   * @param name the Pulumi resource name
   * @param args the service, and the settings to manage; omit a field to leave it untouched
   * @param opts Pulumi resource options
   */
  constructor(name: string, args: ServiceConfigurationArgs, opts?: pulumi.CustomResourceOptions) {
    super(...dynamicResourceArgs("ServiceConfiguration", OUTPUTS, name, args, opts));
  }
}

/** Every output the class declares, passed as an undefined input so the dynamic resource exposes it. */
const OUTPUTS = [
  "chatServiceSid",
  "defaultConversationCreatorRoleSid",
  "defaultConversationRoleSid",
  "defaultChatServiceRoleSid",
  "reachabilityEnabled",
  "originalValues",
  "accountSid",
  "url",
] as const;

// Compile-time checks that the SDK's views of the resource agree with the provider's: Args name
// exactly the inputs and resolve to them, and the class declares exactly what the provider records.
true satisfies SameKeys<ServiceConfigurationArgs, ServiceConfigurationInputs>;
({}) as Resolved<ServiceConfigurationArgs> satisfies ServiceConfigurationInputs;
true satisfies Exactly<(typeof OUTPUTS)[number], DeclaredOutputNames<ServiceConfiguration>>;
true satisfies Exactly<OutputMismatches<ServiceConfiguration, ServiceConfigurationOutputs>, never>;

/**
 * A service's configuration as the conversations setup document writes it:
 * `services.<key>.configuration`. Each role is a key of the service's `roles` or an RL SID.
 */
export interface ServiceConfigurationEntry {
  /** The role given to a conversation's creator (a conversation role). */
  defaultConversationCreatorRole?: string;
  /** The role given to a conversation's participants (a conversation role). */
  defaultConversationRole?: string;
  /** The role given to the service's users (a service role). */
  defaultChatServiceRole?: string;
  /** Whether the service reports users' reachability. */
  reachabilityEnabled?: boolean;
}

/** A `configuration` entry of the conversations setup document. */
export type SpecServiceConfiguration = ServiceConfigurationEntry;

// Its place in the document, merged into its service's entry (see sdk/spec/document.ts).
declare module "../conversation-service/resource" {
  interface SpecService {
    /** The service's configuration. */
    configuration?: SpecServiceConfiguration;
  }
}
