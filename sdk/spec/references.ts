/**
 * The rules between entries of a document: every reference names an existing entry of the right
 * kind (or is a literal SID), every `${name}` names a declared parameter, and what Twilio would
 * refuse across entries (two configurations bridged to one service, one unique name twice in a
 * service) is caught before any request.
 *
 * A reference that holds a parameter (`service: ${supportService}`) is known only per stack: it is
 * checked again once filled in (`resolve.ts`, through {@link checkReference}).
 */
import type { SpecIssue } from "./issues";
import { forEachString, hasParameters, parameterisedSections, parameterUses, type SpecPath } from "./parameters";
import { ROLE_SID_PATTERN, SERVICE_SID_PATTERN, type SpecDocument, type SpecRole } from "./schema";

/** What a reference may point at. */
export type ReferenceKind = "service" | "role";

/** A reference, resolved: an entry of the document by key, or a SID outside it. */
export type Reference = { readonly key: string } | { readonly sid: string };

/**
 * Reads a reference: a literal SID of the kind, else a key that must be in `keys`.
 * @returns the reference, or a message saying what is wrong
 */
export function checkReference(value: string, kind: ReferenceKind, keys: readonly string[], where: string): Reference | string {
  const pattern = kind === "service" ? SERVICE_SID_PATTERN : ROLE_SID_PATTERN;
  if (pattern.test(value)) return { sid: value };
  if (keys.includes(value)) return { key: value };
  const sidShape = kind === "service" ? 'an IS SID ("IS" and 32 hex digits)' : 'an RL SID ("RL" and 32 hex digits)';
  const known = keys.length > 0 ? `known keys: ${keys.join(", ")}` : `${where} has none`;
  return `${JSON.stringify(value)} is not a key of ${where} (${known}) nor ${sidShape}`;
}

/** Role fields of a service configuration and the role type each needs. */
export const ROLE_FIELDS = {
  defaultConversationCreatorRole: "conversation",
  defaultConversationRole: "conversation",
  defaultChatServiceRole: "service",
} as const;

/** Every cross-entry problem in a structurally valid document. */
export function referenceIssues(doc: SpecDocument): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const add = (path: SpecPath, message: string) => issues.push({ path, message });
  const serviceKeys = Object.keys(doc.services ?? {});

  // Parameters: declared, and well-formed.
  const declared = new Set(Object.keys(doc.parameters ?? {}));
  for (const [section, value] of parameterisedSections(doc)) {
    forEachString(value, [section], (text, path) => {
      for (const use of parameterUses(text)) {
        if (!use.valid) {
          add(path, `"\${${use.name}}" is not a parameter reference: a name is letters, digits and _ (write $\${ for a literal \${)`);
        } else if (!declared.has(use.name)) {
          const list = declared.size > 0 ? `declared: ${[...declared].join(", ")}` : "the document declares none";
          add(path, `uses parameter "${use.name}", which is not declared under parameters (${list})`);
        }
      }
    });
  }

  const serviceRef = (value: string | undefined, path: SpecPath) => {
    if (value === undefined || hasParameters(value)) return;
    const ref = checkReference(value, "service", serviceKeys, "services");
    if (typeof ref === "string") add(path, ref);
  };

  serviceRef(doc.account?.defaultChatService, ["account", "defaultChatService"]);

  for (const [serviceKey, service] of Object.entries(doc.services ?? {})) {
    const roles: Record<string, SpecRole> = service.roles ?? {};
    const roleKeys = Object.keys(roles);
    for (const [field, type] of Object.entries(ROLE_FIELDS) as Array<[keyof typeof ROLE_FIELDS, string]>) {
      const value = service.configuration?.[field];
      if (value === undefined || hasParameters(value)) continue;
      const path = ["services", serviceKey, "configuration", field];
      const ref = checkReference(value, "role", roleKeys, `services.${serviceKey}.roles`);
      if (typeof ref === "string") {
        add(path, ref);
      } else if ("key" in ref && roles[ref.key]!.type !== type && !hasParameters(roles[ref.key]!.type)) {
        add(path, `names role "${ref.key}" of type ${roles[ref.key]!.type}, but this default takes a ${type} role`);
      }
    }
    // Adoption finds a role by name: two entries adopting one name would both take the same role.
    const byName = new Map<string, string>();
    for (const [roleKey, role] of Object.entries(roles)) {
      const other = byName.get(role.friendlyName);
      if (other !== undefined && (role.adoptExisting || roles[other]!.adoptExisting)) {
        add(
          ["services", serviceKey, "roles", roleKey, "friendlyName"],
          `is also the name of role "${other}": a role adopted by name must be the only one of that name`,
        );
      }
      byName.set(role.friendlyName, roleKey);
    }
  }

  const servicesByName = new Map<string, string>();
  for (const [serviceKey, service] of Object.entries(doc.services ?? {})) {
    const other = servicesByName.get(service.friendlyName);
    if (other !== undefined && (service.adoptExisting || doc.services![other]!.adoptExisting)) {
      add(
        ["services", serviceKey, "friendlyName"],
        `is also the name of service "${other}": a service adopted by name must be the only one of that name`,
      );
    }
    servicesByName.set(service.friendlyName, serviceKey);
  }

  // A unique name is unique within its service (Twilio's 50353).
  const uniqueNames = new Map<string, string>();
  for (const [key, conversation] of Object.entries(doc.conversations ?? {})) {
    serviceRef(conversation.service, ["conversations", key, "service"]);
    const { uniqueName } = conversation;
    if (
      uniqueName === undefined ||
      hasParameters(uniqueName) ||
      (conversation.service !== undefined && hasParameters(conversation.service))
    )
      continue;
    const scope = `${conversation.service ?? doc.account?.defaultChatService ?? "(default service)"}\u0000${uniqueName}`;
    const other = uniqueNames.get(scope);
    if (other !== undefined) {
      add(
        ["conversations", key, "uniqueName"],
        `"${uniqueName}" is also the unique name of conversation "${other}" in the same service (Twilio refuses it, code 50353)`,
      );
    }
    uniqueNames.set(scope, key);
  }

  // One orchestrator configuration per v1 service (Twilio answers 409 to a second bridge).
  const bridged = new Map<string, string>();
  for (const [key, configuration] of Object.entries(doc.orchestratorConfigurations ?? {})) {
    const service = configuration.conversationsV1Bridge?.service;
    if (service === undefined) continue;
    const path = ["orchestratorConfigurations", key, "conversationsV1Bridge", "service"];
    serviceRef(service, path);
    if (hasParameters(service)) continue;
    const other = bridged.get(service);
    if (other !== undefined)
      add(path, `service "${service}" is already bridged by orchestrator configuration "${other}": one configuration per service`);
    bridged.set(service, key);
  }
  return issues;
}
