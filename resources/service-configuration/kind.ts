/** A conversation service's configuration, a singleton taken in charge (id: the service SID). */
import type { z } from "zod";

import { defined } from "../../provider/shared/values";
import type { Exactly } from "../../sdk/type-checks";
import type { ConversationServiceOutputs } from "../conversation-service/schema";
import { defineKind, exportPart, type ReferenceField, showOutput } from "../kind";
import type { ServiceRoleOutputs } from "../service-role/schema";
import { flag, text } from "../spec-fields";
import { fetchServiceConfiguration } from "./api";
import { serviceConfigurationProvider } from "./provider";
import { ServiceConfiguration, type ServiceConfigurationEntry } from "./resource";
import { serviceConfigurationSchema, type ServiceConfigurationValues } from "./schema";

const role = (what: string) => text(`${what}: a key of this service's \`roles\`, or an RL SID.`).optional();

const entry = {
  defaultConversationCreatorRole: role("The role given to a conversation's creator (a conversation role)"),
  defaultConversationRole: role("The role given to a conversation's participants (a conversation role)"),
  defaultChatServiceRole: role("The role given to the service's users (a service role)"),
  reachabilityEnabled: flag("Whether the service reports users' reachability.").optional(),
};
true satisfies Exactly<ServiceConfigurationEntry, z.output<z.ZodObject<typeof entry>>>;

/** Each default role: the document's field, the input, the role type it takes and the role Twilio puts there in a new service. */
const ROLES = [
  ["defaultConversationCreatorRole", "defaultConversationCreatorRoleSid", "conversation", "channel admin"],
  ["defaultConversationRole", "defaultConversationRoleSid", "conversation", "channel user"],
  ["defaultChatServiceRole", "defaultChatServiceRoleSid", "service", "service user"],
] as const;

const references: ReferenceField[] = ROLES.map(([field, input, type]) => ({
  field,
  input,
  kind: "ServiceRole",
  requires: { field: "type", value: type, what: "default" },
}));

export const serviceConfigurationKind = defineKind({
  name: "ServiceConfiguration",
  resource: ServiceConfiguration,
  provider: serviceConfigurationProvider,
  schema: serviceConfigurationSchema,
  probe: {
    livePath: (entry) => `/v1/Services/${entry.id}/Configuration`,
    summary: (outputs) => showOutput(outputs, "defaultConversationRoleSid"),
  },
  spec: {
    placement: { section: "configuration", shape: "singleton", parent: { kind: "ConversationService", input: "chatServiceSid" } },
    noun: "a service configuration",
    description: "The service's configuration (/v1/Services/{IS}/Configuration). Only the fields given are managed.",
    entry,
    references,
  },
  export: exportPart<ServiceConfigurationValues>({
    list: "configuration",
    per: "ConversationService",
    read: async (client, service) => {
      const { sid, friendlyName } = service as ConversationServiceOutputs;
      const live = await fetchServiceConfiguration(client, sid, `reading the configuration of service ${JSON.stringify(friendlyName)}`);
      return live ? [live.values] : [];
    },
    inputs: (values) => ({ ...values }),
    // A default role Twilio holds no value for is left out: the document cannot ask for "none"
    // (Twilio cannot empty a role SID), and a new service has its own default roles there.
    entry: (values, context) =>
      defined({
        ...Object.fromEntries(ROLES.map(([field, input]) => [field, context.reference(field, values[input])])),
        reachabilityEnabled: values.reachabilityEnabled ?? undefined,
      }),
    // As Twilio makes it (emulator/v1/store.ts models it): each default role is the new service's role of that name.
    asCreated: (values, scope) => {
      const roles = (scope.get("ServiceRole") ?? []) as ServiceRoleOutputs[];
      const named = (sid: string | null) => roles.find((r) => sid !== null && r.sid.toLowerCase() === sid.toLowerCase())?.friendlyName;
      return values.reachabilityEnabled !== true && ROLES.every(([, input, , name]) => named(values[input]) === name);
    },
  }),
});
