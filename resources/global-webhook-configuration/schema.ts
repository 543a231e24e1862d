/**
 * Inputs of a GlobalWebhookConfiguration: the account's Conversations webhook settings. Every field
 * is optional; only the declared ones are managed (see provider/shared/singleton.ts).
 */
import { z } from "zod";

import { eventFilters, httpUrl, resourceInputs, webhookMethod } from "../../provider/shared/fields";
import type { FieldValues, SingletonOutputs } from "../../provider/shared/singleton";
import { ACCOUNT_WEBHOOK_EVENTS, WEBHOOK_TARGETS } from "./resource";

export const globalWebhookConfigurationSchema = resourceInputs("GlobalWebhookConfiguration", {
  method: webhookMethod.optional(),
  filters: eventFilters(ACCOUNT_WEBHOOK_EVENTS).optional(),
  preWebhookUrl: httpUrl("the pre-event webhook URL").optional(),
  postWebhookUrl: httpUrl("the post-event webhook URL").optional(),
  target: z.enum(WEBHOOK_TARGETS, { error: `must be "webhook" or "flex"` }).optional(),
});

/** Checked inputs: the declared fields (the method in capitals, filters without duplicates, URLs trimmed). */
export type GlobalWebhookConfigurationInputs = z.output<typeof globalWebhookConfigurationSchema>;

/** The settable fields; the account's webhooks have no scope (the account is the credentials'). */
export type GlobalWebhookConfigurationFields = GlobalWebhookConfigurationInputs;

/** Every settable field as Twilio holds it; `null` where unset (an empty filter list included). */
export type GlobalWebhookConfigurationValues = FieldValues<GlobalWebhookConfigurationFields>;

/** Outputs: the declared fields with live values, `originalValues`, `accountSid` and `url`. */
export type GlobalWebhookConfigurationOutputs = SingletonOutputs<Record<never, never>, GlobalWebhookConfigurationFields>;
