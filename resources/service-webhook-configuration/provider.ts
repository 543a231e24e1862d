/**
 * ServiceWebhookConfiguration: one chat service's webhook settings, a singleton per service (no
 * create, no delete). id = the chat service SID. The recorded-values lifecycle lives in
 * provider/shared/singleton.ts.
 */
import { defineProvider } from "../../provider/shared/define";
import { same } from "../../provider/shared/diff";
import { comparatorsOf, type FieldRules, singletonLifecycle } from "../../provider/shared/singleton";
import { sharedWebhookRules } from "../../provider/shared/webhooks";
import { ChatServiceNotFoundError } from "../service-configuration/provider";
import { fetchServiceWebhookConfiguration, writeServiceWebhookConfiguration } from "./api";
import {
  type ServiceWebhookConfigurationFields,
  type ServiceWebhookConfigurationInputs,
  type ServiceWebhookConfigurationOutputs,
  serviceWebhookConfigurationSchema,
  type ServiceWebhookConfigurationScope,
} from "./schema";

/**
 * The account's fields without the target. A new service has none of them set, so a field first set
 * by this resource is left as it is by destroy, with a warning.
 */
const fields: FieldRules<ServiceWebhookConfigurationFields> = sharedWebhookRules as FieldRules<ServiceWebhookConfigurationFields>;

const describe = (chatServiceSid: string | undefined) => `ServiceWebhookConfiguration of chat service ${chatServiceSid ?? "(unknown)"}`;

export const serviceWebhookConfigurationProvider = defineProvider<ServiceWebhookConfigurationInputs, ServiceWebhookConfigurationOutputs>({
  kind: "ServiceWebhookConfiguration",
  schema: serviceWebhookConfigurationSchema,
  diff: {
    properties: { chatServiceSid: same.sid, ...comparatorsOf(fields) },
    // Another service is another singleton. Create before delete: the new service's settings are
    // taken in charge first, and the old one's are put back only once the new one is in place.
    replaceOnChanges: ["chatServiceSid"],
    deleteBeforeReplace: false,
  },
  describe: (props, id) => describe(props.chatServiceSid ?? id),
  ...singletonLifecycle<ServiceWebhookConfigurationScope, ServiceWebhookConfigurationFields>({
    fields,
    // On import the props are empty and the id is the service SID.
    scope: (props, id) => ({ chatServiceSid: props.chatServiceSid ?? id ?? "" }),
    id: (scope) => scope.chatServiceSid,
    describe: (scope) => describe(scope.chatServiceSid),
    fetch: (client, scope, action) => fetchServiceWebhookConfiguration(client, scope.chatServiceSid, action),
    write: (client, scope, writes, action) => writeServiceWebhookConfiguration(client, scope.chatServiceSid, writes, action),
    missing: (scope, accountSid) => new ChatServiceNotFoundError(scope.chatServiceSid, accountSid),
  }),
});
