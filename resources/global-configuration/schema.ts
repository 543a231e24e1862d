/**
 * Inputs of a GlobalConfiguration: the account-wide Conversations defaults. Every field is
 * optional; only the declared ones are managed (see provider/shared/singleton.ts).
 */
import { z } from "zod";

import { isoDuration, resourceInputs, sid } from "../../provider/shared/fields";
import type { FieldValues, SingletonOutputs } from "../../provider/shared/singleton";

/** Twilio's minimums: a conversation goes inactive after at least 1 minute, closes after at least 10. */
export const MIN_INACTIVE_TIMER_SECONDS = 60;
export const MIN_CLOSED_TIMER_SECONDS = 600;

export const globalConfigurationSchema = resourceInputs("GlobalConfiguration", {
  defaultChatServiceSid: sid("IS", "a chat service").optional(),
  defaultMessagingServiceSid: sid("MG", "a messaging service").optional(),
  defaultInactiveTimer: isoDuration(MIN_INACTIVE_TIMER_SECONDS).optional(),
  defaultClosedTimer: isoDuration(MIN_CLOSED_TIMER_SECONDS).optional(),
});

/** Checked inputs: the declared fields, verbatim (durations and SIDs are compared, not rewritten). */
export type GlobalConfigurationInputs = z.output<typeof globalConfigurationSchema>;

/** The settable fields; GlobalConfiguration has no scope (the account is the credentials'). */
export type GlobalConfigurationFields = GlobalConfigurationInputs;

/** Every settable field as Twilio holds it; `null` where unset. */
export type GlobalConfigurationValues = FieldValues<GlobalConfigurationFields>;

/** Outputs: the declared fields with live values, `originalValues`, `accountSid` and `url`. */
export type GlobalConfigurationOutputs = SingletonOutputs<Record<never, never>, GlobalConfigurationFields>;
