/** A conversation service (id: its IS SID). */
import { z } from "zod";

import { DEFAULT_ROLE_NAMES } from "../../provider/shared/twilio-facts";
import { defined } from "../../provider/shared/values";
import type { Exactly } from "../../sdk/type-checks";
import { defineKind, exportPart, showOutput } from "../kind";
import type { ServiceRoleOutputs } from "../service-role/schema";
import { flag, text } from "../spec-fields";
import { inputsOf, listServices } from "./api";
import { conversationServiceProvider } from "./provider";
import { ConversationService, type ConversationServiceEntry } from "./resource";
import { type ConversationServiceOutputs, conversationServiceSchema } from "./schema";

/**
 * The name of the service Twilio creates with every account, as the Console and the API show it
 * (the emulator's emulator/v1/store.ts mirrors it). The exporter recognises that service by this
 * name, never by its being the account's current default (which an account may change).
 */
export const AUTO_CREATED_SERVICE_NAME = "Default Conversations Service";

const entry = {
  friendlyName: text("The service's name, 1 to 256 characters. Changing it replaces the service, with everything in it."),
  adoptExisting: flag(
    "Take charge of the account's only service of this name (every account has a default one) instead of creating one.",
  ).optional(),
  withoutDefaultRoles: z
    .array(text(`A default role's name: ${DEFAULT_ROLE_NAMES.join(", ")}.`), { error: "must be a list of role names" })
    .describe("Twilio's default roles the service does without: deleted once it is created or adopted (Twilio cannot make them again).")
    .optional(),
};
true satisfies Exactly<ConversationServiceEntry, z.output<z.ZodObject<typeof entry>>>;

/** Of Twilio's default roles, those the service has none of (its roles as read by the ServiceRole kind). */
function defaultRolesAbsent(roles: readonly unknown[]): ConversationServiceOutputs["withoutDefaultRoles"] {
  const absent = DEFAULT_ROLE_NAMES.filter((name) => !roles.some((role) => (role as ServiceRoleOutputs).friendlyName === name));
  return absent.length > 0 ? absent : undefined;
}

/** Twilio's own service: its name, and no other service of the account bears it. */
function isAutoCreated(service: ConversationServiceOutputs, services: readonly unknown[]): boolean {
  return (
    service.friendlyName === AUTO_CREATED_SERVICE_NAME &&
    services.filter((s) => (s as ConversationServiceOutputs).friendlyName === AUTO_CREATED_SERVICE_NAME).length === 1
  );
}

export const conversationServiceKind = defineKind({
  name: "ConversationService",
  resource: ConversationService,
  provider: conversationServiceProvider,
  schema: conversationServiceSchema,
  probe: {
    livePath: (entry) => `/v1/Services/${entry.id}`,
    summary: (outputs) => showOutput(outputs, "friendlyName"),
  },
  spec: {
    placement: { section: "services", shape: "map" },
    noun: "a service",
    description: "A conversation service (/v1/Services).",
    entry,
    sidPrefix: "IS",
    idsOutput: "serviceSids",
    adoptBy: "friendlyName",
  },
  export: exportPart<ConversationServiceOutputs>({
    list: "services",
    read: (client, _parent, onPage) => listServices(client, "listing services", onPage),
    label: (service) => `service ${JSON.stringify(service.friendlyName)}`,
    id: (service) => service.sid,
    match: ["friendlyName"],
    key: (service) => ({ name: service.friendlyName, fallback: "service" }),
    // A new service comes with Twilio's default roles: those it lacks are part of what it is.
    withChildren: (service, children) =>
      defined({ ...service, withoutDefaultRoles: defaultRolesAbsent(children.get("ServiceRole") ?? []) }),
    inputs: (service) => ({ ...inputsOf(service) }),
    unread: ["adoptExisting"],
    // Twilio's own service is adopted where the document is applied: every account has one.
    entry: (service, context, services) =>
      defined({
        friendlyName: context.text(service.friendlyName),
        adoptExisting: isAutoCreated(service, services) ? true : undefined,
        withoutDefaultRoles: service.withoutDefaultRoles,
      }),
    asCreated: (service, scope) =>
      isAutoCreated(service, scope.get("ConversationService") ?? []) && service.withoutDefaultRoles === undefined,
  }),
});
