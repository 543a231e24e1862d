import * as pulumi from "@pulumi/pulumi";

import { dynamicResourceArgs } from "../../sdk/dynamic-resource";
import type { DeclaredOutputNames, Exactly, OutputMismatches, Resolved, SameKeys } from "../../sdk/type-checks";
import type { GlobalConfigurationInputs, GlobalConfigurationOutputs } from "./schema";

/**
 * Arguments of a {@link GlobalConfiguration}. Every field is optional: only the fields you set are
 * managed, and the others are left as they are in the account (never written, never shown as a
 * diff).
 */
export interface GlobalConfigurationArgs {
  /**
   * The conversation service new conversations go to when no service is named (`/v1/Conversations`):
   * a chat service SID, `IS` followed by 32 hex digits. Default: unmanaged (the account keeps its
   * current default service). Compared without regard to hex case.
   */
  defaultChatServiceSid?: pulumi.Input<string>;
  /**
   * The messaging service used for SMS and WhatsApp when a conversation names none: a messaging
   * service SID, `MG` followed by 32 hex digits. Default: unmanaged.
   */
  defaultMessagingServiceSid?: pulumi.Input<string>;
  /**
   * How long a conversation may go without activity before it becomes `inactive`: an ISO 8601
   * duration of at least 1 minute (`PT1M`, `PT30M`, `P1D`). Default: unmanaged (Twilio's default is
   * no timer). Compared by length, so `PT60S` and `PT1M` are the same value.
   */
  defaultInactiveTimer?: pulumi.Input<string>;
  /**
   * How long a conversation may go without activity before it becomes `closed` (for good): an
   * ISO 8601 duration of at least 10 minutes (`PT10M`, `P1D`). Default: unmanaged (no timer).
   * Compared by length.
   */
  defaultClosedTimer?: pulumi.Input<string>;
}

/** Every setting of the account configuration as Twilio holds it; `null` where unset. */
export interface GlobalConfigurationValues {
  defaultChatServiceSid: string | null;
  defaultMessagingServiceSid: string | null;
  defaultInactiveTimer: string | null;
  defaultClosedTimer: string | null;
}

/**
 * The account-wide Conversations configuration (`/v1/Configuration`): the default conversation
 * service, the default messaging service and the default inactive and closed timers.
 *
 * This is a singleton that always exists, so the resource takes charge of it rather than creating
 * it: on create it records every setting as it finds it ({@link GlobalConfiguration.originalValues})
 * and then writes only the fields you set. Removing a field from the program puts that field back
 * to its recorded value on the next update.
 *
 * **Destroy** (and replacement) cannot delete the configuration: it puts every field this resource
 * manages back to the value recorded before the first write, then forgets the resource. Where
 * Twilio had none, a timer is cleared (`PT0S`); a SID cannot be emptied on Twilio, so it is left as
 * it is, with a warning (the same when a SID field with no recorded value is removed from the
 * program). Every write is checked against Twilio's answer: a value it did not keep fails the step.
 *
 * Declare **one GlobalConfiguration per account**. Two of them (in one stack or in two stacks of the
 * same account) manage the same singleton and undo each other's writes, and each one's destroy
 * restores what it recorded.
 *
 * The id is the account SID.
 *
 * @example
 * ```ts
 * new GlobalConfiguration("conversations", {
 *   defaultInactiveTimer: "PT30M",
 *   defaultClosedTimer: "P1D",
 * });
 * ```
 */
export class GlobalConfiguration extends pulumi.dynamic.Resource {
  /** The default conversation service (`IS...`), live; undefined when not managed, null when Twilio has none. */
  declare public readonly defaultChatServiceSid: pulumi.Output<string | null | undefined>;
  /** The default messaging service (`MG...`), live; undefined when not managed, null when Twilio has none. */
  declare public readonly defaultMessagingServiceSid: pulumi.Output<string | null | undefined>;
  /** The inactive timer (ISO 8601 duration as Twilio reports it), live; undefined when not managed. */
  declare public readonly defaultInactiveTimer: pulumi.Output<string | null | undefined>;
  /** The closed timer (ISO 8601 duration as Twilio reports it), live; undefined when not managed. */
  declare public readonly defaultClosedTimer: pulumi.Output<string | null | undefined>;
  /**
   * Every setting of the account configuration as found before this resource first wrote it
   * (`null` where unset). Destroy, and removing a field from the program, put these values back.
   */
  declare public readonly originalValues: pulumi.Output<GlobalConfigurationValues>;
  /** The account (`AC...`) the configuration belongs to; updates under other credentials are refused. */
  declare public readonly accountSid: pulumi.Output<string>;
  /** The configuration's API URL, as Twilio reports it. */
  declare public readonly url: pulumi.Output<string | null>;

  /**
   * @param name the Pulumi resource name
   * @param args the settings to manage; omit a field to leave it untouched
   * @param opts Pulumi resource options
   */
  constructor(name: string, args: GlobalConfigurationArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(...dynamicResourceArgs("GlobalConfiguration", OUTPUTS, name, args, opts));
  }
}

/** Every output the class declares, passed as an undefined input so the dynamic resource exposes it. */
const OUTPUTS = [
  "defaultChatServiceSid",
  "defaultMessagingServiceSid",
  "defaultInactiveTimer",
  "defaultClosedTimer",
  "originalValues",
  "accountSid",
  "url",
] as const;

// Compile-time checks that the SDK's views of the resource agree with the provider's: Args name
// exactly the inputs and resolve to them, and the class declares exactly what the provider records.
true satisfies SameKeys<GlobalConfigurationArgs, GlobalConfigurationInputs>;
({}) as Resolved<GlobalConfigurationArgs> satisfies GlobalConfigurationInputs;
true satisfies Exactly<(typeof OUTPUTS)[number], DeclaredOutputNames<GlobalConfiguration>>;
true satisfies Exactly<OutputMismatches<GlobalConfiguration, GlobalConfigurationOutputs>, never>;

/** The account-wide configuration as the conversations setup document writes it: `account`. */
export interface GlobalConfigurationEntry {
  /** The account's default conversation service: a key of `services`, or an IS SID. */
  defaultChatService?: string;
  /** The default messaging service: an MG SID, usually a `${parameter}`. */
  defaultMessagingServiceSid?: string;
  /** Idle time before a conversation becomes inactive: an ISO 8601 duration of at least PT1M. */
  defaultInactiveTimer?: string;
  /** Idle time before a conversation is closed: an ISO 8601 duration of at least PT10M. */
  defaultClosedTimer?: string;
}

/** An `account` entry of the conversations setup document. */
export type SpecAccount = GlobalConfigurationEntry;

// Its place in the document, merged into the document's type (see sdk/spec/document.ts).
declare module "../../sdk/spec/document" {
  interface SpecDocument {
    /** The account-wide configuration. */
    account?: SpecAccount;
  }
}
