/**
 * Inputs of a ServiceWebhookConfiguration: one chat service's webhook settings. `chatServiceSid`
 * names the service (its change means another resource); the other fields are optional and only
 * the declared ones are managed (see provider/shared/singleton.ts).
 */
import type { z } from "zod";

import { eventFilters, httpUrl, resourceInputs, sid, webhookMethod } from "../../provider/shared/fields";
import type { FieldValues, SingletonOutputs } from "../../provider/shared/singleton";
import { SERVICE_WEBHOOK_EVENTS } from "../../sdk/webhook-events";

export const serviceWebhookConfigurationSchema = resourceInputs("ServiceWebhookConfiguration", {
  chatServiceSid: sid("IS", "a chat service"),
  method: webhookMethod.optional(),
  filters: eventFilters(SERVICE_WEBHOOK_EVENTS).optional(),
  preWebhookUrl: httpUrl("the pre-event webhook URL").optional(),
  postWebhookUrl: httpUrl("the post-event webhook URL").optional(),
});

/** Checked inputs: the service and the declared fields (the method in capitals, filters without duplicates, URLs trimmed). */
export type ServiceWebhookConfigurationInputs = z.output<typeof serviceWebhookConfigurationSchema>;

/** What names the singleton: the chat service. */
export type ServiceWebhookConfigurationScope = Pick<ServiceWebhookConfigurationInputs, "chatServiceSid">;

/** The settable fields. */
export type ServiceWebhookConfigurationFields = Omit<ServiceWebhookConfigurationInputs, "chatServiceSid">;

/** Every settable field as Twilio holds it; `null` where unset (a new service has nothing set). */
export type ServiceWebhookConfigurationValues = FieldValues<ServiceWebhookConfigurationFields>;

/** Outputs: `chatServiceSid`, the declared fields with live values, `originalValues`, `accountSid` and `url`. */
export type ServiceWebhookConfigurationOutputs = SingletonOutputs<ServiceWebhookConfigurationScope, ServiceWebhookConfigurationFields>;
