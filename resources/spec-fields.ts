/**
 * Building blocks of a kind's entry in the conversations setup document (its `spec.entry`): the
 * field types as the document writes them, each with a description for editors. Only structure:
 * the rules of each field are the kind's input schema's (resources/<kind>/schema.ts), run on the
 * entry once parameters and references are filled in, and carried into the JSON Schema from there
 * (sdk/spec/json-schema.ts). Also the environment-specific values the exporter turns into parameters.
 */
import { z } from "zod";

import { strictObject } from "../provider/shared/fields";
import { defined } from "../provider/shared/values";
import type { SharedWebhookFields } from "../provider/shared/webhooks";
import type { ExportContext, ParameterKind } from "./kind";

/** A text field. */
export const text = (description: string) => z.string({ error: "must be a string" }).describe(description);

/** A true/false field. */
export const flag = (description: string) => z.boolean({ error: "must be true or false" }).describe(description);

/** The shape of a strict object as messages show it: `{friendlyName, adoptExisting?}`. */
export function shapeListing(shape: z.ZodRawShape): string {
  const fields = Object.entries(shape).map(([k, s]) => (z.safeParse(s, undefined).success ? `${k}?` : k));
  return `{${fields.join(", ")}}`;
}

/**
 * A strict object of the document: a misspelt property is an error naming the properties allowed
 * there. `noun` names it in messages (`a capture rule`), followed by its shape.
 */
export function documentObject<S extends z.ZodRawShape>(shape: S, noun: string) {
  const what = `${noun} ${shapeListing(shape)}`;
  return strictObject(shape, {
    unknown: (_keys, allowed) => `is not a property of ${what}: expected ${allowed.join(", ")}`,
    missing: `is required: ${what}`,
    notObject: `must be a mapping (${what})`,
  });
}

/** Environment-specific values: the exporter writes each distinct one as a parameter of its kind. */
export const ENVIRONMENT_VALUES = {
  messagingServiceSid: { name: "messagingServiceSid", description: "A messaging service SID (MG...) of this environment" },
  memoryStoreId: { name: "memoryStoreId", description: "A memory store id of this environment" },
  statusCallbackUrl: { name: "statusCallbackUrl", description: "A status callback URL of this environment" },
  webhookUrl: { name: "webhookUrl", description: "A webhook URL (pre- or post-event, auto-creation) of this environment" },
  intelligenceConfigurationId: {
    name: "intelligenceConfigurationId",
    description: "An intelligence configuration id of this environment",
  },
} as const satisfies Record<string, ParameterKind>;

/** The entry fields the account's and a service's webhooks share (provider/shared/webhooks.ts). */
export const sharedWebhookEntry = {
  method: text("The HTTP method of the webhook requests: GET or POST.").optional(),
  filters: z
    .array(z.string({ error: "must be an event name" }), { error: "must be a list of event names" })
    .describe("The events that fire the webhooks (a set): onMessageAdded, onConversationUpdated, ...")
    .optional(),
  preWebhookUrl: text("The pre-event webhook URL: an absolute http(s) URL, usually a `${parameter}`.").optional(),
  postWebhookUrl: text("The post-event webhook URL: an absolute http(s) URL, usually a `${parameter}`.").optional(),
};

/**
 * The shared fields of an entry, written only where they differ from what Twilio gives a new
 * account or service (`fresh`): the filters sorted (a set, in an order that does not depend on
 * Twilio's), the URLs as `${webhookUrl}` parameters with the source's value as their default.
 */
export function sharedWebhookEntryOf(
  values: { [K in keyof SharedWebhookFields]-?: SharedWebhookFields[K] | null },
  freshMethod: string | null,
  context: ExportContext,
): Record<string, unknown> {
  const url = (value: string | null) => (value === null ? undefined : context.parameter(ENVIRONMENT_VALUES.webhookUrl, value));
  return defined({
    method: values.method !== freshMethod ? (values.method ?? undefined) : undefined,
    filters: values.filters ? [...values.filters].sort() : undefined,
    preWebhookUrl: url(values.preWebhookUrl),
    postWebhookUrl: url(values.postWebhookUrl),
  });
}
