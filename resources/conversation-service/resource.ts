import * as pulumi from "@pulumi/pulumi";

import { dynamicResourceArgs } from "../../sdk/dynamic-resource";
import type { DeclaredOutputNames, Exactly, OutputMismatches, Resolved, SameKeys } from "../../sdk/type-checks";
import type { ConversationServiceInputs, ConversationServiceOutputs } from "./schema";

/** The arguments of a {@link ConversationService}. */
export interface ConversationServiceArgs {
  /**
   * The service's human-readable name: 1 to 256 characters, not blank. Required. Names are not
   * unique in an account.
   *
   * **Changing it replaces the service**: Twilio cannot rename a service, so a new one is created
   * and the old one is deleted with every conversation, user and role in it.
   */
  friendlyName: pulumi.Input<string>;
  /**
   * Take charge of an existing service instead of creating one: on create, when the account has
   * exactly one service named `friendlyName`, that service becomes this resource (nothing is
   * created); when it has none, a service is created as usual; when it has several, the create
   * fails naming their SIDs. Default `false`.
   *
   * Meant for what every account already has, such as its default service ("Default
   * Conversations Service"), so a spec applied to a fresh account does not make a second one.
   * Only the create looks: changing the flag later changes nothing in Twilio. **An adopted service
   * is managed like any other: `pulumi destroy` (or removing it from the program) deletes it**,
   * with every conversation in it. Twilio may refuse to delete the account's default service;
   * point `GlobalConfiguration.defaultChatServiceSid` elsewhere first, or `protect` it.
   */
  adoptExisting?: pulumi.Input<boolean>;
  /**
   * The roles Twilio made with the service that it does without: any of `"channel admin"`,
   * `"channel user"`, `"service admin"`, `"service user"` (a set: order and duplicates do not
   * matter). After the service is created (or adopted), and on every update that names one it
   * still has, each role of such a name is deleted; refresh reports one made again outside Pulumi.
   * Default: none (Twilio's default roles are left alone).
   *
   * Twilio makes its default roles only with a new service: **taking a name out of the list, or
   * removing the property, does not bring the role back** (it warns); once the name is out of the
   * list, declare a `ServiceRole` of that name for a role of one's own (while it is in the list,
   * such a role would be deleted). Point the service's configuration (`ServiceConfiguration`)
   * at other roles first: whether Twilio deletes a role its configuration names as a default is
   * not documented (a refusal fails the step, with the service kept in state). Reading the roles
   * costs one list request per refresh of a service that declares this.
   */
  withoutDefaultRoles?: pulumi.Input<pulumi.Input<"channel admin" | "channel user" | "service admin" | "service user">[]>;
}

/**
 * A Twilio Conversations service (`/v1/Services`, SID `IS...`): the container that holds
 * conversations, users and roles. Declare one to give a fresh account what a spec's SIDs point
 * at; reference its `sid` from a {@link ServiceRole}, a `ServiceConfiguration`, a `Conversation`
 * or the account's `GlobalConfiguration.defaultChatServiceSid`.
 *
 * **Deleting a service deletes every conversation in it** (and its users, roles and bindings):
 * that happens on `pulumi destroy`, when the resource is removed from the program, and when a
 * change of `friendlyName` replaces it. Protect production services:
 *
 * ```ts
 * const support = new ConversationService("support", { friendlyName: "Support" }, { protect: true });
 * ```
 *
 * Refresh: a service deleted outside Pulumi drops out of state, and the next `pulumi up` creates
 * a new one (with a new SID). A create whose response was lost is not sent again blindly: the
 * provider looks for the service of this name created since the request went out (on Twilio's
 * clock) and takes it as created, so nothing is orphaned or made twice; only when several
 * candidates turn up does the create fail, naming them.
 */
export class ConversationService extends pulumi.dynamic.Resource {
  /** The service's SID (`IS` + 32 hex digits); also the resource id. */
  declare public readonly sid: pulumi.Output<string>;
  /** The account (`AC...`) the service lives in. */
  declare public readonly accountSid: pulumi.Output<string>;
  /** The service's name, as Twilio holds it. */
  declare public readonly friendlyName: pulumi.Output<string>;
  /** When the service was created: ISO 8601 UTC, as Twilio reports it. */
  declare public readonly dateCreated: pulumi.Output<string | null>;
  /** When the service last changed: ISO 8601 UTC, as Twilio reports it. */
  declare public readonly dateUpdated: pulumi.Output<string | null>;
  /** The service's absolute API URL. */
  declare public readonly url: pulumi.Output<string | null>;
  /** The declared `adoptExisting` (Twilio does not know it; it is kept from the inputs). */
  declare public readonly adoptExisting: pulumi.Output<boolean | undefined>;
  /** Of the declared `withoutDefaultRoles`, those the service has no role of (as last read). */
  declare public readonly withoutDefaultRoles: pulumi.Output<
    ("channel admin" | "channel user" | "service admin" | "service user")[] | undefined
  >;

  /**
   * @param name the Pulumi resource name (not sent to Twilio)
   * @param args the service's settings
   * @param opts resource options; consider `protect: true` for a service that holds real conversations
   */
  constructor(name: string, args: ConversationServiceArgs, opts?: pulumi.CustomResourceOptions) {
    super(...dynamicResourceArgs("ConversationService", OUTPUTS, name, args, opts));
  }
}

/** Every output the class declares, passed as an undefined input so the dynamic resource exposes it. */
const OUTPUTS = ["sid", "accountSid", "friendlyName", "dateCreated", "dateUpdated", "url", "adoptExisting", "withoutDefaultRoles"] as const;

// Compile-time checks that the SDK's views of the resource agree with the provider's: Args name
// exactly the inputs and resolve to them, and the class declares exactly what the provider records.
true satisfies SameKeys<ConversationServiceArgs, ConversationServiceInputs>;
({}) as ConversationServiceInputs satisfies Resolved<ConversationServiceArgs>;
true satisfies Exactly<(typeof OUTPUTS)[number], DeclaredOutputNames<ConversationService>>;
true satisfies Exactly<OutputMismatches<ConversationService, ConversationServiceOutputs>, never>;

/** A conversation service as the conversations setup document writes it: `services.<key>`. */
export interface ConversationServiceEntry {
  /** The service's name, 1 to 256 characters. Changing it replaces the service, with everything in it. */
  friendlyName: string;
  /** Take charge of the account's only service of this name instead of creating one. */
  adoptExisting?: boolean;
  /** Twilio's default roles the service does without (deleted after it is created or adopted). */
  withoutDefaultRoles?: string[];
}

/**
 * A `services.<key>` entry of the conversations setup document: the service with what sits inside
 * it (its roles, configuration, webhooks and notifications, each merged in by its own kind).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface SpecService extends ConversationServiceEntry {}

// Its place in the document, merged into the document's type (see sdk/spec/document.ts).
declare module "../../sdk/spec/document" {
  interface SpecDocument {
    /** Conversation services, by key. */
    services?: Record<string, SpecService>;
  }
}
