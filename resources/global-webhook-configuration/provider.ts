/**
 * GlobalWebhookConfiguration: the account's webhook settings, a singleton (no create, no delete).
 * id = the account SID. The recorded-values lifecycle lives in provider/shared/singleton.ts.
 */
import { defineProvider } from "../../provider/shared/define";
import { same } from "../../provider/shared/diff";
import { comparatorsOf, type FieldRules, singletonLifecycle } from "../../provider/shared/singleton";
import { CANNOT_UNSET_WEBHOOK } from "../../provider/shared/twilio-facts";
import { sharedWebhookRules } from "../../provider/shared/webhooks";
import { fetchGlobalWebhookConfiguration, writeGlobalWebhookConfiguration } from "./api";
import {
  type GlobalWebhookConfigurationFields,
  type GlobalWebhookConfigurationInputs,
  type GlobalWebhookConfigurationOutputs,
  globalWebhookConfigurationSchema,
} from "./schema";

/** An account always reports a method and a target, so those two always have a value to go back to. */
const fields: FieldRules<GlobalWebhookConfigurationFields> = {
  ...sharedWebhookRules,
  target: { same: same.deep, removal: CANNOT_UNSET_WEBHOOK.target },
};

type Scope = Record<never, never>;

const describe = (accountSid: string | undefined) => `GlobalWebhookConfiguration of account ${accountSid ?? "(the configured one)"}`;

export const globalWebhookConfigurationProvider = defineProvider<GlobalWebhookConfigurationInputs, GlobalWebhookConfigurationOutputs>({
  kind: "GlobalWebhookConfiguration",
  schema: globalWebhookConfigurationSchema,
  diff: { properties: comparatorsOf(fields) },
  describe: (props, id) => describe(("accountSid" in props ? props.accountSid : undefined) ?? id),
  ...singletonLifecycle<Scope, GlobalWebhookConfigurationFields>({
    fields,
    scope: () => ({}),
    id: (_scope, live) => live.accountSid,
    isNamedBy: (id, live) => id.toLowerCase() === live.accountSid.toLowerCase(),
    describe: (_scope, accountSid) => describe(accountSid),
    fetch: (client, _scope, action) => fetchGlobalWebhookConfiguration(client, action),
    write: (client, _scope, writes, action) => writeGlobalWebhookConfiguration(client, writes, action),
    // Every account has webhook settings: a 404 means the base URL does not lead to Twilio's v1 API.
    missing: (_scope, accountSid) =>
      new Error(
        `${describe(accountSid)} was not found (404): check twilio-conversations:baseUrl / TWILIO_CONVERSATIONS_BASE_URL, ` +
          `or unset it to use https://conversations.twilio.com`,
      ),
  }),
});
