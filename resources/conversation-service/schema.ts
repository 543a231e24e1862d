import { z } from "zod";

import { friendlyName, resourceInputs } from "../../provider/shared/fields";
import { DEFAULT_ROLE_NAMES } from "../../provider/shared/twilio-facts";

/** Twilio's limit on a service's friendly name (official v1 spec: "limited to 256 characters"). */
export const MAX_SERVICE_NAME_LENGTH = 256;

/**
 * The inputs of a ConversationService. Twilio's v1 Services have no update endpoint, so
 * `friendlyName` is all a program declares of the service and changing it replaces the service.
 * `adoptExisting` only matters at create: take charge of the account's one service of that name
 * (every account has a default service) instead of creating another. `withoutDefaultRoles` names
 * the roles Twilio made with the service that it does without (a set: sorted, duplicates dropped).
 */
export const conversationServiceSchema = resourceInputs("ConversationService", {
  friendlyName: friendlyName("service", MAX_SERVICE_NAME_LENGTH),
  adoptExisting: z.boolean({ error: "must be true or false" }).optional(),
  withoutDefaultRoles: z
    .array(z.enum(DEFAULT_ROLE_NAMES, { error: `must be one of Twilio's default role names: ${DEFAULT_ROLE_NAMES.join(", ")}` }), {
      error: "must be a list of Twilio's default role names",
    })
    .transform((names) => [...new Set(names)].sort())
    .optional(),
});

/** Validated inputs, as check returns them. */
export type ConversationServiceInputs = z.output<typeof conversationServiceSchema>;

/**
 * What a ConversationService records in state. Its `withoutDefaultRoles` is, of the declared
 * names, those the service does not have as last read: a role of that name made again outside
 * Pulumi drops out of it, which refresh shows as drift.
 */
export interface ConversationServiceOutputs extends ConversationServiceInputs {
  /** The service's SID (`IS` + 32 hex); also the resource id. */
  sid: string;
  /** The account the service lives in. */
  accountSid: string;
  /** ISO 8601 timestamps as Twilio reports them. */
  dateCreated: string | null;
  dateUpdated: string | null;
  /** The service's absolute API URL. */
  url: string | null;
}
