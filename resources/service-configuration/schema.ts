/**
 * Inputs of a ServiceConfiguration: one chat service's Conversations defaults. `chatServiceSid`
 * names the service (its change means another resource); the other fields are optional and only
 * the declared ones are managed (see provider/shared/singleton.ts).
 */
import { z } from "zod";

import { resourceInputs, sid } from "../../provider/shared/fields";
import type { FieldValues, SingletonOutputs } from "../../provider/shared/singleton";

/**
 * A default role: a role SID. Not `null`: the official spec gives the role SIDs a pattern and
 * `minLength: 34`, so Twilio cannot empty one (provider/shared/twilio-facts.ts); to stop managing a
 * default role, remove the property (it is left as it is, with a warning).
 */
const role = (what: string) =>
  z.preprocess((value, ctx) => {
    if (value !== null) return value;
    ctx.addIssue({
      code: "custom",
      message: `cannot be null: Twilio cannot empty a default role (a role SID has a pattern and minLength 34 in the official spec); name ${what}, or remove the property to leave the role as it is`,
    });
    return z.NEVER;
  }, sid("RL", what).optional());

export const serviceConfigurationSchema = resourceInputs("ServiceConfiguration", {
  chatServiceSid: sid("IS", "a chat service"),
  defaultConversationCreatorRoleSid: role("a conversation-scoped role"),
  defaultConversationRoleSid: role("a conversation-scoped role"),
  defaultChatServiceRoleSid: role("a service-scoped role"),
  reachabilityEnabled: z.boolean({ error: "must be true or false" }).optional(),
});

/** Checked inputs: the service and the declared fields, verbatim. */
export type ServiceConfigurationInputs = z.output<typeof serviceConfigurationSchema>;

/** What names the singleton: the chat service. */
export type ServiceConfigurationScope = Pick<ServiceConfigurationInputs, "chatServiceSid">;

/** The settable fields. */
export type ServiceConfigurationFields = Omit<ServiceConfigurationInputs, "chatServiceSid">;

/** Every settable field as Twilio holds it; `null` where unset. */
export type ServiceConfigurationValues = FieldValues<ServiceConfigurationFields>;

/** Outputs: `chatServiceSid`, the declared fields with live values, `originalValues`, `accountSid` and `url`. */
export type ServiceConfigurationOutputs = SingletonOutputs<ServiceConfigurationScope, ServiceConfigurationFields>;
