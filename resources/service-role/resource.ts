import * as pulumi from "@pulumi/pulumi";

import { dynamicResourceArgs } from "../../sdk/dynamic-resource";
import type { DeclaredOutputNames, Exactly, OutputMismatches, Resolved, SameKeys } from "../../sdk/type-checks";
import type { ServiceRoleInputs, ServiceRoleOutputs } from "./schema";

/** The arguments of a {@link ServiceRole}. */
export interface ServiceRoleArgs {
  /**
   * The conversation service the role belongs to: its SID (`IS` + 32 hex digits), for example a
   * {@link ConversationService}'s `sid`. Required. **Changing it replaces the role.**
   */
  chatServiceSid: pulumi.Input<string>;
  /**
   * The role's name: 1 to 64 characters, not blank. Required. **Changing it replaces the role**
   * (Twilio's update takes permissions only); the new role is created before the old one is deleted.
   */
  friendlyName: pulumi.Input<string>;
  /**
   * `"service"` for a role given to users in the service, `"conversation"` for a role given to
   * participants in a conversation. Required. **Changing it replaces the role.**
   */
  type: pulumi.Input<"conversation" | "service">;
  /**
   * The permissions the role grants, at least one: names from Twilio's Role Resource docs, such
   * as `"sendMessage"`, `"leaveConversation"` (conversation roles) or `"createConversation"`,
   * `"joinConversation"` (service roles). A set: order and duplicates do not matter, and state
   * holds them sorted. Updated in place; the update replaces the whole set.
   */
  permissions: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Take charge of an existing role instead of creating one: on create, when the service has
   * exactly one role named `friendlyName`, that role becomes this resource and its permissions
   * are set to `permissions`; when it has none, a role is created as usual. Several of that name,
   * or one of the other `type`, fails the create with a message saying which. Default `false`.
   *
   * Meant for the roles every new service comes with ("service admin", "service user",
   * "channel admin", "channel user"), so a spec applied to a fresh account manages them instead
   * of adding copies. Only the create looks: changing the flag later changes nothing in Twilio.
   * **An adopted role is managed like any other: `pulumi destroy` (or removing it from the
   * program) deletes it.**
   */
  adoptExisting?: pulumi.Input<boolean>;
}

/**
 * A role in a Twilio Conversations service (`/v1/Services/{IS}/Roles`, SID `RL...`): what users
 * (type `service`) or participants (type `conversation`) may do. Reference its `sid` from a
 * `ServiceConfiguration`'s default role SIDs.
 *
 * ```ts
 * const agent = new ServiceRole("agent", {
 *   chatServiceSid: support.sid,
 *   friendlyName: "agent",
 *   type: "conversation",
 *   permissions: ["sendMessage", "sendMediaMessage", "leaveConversation", "editOwnMessage"],
 * });
 * ```
 *
 * Only `permissions` change in place. Refresh: a role deleted outside Pulumi (or whose service was
 * deleted) drops out of state, and the next `pulumi up` creates it again. A create whose response
 * was lost finds the role it made (this name, type and permissions, created since the request went
 * out) instead of making a second one.
 */
export class ServiceRole extends pulumi.dynamic.Resource {
  /** The role's SID (`RL` + 32 hex digits); also the resource id. */
  declare public readonly sid: pulumi.Output<string>;
  /** The account (`AC...`) the role lives in. */
  declare public readonly accountSid: pulumi.Output<string>;
  /** The service (`IS...`) the role belongs to. */
  declare public readonly chatServiceSid: pulumi.Output<string>;
  /** The role's name, as Twilio holds it. */
  declare public readonly friendlyName: pulumi.Output<string>;
  /** `"conversation"` or `"service"`. */
  declare public readonly type: pulumi.Output<"conversation" | "service">;
  /** The permissions the role grants, deduplicated and sorted. */
  declare public readonly permissions: pulumi.Output<string[]>;
  /** When the role was created: ISO 8601 UTC, as Twilio reports it. */
  declare public readonly dateCreated: pulumi.Output<string | null>;
  /** When the role last changed: ISO 8601 UTC, as Twilio reports it. */
  declare public readonly dateUpdated: pulumi.Output<string | null>;
  /** The role's absolute API URL. */
  declare public readonly url: pulumi.Output<string | null>;
  /** The declared `adoptExisting` (Twilio does not know it; it is kept from the inputs). */
  declare public readonly adoptExisting: pulumi.Output<boolean | undefined>;

  /**
   * @param name the Pulumi resource name (not sent to Twilio)
   * @param args the role's settings
   * @param opts resource options
   */
  constructor(name: string, args: ServiceRoleArgs, opts?: pulumi.CustomResourceOptions) {
    super(...dynamicResourceArgs("ServiceRole", OUTPUTS, name, args, opts));
  }
}

/** Every output the class declares, passed as an undefined input so the dynamic resource exposes it. */
const OUTPUTS = [
  "sid",
  "accountSid",
  "chatServiceSid",
  "friendlyName",
  "type",
  "permissions",
  "dateCreated",
  "dateUpdated",
  "url",
  "adoptExisting",
] as const;

// Compile-time checks that the SDK's views of the resource agree with the provider's: Args name
// exactly the inputs and resolve to them, and the class declares exactly what the provider records.
true satisfies SameKeys<ServiceRoleArgs, ServiceRoleInputs>;
({}) as ServiceRoleInputs satisfies Resolved<ServiceRoleArgs>;
true satisfies Exactly<(typeof OUTPUTS)[number], DeclaredOutputNames<ServiceRole>>;
true satisfies Exactly<OutputMismatches<ServiceRole, ServiceRoleOutputs>, never>;

/** A role as the conversations setup document writes it: `services.<key>.roles.<key>`. */
export interface ServiceRoleEntry {
  /** The role's name, 1 to 64 characters. Changing it replaces the role. */
  friendlyName: string;
  /** `service` (given to users) or `conversation` (given to participants). Changing it replaces the role. */
  type: string;
  /** The permissions the role grants (a set: order and duplicates do not matter). */
  permissions: string[];
  /** Take charge of the service's role of this name instead of creating one. */
  adoptExisting?: boolean;
}

/** A `roles.<key>` entry of the conversations setup document. */
export type SpecRole = ServiceRoleEntry;

// Its place in the document, merged into its service's entry (see sdk/spec/document.ts).
declare module "../conversation-service/resource" {
  interface SpecService {
    /** The service's roles, by key. */
    roles?: Record<string, SpecRole>;
  }
}
