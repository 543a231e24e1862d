/**
 * ServiceConfiguration: one chat service's Conversations defaults, a singleton per service (no
 * create, no delete). id = the chat service SID. The recorded-values lifecycle lives in
 * provider/shared/singleton.ts.
 */
import { TwilioConversationsError } from "../../provider/error";
import { defineProvider } from "../../provider/shared/define";
import { same } from "../../provider/shared/diff";
import { comparatorsOf, type FieldRules, singletonLifecycle } from "../../provider/shared/singleton";
import { CANNOT_CLEAR, CLEARABLE, DEFAULT_REACHABILITY } from "../../provider/shared/twilio-facts";
import { fetchServiceConfiguration, writeServiceConfiguration } from "./api";
import {
  type ServiceConfigurationFields,
  type ServiceConfigurationInputs,
  type ServiceConfigurationOutputs,
  serviceConfigurationSchema,
  type ServiceConfigurationScope,
} from "./schema";

/**
 * The fields, how each compares, and what "no value" does on Twilio: the role SIDs cannot be
 * emptied (left as they are when nothing was recorded), and reachability's "no value" is its
 * documented default, off (twilio-facts.ts).
 */
const fields: FieldRules<ServiceConfigurationFields> = {
  defaultConversationCreatorRoleSid: { same: same.sid, removal: CANNOT_CLEAR.sid },
  defaultConversationRoleSid: { same: same.sid, removal: CANNOT_CLEAR.sid },
  defaultChatServiceRoleSid: { same: same.sid, removal: CANNOT_CLEAR.sid },
  reachabilityEnabled: { same: same.deep, removal: CLEARABLE, unset: DEFAULT_REACHABILITY },
};

const describe = (chatServiceSid: string | undefined) => `ServiceConfiguration of chat service ${chatServiceSid ?? "(unknown)"}`;

/** The service does not exist: say how to fix it rather than "404". */
export class ChatServiceNotFoundError extends TwilioConversationsError {
  constructor(chatServiceSid: string, accountSid: string) {
    super(
      `chat service ${chatServiceSid} does not exist in account ${accountSid}: ` +
        `create it first (ConversationService) or fix chatServiceSid`,
    );
  }
}

export const serviceConfigurationProvider = defineProvider<ServiceConfigurationInputs, ServiceConfigurationOutputs>({
  kind: "ServiceConfiguration",
  schema: serviceConfigurationSchema,
  diff: {
    properties: { chatServiceSid: same.sid, ...comparatorsOf(fields) },
    // Another service is another singleton. Create before delete: the new one never collides with
    // the old, and the old one's values are put back only once the new one is in place.
    replaceOnChanges: ["chatServiceSid"],
    deleteBeforeReplace: false,
  },
  describe: (props, id) => describe(props.chatServiceSid ?? id),
  ...singletonLifecycle<ServiceConfigurationScope, ServiceConfigurationFields>({
    fields,
    // On import the props are empty and the id is the service SID.
    scope: (props, id) => ({ chatServiceSid: props.chatServiceSid ?? id ?? "" }),
    id: (scope) => scope.chatServiceSid,
    describe: (scope) => describe(scope.chatServiceSid),
    fetch: (client, scope, action) => fetchServiceConfiguration(client, scope.chatServiceSid, action),
    write: (client, scope, writes, action) => writeServiceConfiguration(client, scope.chatServiceSid, writes, action),
    missing: (scope, accountSid) => new ChatServiceNotFoundError(scope.chatServiceSid, accountSid),
  }),
});
