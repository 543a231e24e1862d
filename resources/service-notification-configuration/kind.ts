/** A conversation service's push notification settings, a singleton taken in charge (id: the service SID). */
import { z } from "zod";

import type { Exactly } from "../../sdk/type-checks";
import type { ConversationServiceOutputs } from "../conversation-service/schema";
import { defineKind, exportPart, showOutput } from "../kind";
import { documentObject, flag, text } from "../spec-fields";
import { fetchServiceNotificationConfiguration } from "./api";
import { serviceNotificationConfigurationProvider } from "./provider";
import { ServiceNotificationConfiguration, type ServiceNotificationConfigurationEntry } from "./resource";
import { LEAVES, nest, serviceNotificationConfigurationSchema, type ServiceNotificationFlatValues } from "./schema";

const enabled = (what: string) => flag(`Whether ${what} sends a push notification.`).optional();
const template = (what: string) =>
  text(
    `The template of ${what}'s push, with Twilio's placeholders written $\${CONVERSATION}, $\${MESSAGE}, ...; null for Twilio's default.`,
  )
    .nullable()
    .optional();
const sound = (what: string) => text(`The sound ${what}'s push plays; null for none.`).nullable().optional();

const entry = {
  logEnabled: flag("Whether Twilio logs the service's push notifications.").optional(),
  newMessage: documentObject(
    {
      enabled: enabled("a new message"),
      template: template("a new message"),
      sound: sound("a new message"),
      badgeCountEnabled: flag("Whether the app's badge counts unread messages.").optional(),
      withMedia: documentObject(
        { enabled: enabled("a message with media"), template: template("a message with media") },
        "the push for a message with media",
      )
        .describe("The push sent for a message with media (files).")
        .optional(),
    },
    "the new message push",
  )
    .describe("The push sent for each new message.")
    .optional(),
  addedToConversation: documentObject(
    { enabled: enabled("being added to a conversation"), template: template("being added"), sound: sound("being added") },
    "the added-to-conversation push",
  )
    .describe("The push sent to a participant added to a conversation.")
    .optional(),
  removedFromConversation: documentObject(
    { enabled: enabled("being removed from a conversation"), template: template("being removed"), sound: sound("being removed") },
    "the removed-from-conversation push",
  )
    .describe("The push sent to a participant removed from a conversation.")
    .optional(),
};
true satisfies Exactly<ServiceNotificationConfigurationEntry, z.output<z.ZodObject<typeof entry>>>;

/** Whether a leaf holds what a new service has there: no template or sound, every flag off (emulator/v1/store.ts models it). */
const isFresh = (value: unknown) => value === null || value === false;

export const serviceNotificationConfigurationKind = defineKind({
  name: "ServiceNotificationConfiguration",
  resource: ServiceNotificationConfiguration,
  provider: serviceNotificationConfigurationProvider,
  schema: serviceNotificationConfigurationSchema,
  probe: {
    livePath: (entry) => `/v1/Services/${entry.id}/Configuration/Notifications`,
    summary: (outputs) => showOutput(outputs, "newMessage"),
  },
  spec: {
    placement: { section: "notifications", shape: "singleton", parent: { kind: "ConversationService", input: "chatServiceSid" } },
    noun: "a service's notifications",
    description:
      "The service's push notification settings (/v1/Services/{IS}/Configuration/Notifications), per event. Only the settings given are managed.",
    entry,
  },
  export: exportPart<ServiceNotificationFlatValues>({
    list: "notifications",
    per: "ConversationService",
    read: async (client, service) => {
      const { sid, friendlyName } = service as ConversationServiceOutputs;
      const live = await fetchServiceNotificationConfiguration(
        client,
        sid,
        `reading the notification settings of service ${JSON.stringify(friendlyName)}`,
      );
      return live ? [live.values] : [];
    },
    inputs: (values) => nest(values),
    // Only what differs from a new service's settings: an untouched service writes nothing. Templates
    // hold Twilio's `${...}` placeholders, written `$${...}` so the document does not read them as parameters.
    entry: (values, context) =>
      nest(
        Object.fromEntries(
          LEAVES.filter(([path]) => !isFresh(values[path])).map(([path, type]) => [
            path,
            type === "text" ? context.text(values[path] as string) : values[path],
          ]),
        ),
      ),
    asCreated: (values) => Object.values(values).every(isFresh),
  }),
});
