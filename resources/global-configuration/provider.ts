/**
 * GlobalConfiguration: the account's Conversations defaults, a singleton (no create, no delete).
 * id = the account SID. The recorded-values lifecycle lives in provider/shared/singleton.ts.
 */
import { defineProvider } from "../../provider/shared/define";
import { same } from "../../provider/shared/diff";
import { comparatorsOf, type FieldRules, singletonLifecycle } from "../../provider/shared/singleton";
import { CANNOT_CLEAR, CLEARABLE } from "../../provider/shared/twilio-facts";
import { fetchGlobalConfiguration, writeGlobalConfiguration } from "./api";
import {
  type GlobalConfigurationFields,
  type GlobalConfigurationInputs,
  type GlobalConfigurationOutputs,
  globalConfigurationSchema,
} from "./schema";

/**
 * The fields, how each compares, and what "no value" does on Twilio: the timers clear (`PT0S`),
 * the SIDs cannot be emptied, so a SID with no recorded value is left as it is (twilio-facts.ts).
 */
const fields: FieldRules<GlobalConfigurationFields> = {
  defaultChatServiceSid: { same: same.sid, removal: CANNOT_CLEAR.sid },
  defaultMessagingServiceSid: { same: same.sid, removal: CANNOT_CLEAR.sid },
  defaultInactiveTimer: { same: same.duration, removal: CLEARABLE },
  defaultClosedTimer: { same: same.duration, removal: CLEARABLE },
};

type Scope = Record<never, never>;

const describe = (accountSid: string | undefined) => `GlobalConfiguration of account ${accountSid ?? "(the configured one)"}`;

export const globalConfigurationProvider = defineProvider<GlobalConfigurationInputs, GlobalConfigurationOutputs>({
  kind: "GlobalConfiguration",
  schema: globalConfigurationSchema,
  diff: { properties: comparatorsOf(fields) },
  describe: (props, id) => describe(("accountSid" in props ? props.accountSid : undefined) ?? id),
  ...singletonLifecycle<Scope, GlobalConfigurationFields>({
    fields,
    scope: () => ({}),
    id: (_scope, live) => live.accountSid,
    isNamedBy: (id, live) => id.toLowerCase() === live.accountSid.toLowerCase(),
    describe: (_scope, accountSid) => describe(accountSid),
    fetch: (client, _scope, action) => fetchGlobalConfiguration(client, action),
    write: (client, _scope, writes, action) => writeGlobalConfiguration(client, writes, action),
    // Every account has a configuration: a 404 means the base URL does not lead to Twilio's v1 API.
    missing: (_scope, accountSid) =>
      new Error(
        `${describe(accountSid)} was not found (404): check twilio-conversations:baseUrl / TWILIO_CONVERSATIONS_BASE_URL, ` +
          `or unset it to use https://conversations.twilio.com`,
      ),
  }),
});
