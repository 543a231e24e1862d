/**
 * ConversationsSetup: a whole account's Conversations setup from one document (the GitOps spec),
 * as a component resource.
 */
import * as pulumi from "@pulumi/pulumi";

import { defined } from "../provider/shared/values";
import { Conversation, type ConversationArgs } from "../resources/conversation/resource";
import { ConversationService } from "../resources/conversation-service/resource";
import { GlobalConfiguration } from "../resources/global-configuration/resource";
import { OrchestratorConfiguration, type OrchestratorConfigurationArgs } from "../resources/orchestrator-configuration/resource";
import { ServiceConfiguration } from "../resources/service-configuration/resource";
import { ServiceRole } from "../resources/service-role/resource";
import { parseSpec } from "./spec/parse";
import type { Reference } from "./spec/references";
import { type ResolvedSpec, resolveSpec } from "./spec/resolve";
import type { SpecDocument } from "./spec/schema";

/** The component's type token. */
export const CONVERSATIONS_SETUP_TYPE = "twilio-conversations:index:ConversationsSetup";

/** The arguments of a {@link ConversationsSetup}. */
export interface ConversationsSetupArgs {
  /**
   * The document: its text (YAML or JSON, as in `conversations.yaml`), or a document already read
   * with `parseSpec`. See `schema/conversations-setup.schema.json` for its shape.
   */
  spec: string | SpecDocument;
  /** Where the text came from (`conversations.yaml`), named in error messages. */
  source?: string;
  /**
   * This stack's values for the document's `parameters`, by name. A parameter without a value
   * takes its `default`; one with neither fails the program before anything is created.
   */
  parameters?: Record<string, string | undefined>;
  /**
   * What to tell the user about a missing parameter. Default: the `pulumi config set <name> <value>`
   * command (parameters are stack config in the root program).
   */
  missingParameterHint?: (name: string) => string;
}

/**
 * Every resource a conversations setup document declares, created from it with stable names:
 * each resource is named after its key in the document (`<name>/<service key>`,
 * `<name>/<service key>/<role key>`, `<name>/<conversation key>`, `<name>/account`), so reordering
 * the file replaces nothing and renaming a key replaces that one entry.
 *
 * The whole document is checked when the component is constructed, before any resource is
 * registered: structure and references by the document schema, each entry by its resource's own
 * input schema, and every parameter must have a value. A mistake throws a `SpecError` naming its
 * path in the document (`conversations.support.timers.closed: ...`) and, for text, its line.
 *
 * Dependencies follow the references: roles and the service configuration depend on their
 * service, the configuration on the roles it names, conversations on their service (or, without
 * one, on the account configuration that sets the default service), a bridged orchestrator
 * configuration on its service. All are children of the component.
 *
 * @example
 * ```ts
 * const config = new pulumi.Config();
 * const setup = new ConversationsSetup("conversations", {
 *   spec: fs.readFileSync("conversations.yaml", "utf8"),
 *   source: "conversations.yaml",
 *   parameters: { messagingServiceSid: config.get("messagingServiceSid") },
 * });
 * export const serviceSids = setup.serviceSids;
 * ```
 */
export class ConversationsSetup extends pulumi.ComponentResource {
  /** The conversation services, by key. */
  public readonly services: Record<string, ConversationService> = {};
  /** The roles, by service key then role key. */
  public readonly roles: Record<string, Record<string, ServiceRole>> = {};
  /** The service configurations, by service key (only services that declare one). */
  public readonly serviceConfigurations: Record<string, ServiceConfiguration> = {};
  /** The account configuration, when the document has an `account` section. */
  public readonly accountConfiguration?: GlobalConfiguration;
  /** The conversations, by key. */
  public readonly conversations: Record<string, Conversation> = {};
  /** The orchestrator (v2) configurations, by key. */
  public readonly orchestratorConfigurations: Record<string, OrchestratorConfiguration> = {};

  /** Service SIDs (`IS...`) by key. */
  public readonly serviceSids: pulumi.Output<Record<string, string>>;
  /** Conversation SIDs (`CH...`) by key. */
  public readonly conversationSids: pulumi.Output<Record<string, string>>;
  /** Orchestrator configuration ids (`conv_configuration_...`) by key. */
  public readonly orchestratorConfigurationIds: pulumi.Output<Record<string, string>>;

  /**
   * @param name the component's name; its children's names start with it
   * @param args the document and this stack's parameter values
   * @param opts component options (a provider, `protect`, ... pass on to the children)
   * @throws SpecError when the document is invalid or a parameter has no value (nothing is registered)
   */
  constructor(name: string, args: ConversationsSetupArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validated before the component registers: a broken document creates nothing at all.
    const resolved = ConversationsSetup.resolve(args);
    super(CONVERSATIONS_SETUP_TYPE, name, {}, opts);
    const child = { parent: this };

    for (const service of resolved.services) {
      const resource = new ConversationService(
        `${name}/${service.key}`,
        { friendlyName: service.friendlyName, ...(service.adoptExisting !== undefined ? { adoptExisting: service.adoptExisting } : {}) },
        child,
      );
      this.services[service.key] = resource;
      const roles: Record<string, ServiceRole> = {};
      for (const role of service.roles) {
        roles[role.key] = new ServiceRole(
          `${name}/${service.key}/${role.key}`,
          {
            chatServiceSid: resource.sid,
            friendlyName: role.friendlyName,
            type: role.type,
            permissions: role.permissions,
            ...(role.adoptExisting !== undefined ? { adoptExisting: role.adoptExisting } : {}),
          },
          child,
        );
      }
      this.roles[service.key] = roles;
      if (service.configuration) {
        const c = service.configuration;
        const roleSid = (ref: Reference | undefined) => ref && ("sid" in ref ? ref.sid : roles[ref.key]!.sid);
        this.serviceConfigurations[service.key] = new ServiceConfiguration(
          `${name}/${service.key}`,
          defined({
            chatServiceSid: resource.sid,
            defaultConversationCreatorRoleSid: roleSid(c.defaultConversationCreatorRole),
            defaultConversationRoleSid: roleSid(c.defaultConversationRole),
            defaultChatServiceRoleSid: roleSid(c.defaultChatServiceRole),
            reachabilityEnabled: c.reachabilityEnabled,
          }),
          child,
        );
      }
    }

    const serviceSid = (ref: Reference | undefined): pulumi.Input<string> | undefined =>
      ref && ("sid" in ref ? ref.sid : this.services[ref.key]!.sid);

    if (resolved.account) {
      const a = resolved.account;
      this.accountConfiguration = new GlobalConfiguration(
        `${name}/account`,
        defined({
          defaultChatServiceSid: serviceSid(a.defaultChatService),
          defaultMessagingServiceSid: a.defaultMessagingServiceSid,
          defaultInactiveTimer: a.defaultInactiveTimer,
          defaultClosedTimer: a.defaultClosedTimer,
        }),
        child,
      );
    }

    for (const conversation of resolved.conversations) {
      const chatServiceSid = serviceSid(conversation.service);
      this.conversations[conversation.key] = new Conversation(
        `${name}/${conversation.key}`,
        defined({ ...conversation.args, chatServiceSid } as ConversationArgs),
        // Without a service the conversation goes to the account's default one: set that first.
        chatServiceSid === undefined && this.accountConfiguration ? { ...child, dependsOn: [this.accountConfiguration] } : child,
      );
    }

    for (const configuration of resolved.orchestratorConfigurations) {
      const bridged = serviceSid(configuration.bridgeService);
      this.orchestratorConfigurations[configuration.key] = new OrchestratorConfiguration(
        `${name}/${configuration.key}`,
        defined({
          ...(configuration.args as OrchestratorConfigurationArgs),
          conversationsV1Bridge: bridged === undefined ? undefined : { serviceId: bridged },
        }),
        child,
      );
    }

    const byKey = <R>(resources: Record<string, R>, pick: (r: R) => pulumi.Output<string>) =>
      pulumi.all(Object.fromEntries(Object.entries(resources).map(([k, r]) => [k, pick(r)]))) as pulumi.Output<Record<string, string>>;
    this.serviceSids = byKey(this.services, (s) => s.sid);
    this.conversationSids = byKey(this.conversations, (c) => c.sid);
    this.orchestratorConfigurationIds = byKey(this.orchestratorConfigurations, (o) => o.configurationId);
    this.registerOutputs({
      serviceSids: this.serviceSids,
      conversationSids: this.conversationSids,
      orchestratorConfigurationIds: this.orchestratorConfigurationIds,
    });
  }

  /** Parses (when given text) and resolves the document; throws SpecError. */
  private static resolve(args: ConversationsSetupArgs): ResolvedSpec {
    const doc = typeof args.spec === "string" ? parseSpec(args.spec, { source: args.source }) : args.spec;
    return resolveSpec(doc, { parameters: args.parameters, missingParameterHint: args.missingParameterHint, source: args.source });
  }
}
