/** A role of a conversation service (id: its RL SID). */
import { z } from "zod";

import { compareText, defined } from "../../provider/shared/values";
import type { Exactly } from "../../sdk/type-checks";
import type { ConversationServiceOutputs } from "../conversation-service/schema";
import { defineKind, exportPart, showOutput } from "../kind";
import { flag, text } from "../spec-fields";
import { inputsOf, listRoles } from "./api";
import { serviceRoleProvider } from "./provider";
import { ServiceRole, type ServiceRoleEntry } from "./resource";
import { type ServiceRoleOutputs, serviceRoleSchema } from "./schema";

/**
 * The roles Twilio gives every new service (the emulator's emulator/v1/store.ts mirrors them).
 * Exported entries of these names are marked `adoptExisting`, so applying the document to another
 * account takes charge of the new service's own instead of adding a second copy.
 */
export const DEFAULT_ROLE_NAMES: readonly string[] = ["service admin", "service user", "channel admin", "channel user"];

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
    entry: (role, context) =>
      defined({
        friendlyName: context.text(role.friendlyName),
        type: role.type,
        permissions: [...role.permissions].sort(compareText),
        adoptExisting: DEFAULT_ROLE_NAMES.includes(role.friendlyName) ? true : undefined,
      }),
    // Twilio's own role: one of its names, never changed since (Twilio dates every update).
    asCreated: (role) =>
      DEFAULT_ROLE_NAMES.includes(role.friendlyName) && role.dateCreated !== null && role.dateUpdated === role.dateCreated,
  }),
});
