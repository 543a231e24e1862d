/** A role of a conversation service (id: its RL SID). */
import { z } from "zod";

import { isDefaultRoleName } from "../../provider/shared/twilio-facts";
import { compareText, defined } from "../../provider/shared/values";
import type { Exactly } from "../../sdk/type-checks";
import type { ConversationServiceOutputs } from "../conversation-service/schema";
import { defineKind, type DocumentEntry, exportPart, showOutput } from "../kind";
import { flag, text } from "../spec-fields";
import { inputsOf, listRoles } from "./api";
import { serviceRoleProvider } from "./provider";
import { ServiceRole, type ServiceRoleEntry } from "./resource";
import { type ServiceRoleOutputs, serviceRoleSchema } from "./schema";

const entry = {
  friendlyName: text("The role's name, 1 to 64 characters. Changing it replaces the role."),
  type: text("`service` (given to users) or `conversation` (given to participants). Changing it replaces the role."),
  permissions: z
    .array(text("A permission name, such as sendMessage."), { error: "must be a list of permission names" })
    .describe("The permissions the role grants (a set: order and duplicates do not matter)."),
  adoptExisting: flag(
    "Take charge of the role of this name that the service already has (a new service comes with default roles) instead of creating one.",
  ).optional(),
};
true satisfies Exactly<ServiceRoleEntry, z.output<z.ZodObject<typeof entry>>>;

/**
 * A role named in its service's `withoutDefaultRoles` would be deleted by the service (on create,
 * and again after every refresh that finds it): the two entries would undo each other.
 */
function notDeletedByTheService(entries: readonly DocumentEntry[]) {
  return entries.flatMap(({ path, value, parent }) => {
    const deleted = parent?.value.withoutDefaultRoles;
    const name = value.friendlyName;
    if (!Array.isArray(deleted) || typeof name !== "string" || !deleted.includes(name)) return [];
    return [
      {
        path: [...path, "friendlyName"],
        message: `"${name}" is a default role the service deletes (its withoutDefaultRoles): remove the role, or take the name out of withoutDefaultRoles`,
      },
    ];
  });
}

export const serviceRoleKind = defineKind({
  name: "ServiceRole",
  resource: ServiceRole,
  provider: serviceRoleProvider,
  schema: serviceRoleSchema,
  probe: {
    livePath: (entry) => `/v1/Services/${String(entry.outputs.chatServiceSid)}/Roles/${entry.id}`,
    summary: (outputs) =>
      `${showOutput(outputs, "friendlyName")} (${Array.isArray(outputs.permissions) ? outputs.permissions.length : 0} permissions)`,
  },
  spec: {
    placement: { section: "roles", shape: "map", parent: { kind: "ConversationService", input: "chatServiceSid" } },
    noun: "a role",
    description: "A role of the service.",
    entry,
    sidPrefix: "RL",
    adoptBy: "friendlyName",
    rules: notDeletedByTheService,
  },
  export: exportPart<ServiceRoleOutputs>({
    list: "roles",
    per: "ConversationService",
    read: (client, service, onPage) => {
      const { sid, friendlyName } = service as ConversationServiceOutputs;
      return listRoles(client, sid, `listing the roles of service ${JSON.stringify(friendlyName)}`, onPage);
    },
    id: (role) => role.sid,
    match: ["friendlyName"],
    key: (role) => ({ name: role.friendlyName, fallback: "role" }),
    inputs: (role) => ({ ...inputsOf(role) }),
    unread: ["adoptExisting"],
    // Twilio's default roles (provider/shared/twilio-facts.ts) are adopted where the document is
    // applied: the new service has its own.
    entry: (role, context) =>
      defined({
        friendlyName: context.text(role.friendlyName),
        type: role.type,
        permissions: [...role.permissions].sort(compareText),
        adoptExisting: isDefaultRoleName(role.friendlyName) ? true : undefined,
      }),
    // Twilio's own role: one of its names, never changed since (Twilio dates every update).
    asCreated: (role) => isDefaultRoleName(role.friendlyName) && role.dateCreated !== null && role.dateUpdated === role.dateCreated,
  }),
});
