/** A role of a conversation service (id: its RL SID). */
import { defineKind, showOutput } from "../kind";
import { serviceRoleProvider } from "./provider";
import { ServiceRole } from "./resource";
import { serviceRoleSchema } from "./schema";

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
});
