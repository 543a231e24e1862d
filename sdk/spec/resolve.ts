/**
 * A validated document plus one stack's parameter values -> the arguments of every resource, with
 * references left as {@link Reference}s for the component to wire to resource outputs.
 *
 * Each entry is checked by its resource's own input schema (resources/<kind>/schema.ts)
 * after parameters are filled in, with every reference replaced by a placeholder SID of the right
 * shape; the schema's issue paths are mapped back onto the document (`chatServiceSid` of a
 * conversation is its `service`). So the field rules live in one place, and a spec fails before any
 * resource is registered, let alone any request sent.
 */
import type { z } from "zod";

import { defined } from "../../provider/shared/values";
import { conversationSchema } from "../../resources/conversation/schema";
import { conversationServiceSchema } from "../../resources/conversation-service/schema";
import { globalConfigurationSchema } from "../../resources/global-configuration/schema";
import { orchestratorConfigurationSchema } from "../../resources/orchestrator-configuration/schema";
import { serviceConfigurationSchema } from "../../resources/service-configuration/schema";
import { serviceRoleSchema } from "../../resources/service-role/schema";
import { SpecError, type SpecIssue } from "./issues";
import { hasParameters, interpolateAll, parameterValues, pulumiConfigHint, type SpecPath } from "./parameters";
import { locate, sourceOf, zodIssues } from "./parse";
import { checkReference, type Reference, ROLE_FIELDS } from "./references";
import type { SpecConversation, SpecDocument, SpecOrchestratorConfiguration, SpecRole } from "./schema";

/** Stand-ins for references while an entry is validated: the shapes the schemas expect. */
const PLACEHOLDER_SERVICE_SID = `IS${"0".repeat(32)}`;
const PLACEHOLDER_ROLE_SID = `RL${"0".repeat(32)}`;

/** A role, ready for a ServiceRole (its service comes from the enclosing entry). */
export interface ResolvedRole {
  readonly key: string;
  readonly friendlyName: string;
  readonly type: "conversation" | "service";
  readonly permissions: string[];
  readonly adoptExisting?: boolean;
}

/** A service configuration: role references and the flag. */
export interface ResolvedServiceConfiguration {
  readonly defaultConversationCreatorRole?: Reference;
  readonly defaultConversationRole?: Reference;
  readonly defaultChatServiceRole?: Reference;
  readonly reachabilityEnabled?: boolean;
}

export interface ResolvedService {
  readonly key: string;
  readonly friendlyName: string;
  readonly adoptExisting?: boolean;
  readonly roles: ResolvedRole[];
  readonly configuration?: ResolvedServiceConfiguration;
}

export interface ResolvedAccount {
  readonly defaultChatService?: Reference;
  readonly defaultMessagingServiceSid?: string;
  readonly defaultInactiveTimer?: string;
  readonly defaultClosedTimer?: string;
}

/** A conversation: its service reference, and the rest of a Conversation's arguments as written. */
export interface ResolvedConversation {
  readonly key: string;
  readonly service?: Reference;
  readonly args: Omit<SpecConversation, "service">;
}

/** An orchestrator configuration: its bridge's service reference, and the rest of its arguments. */
export interface ResolvedOrchestratorConfiguration {
  readonly key: string;
  readonly bridgeService?: Reference;
  readonly args: Omit<SpecOrchestratorConfiguration, "conversationsV1Bridge">;
}

/** Everything a ConversationsSetup creates, in key order (so the file's order changes nothing). */
export interface ResolvedSpec {
  readonly account?: ResolvedAccount;
  readonly services: ResolvedService[];
  readonly conversations: ResolvedConversation[];
  readonly orchestratorConfigurations: ResolvedOrchestratorConfiguration[];
}

/** Options of {@link resolveSpec}. */
export interface ResolveOptions {
  /** This stack's parameter values, by name; a parameter without one takes its default. */
  readonly parameters?: Readonly<Record<string, string | undefined>>;
  /** How to tell the user to set a missing parameter (default: the `pulumi config set` command). */
  readonly missingParameterHint?: (name: string) => string;
  /** Named in messages; default: the source recorded by parseSpec. */
  readonly source?: string;
}

const sorted = <T>(record: Record<string, T> | undefined): Array<[string, T]> =>
  Object.entries(record ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Fills in parameters, resolves references and validates every entry with its resource's schema.
 * @throws SpecError naming each problem's path (and line, for a parsed text), including each
 *   parameter without a value (with the command that sets it)
 */
export function resolveSpec(doc: SpecDocument, options: ResolveOptions = {}): ResolvedSpec {
  const recorded = sourceOf(doc);
  const source = options.source ?? recorded?.source;
  const hint = options.missingParameterHint ?? pulumiConfigHint;
  const values = parameterValues(doc, options.parameters ?? {});
  const issues: Array<Omit<SpecIssue, "line">> = [];

  // 1. Parameters. A missing one is reported once, where it is first used.
  const reportedMissing = new Set<string>();
  const filled = interpolateAll({ ...doc, parameters: undefined, $schema: undefined }, (name, path) => {
    const value = values.get(name);
    if (value !== undefined) return value;
    if (!reportedMissing.has(name)) {
      reportedMissing.add(name);
      issues.push({ path, message: `uses parameter "${name}", which has no value for this stack and no default: ${hint(name)}` });
    }
    return "";
  });
  if (issues.length > 0) throw new SpecError(locate(issues, recorded?.lineOf ?? (() => undefined)), source);

  // 2. References (again: a parameter may have supplied one) and 3. each entry's resource schema.
  const serviceKeys = Object.keys(filled.services ?? {});
  const hadParameters = (path: SpecPath): boolean => {
    let value: unknown = doc;
    for (const p of path) value = (value as Record<string | number, unknown> | undefined)?.[p];
    return typeof value === "string" && hasParameters(value);
  };
  const reference = (
    value: string | undefined,
    kind: "service" | "role",
    keys: string[],
    where: string,
    path: SpecPath,
  ): Reference | undefined => {
    if (value === undefined) return undefined;
    const ref = checkReference(value, kind, keys, where);
    if (typeof ref !== "string") return ref;
    // Without parameters the document check already reported it.
    if (hadParameters(path)) issues.push({ path, message: ref });
    return undefined;
  };
  const validate = (schema: z.ZodType, input: Record<string, unknown>, prefix: SpecPath, renames: Record<string, string> = {}) => {
    const result = schema.safeParse(input);
    if (result.success) return;
    for (const issue of zodIssues(result.error)) {
      const [first, ...rest] = issue.path;
      const mapped = typeof first === "string" && first in renames ? renames[first]!.split(".") : first === undefined ? [] : [first];
      issues.push({ path: [...prefix, ...mapped, ...rest], message: issue.message });
    }
  };

  let account: ResolvedAccount | undefined;
  if (filled.account) {
    const { defaultChatService, ...rest } = filled.account;
    const ref = reference(defaultChatService, "service", serviceKeys, "services", ["account", "defaultChatService"]);
    validate(
      globalConfigurationSchema,
      defined({ ...rest, defaultChatServiceSid: ref && sidOf(ref, PLACEHOLDER_SERVICE_SID) }),
      ["account"],
      {
        defaultChatServiceSid: "defaultChatService",
      },
    );
    account = defined({ ...rest, defaultChatService: ref });
  }

  const services: ResolvedService[] = [];
  for (const [key, service] of sorted(filled.services)) {
    const at: SpecPath = ["services", key];
    validate(conversationServiceSchema, defined({ friendlyName: service.friendlyName, adoptExisting: service.adoptExisting }), at);
    const roleEntries = sorted<SpecRole>(service.roles);
    const roleKeys = roleEntries.map(([k]) => k);
    const roles: ResolvedRole[] = roleEntries.map(([roleKey, role]) => {
      validate(serviceRoleSchema, defined({ chatServiceSid: PLACEHOLDER_SERVICE_SID, ...role }), [...at, "roles", roleKey]);
      return defined({ key: roleKey, ...role, type: role.type as ResolvedRole["type"] });
    });
    let configuration: ResolvedServiceConfiguration | undefined;
    if (service.configuration) {
      const c = service.configuration;
      const refs: Record<string, Reference | undefined> = {};
      for (const field of Object.keys(ROLE_FIELDS) as Array<keyof typeof ROLE_FIELDS>) {
        refs[field] = reference(c[field], "role", roleKeys, `services.${key}.roles`, [...at, "configuration", field]);
      }
      validate(
        serviceConfigurationSchema,
        defined({
          chatServiceSid: PLACEHOLDER_SERVICE_SID,
          defaultConversationCreatorRoleSid:
            refs.defaultConversationCreatorRole && sidOf(refs.defaultConversationCreatorRole, PLACEHOLDER_ROLE_SID),
          defaultConversationRoleSid: refs.defaultConversationRole && sidOf(refs.defaultConversationRole, PLACEHOLDER_ROLE_SID),
          defaultChatServiceRoleSid: refs.defaultChatServiceRole && sidOf(refs.defaultChatServiceRole, PLACEHOLDER_ROLE_SID),
          reachabilityEnabled: c.reachabilityEnabled,
        }),
        [...at, "configuration"],
        {
          defaultConversationCreatorRoleSid: "defaultConversationCreatorRole",
          defaultConversationRoleSid: "defaultConversationRole",
          defaultChatServiceRoleSid: "defaultChatServiceRole",
        },
      );
      configuration = defined({ ...refs, reachabilityEnabled: c.reachabilityEnabled });
    }
    services.push(defined({ key, friendlyName: service.friendlyName, adoptExisting: service.adoptExisting, roles, configuration }));
  }

  const conversations: ResolvedConversation[] = [];
  for (const [key, conversation] of sorted(filled.conversations)) {
    const at: SpecPath = ["conversations", key];
    const { service, ...args } = conversation;
    const ref = reference(service, "service", serviceKeys, "services", [...at, "service"]);
    validate(conversationSchema, defined({ ...args, chatServiceSid: ref && sidOf(ref, PLACEHOLDER_SERVICE_SID) }), at, {
      chatServiceSid: "service",
    });
    conversations.push(defined({ key, service: ref, args: defined(args) }));
  }

  const orchestratorConfigurations: ResolvedOrchestratorConfiguration[] = [];
  for (const [key, configuration] of sorted(filled.orchestratorConfigurations)) {
    const at: SpecPath = ["orchestratorConfigurations", key];
    const { conversationsV1Bridge, ...args } = configuration;
    const ref = reference(conversationsV1Bridge?.service, "service", serviceKeys, "services", [...at, "conversationsV1Bridge", "service"]);
    validate(
      orchestratorConfigurationSchema,
      defined({ ...args, conversationsV1Bridge: ref && { serviceId: sidOf(ref, PLACEHOLDER_SERVICE_SID) } }),
      at,
      { conversationsV1Bridge: "conversationsV1Bridge" },
    );
    orchestratorConfigurations.push(defined({ key, bridgeService: ref, args: defined(args) }));
  }

  if (issues.length > 0) {
    // serviceId inside the bridge is the document's `service`.
    const renamed = issues.map((i) => ({
      ...i,
      path: i.path.map((p, n) => (p === "serviceId" && i.path[n - 1] === "conversationsV1Bridge" ? "service" : p)),
    }));
    throw new SpecError(locate(renamed, recorded?.lineOf ?? (() => undefined)), source);
  }
  return defined({ account, services, conversations, orchestratorConfigurations });
}

/** A reference's SID for validation: the literal one, or the placeholder for a key. */
function sidOf(ref: Reference, placeholder: string): string {
  return "sid" in ref ? ref.sid : placeholder;
}
