/**
 * The webhook settings Twilio's account configuration (`/v1/Configuration/Webhooks`) and each
 * service's (`/v1/Services/{ChatServiceSid}/Configuration/Webhooks`) share: their response fields,
 * their form fields and how each compares and is removed. Each kind's api.ts and provider.ts add
 * what is its own (the account's `Target`, the service's SID) around these.
 */
import { z } from "zod";

import { same } from "./diff";
import { type FieldRules, type FieldValues, settableOnWire, type Writes } from "./singleton";
import { CANNOT_UNSET_WEBHOOK } from "./twilio-facts";

/** The webhook fields of a response (account and service alike); everything is nullable, extra fields are ignored. */
export const webhookResponseFields = {
  account_sid: z.string().nullish(),
  method: z.string().nullish(),
  filters: z.array(z.string()).nullish(),
  pre_webhook_url: z.string().nullish(),
  post_webhook_url: z.string().nullish(),
  url: z.string().nullish(),
};

/** The settings the account's and a service's webhooks share. */
export interface SharedWebhookFields {
  method?: string;
  filters?: string[];
  preWebhookUrl?: string;
  postWebhookUrl?: string;
}

/**
 * The shared fields as the provider holds them: the method in capitals (the spec's enums), and an
 * empty filter list as `null` (no filters: a fresh account reports `[]`, a fresh service `null`).
 */
export function sharedWebhookValues(body: z.output<z.ZodObject<typeof webhookResponseFields>>): FieldValues<SharedWebhookFields> {
  return {
    method: body.method ? body.method.toUpperCase() : null,
    filters: body.filters && body.filters.length > 0 ? body.filters : null,
    preWebhookUrl: body.pre_webhook_url || null,
    postWebhookUrl: body.post_webhook_url || null,
  };
}

/**
 * The form body of the shared fields; fields not given are not sent. None of them is ever sent
 * empty: Twilio has no documented way to unset them (twilio-facts.ts `CANNOT_UNSET_WEBHOOK`).
 */
export function sharedWebhookToWire(writes: Writes<SharedWebhookFields>): Record<string, string | string[] | undefined> {
  return {
    Method: settableOnWire("Method", writes.method),
    Filters: settableOnWire("Filters", writes.filters),
    PreWebhookUrl: settableOnWire("PreWebhookUrl", writes.preWebhookUrl),
    PostWebhookUrl: settableOnWire("PostWebhookUrl", writes.postWebhookUrl),
  };
}

/**
 * The fields the account's and a service's webhooks share, how each compares (filters as a set,
 * URLs as URLs), and what "no value" does on Twilio: none of them can be unset, so a field with no
 * recorded value is left as it is, with a warning (twilio-facts.ts).
 */
export const sharedWebhookRules: FieldRules<SharedWebhookFields> = {
  method: { same: same.deep, removal: CANNOT_UNSET_WEBHOOK.method },
  filters: { same: same.set, removal: CANNOT_UNSET_WEBHOOK.filters },
  preWebhookUrl: { same: same.url, removal: CANNOT_UNSET_WEBHOOK.url },
  postWebhookUrl: { same: same.url, removal: CANNOT_UNSET_WEBHOOK.url },
};
