import { z } from "zod";

import { friendlyName, resourceInputs, sid } from "../../provider/shared/fields";
import { isKnownPermission, KNOWN_PERMISSIONS, suggestPermission } from "./permissions";

/** Twilio's limit on a role's friendly name (official v1 spec: "up to 64 characters"). */
export const MAX_ROLE_NAME_LENGTH = 64;

/** The role types of the official v1 spec (`service_role_enum_role_type`). */
export const ROLE_TYPES = ["conversation", "service"] as const;

const permission = z
  .string({ error: 'must be a permission name such as "sendMessage"' })
  .superRefine((name, ctx) => {
    if (isKnownPermission(name)) return;
    const hint = suggestPermission(name);
    ctx.addIssue({
      code: "custom",
      message: hint
        ? `${JSON.stringify(name)} is not a permission; did you mean ${JSON.stringify(hint)}?`
        : `${JSON.stringify(name)} is not a permission; valid names: ${KNOWN_PERMISSIONS.join(", ")}`,
    });
  })
  // For JSON Schema (sdk/spec/json-schema.ts): the same list the check uses.
  .meta({ enum: [...KNOWN_PERMISSIONS] });

/**
 * Normalises a permission list to a set: duplicates dropped, sorted. Twilio stores a set and the
 * update replaces it whole, so `["a", "b"]` and `["b", "a", "a"]` declare the same role.
 */
export function normalisePermissions(list: readonly string[]): string[] {
  return [...new Set(list)].sort();
}

export const serviceRoleSchema = resourceInputs("ServiceRole", {
  chatServiceSid: sid("IS", "a conversation service"),
  friendlyName: friendlyName("role", MAX_ROLE_NAME_LENGTH),
  type: z.enum(ROLE_TYPES, { error: `must be "conversation" or "service"` }),
  permissions: z
    .array(permission, { error: 'must be a list of permission names, such as ["sendMessage", "leaveConversation"]' })
    .min(1, 'must name at least one permission (Twilio requires one), such as ["sendMessage"]')
    .transform(normalisePermissions),
  // Only the create reads it: take charge of the service's one role of this name (a new service
  // comes with default roles) instead of creating another.
  adoptExisting: z.boolean({ error: "must be true or false" }).optional(),
});

/** Validated inputs, as check returns them (permissions deduplicated and sorted). */
export type ServiceRoleInputs = z.output<typeof serviceRoleSchema>;

/** What a ServiceRole records in state. */
export interface ServiceRoleOutputs extends ServiceRoleInputs {
  /** The role's SID (`RL` + 32 hex); also the resource id. */
  sid: string;
  /** The account the role lives in. */
  accountSid: string;
  /** ISO 8601 timestamps as Twilio reports them. */
  dateCreated: string | null;
  dateUpdated: string | null;
  /** The role's absolute API URL. */
  url: string | null;
}
