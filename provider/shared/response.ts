import type { z } from "zod";

import { TwilioConversationsError } from "../error";

/** Twilio answered with a success status but a body the provider cannot use. */
export class UnexpectedResponseError extends TwilioConversationsError {}

/**
 * Reads a success response with a small zod schema (only the fields the provider uses; extra
 * fields are ignored), so a body that lacks what the provider needs fails here with a sentence
 * naming the action and the fields, not later as `undefined` in state.
 *
 * @param action what was being done: `creating ConversationService "support"`
 */
export function parseResponse<T>(schema: z.ZodType<T>, data: unknown, action: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => `${i.path.map(String).join(".") || "(body)"}: ${i.message}`).join("; ");
  throw new UnexpectedResponseError(`Unexpected response from Twilio ${action}: ${details}`);
}
