import * as pulumi from "@pulumi/pulumi";

import { ServiceConfiguration } from "../../../../resources/service-configuration/resource";
import { expectDynamicResource, mockResources, registered, value } from "../../../support/sdk-mocks";

const ACCOUNT = "AC" + "0".repeat(32);
const SERVICE = "IS" + "a".repeat(32);
const ROLE = "RL" + "b".repeat(32);
const ORIGINALS = {
  defaultConversationCreatorRoleSid: ROLE,
  defaultConversationRoleSid: ROLE,
  defaultChatServiceRoleSid: ROLE,
  reachabilityEnabled: false,
};
const created = mockResources((args) => {
  const { __provider: _shim, ...inputs } = args.inputs;
  const url = `https://conversations.twilio.com/v1/Services/${inputs.chatServiceSid}/Configuration`;
  return { id: inputs.chatServiceSid, state: { ...inputs, originalValues: ORIGINALS, accountSid: ACCOUNT, url } };
});

describe("ServiceConfiguration (SDK)", () => {
  it("registers a dynamic resource of its type token with the inputs, the provider shim and every output", async () => {
    const config = new ServiceConfiguration("support", { chatServiceSid: pulumi.output(SERVICE), reachabilityEnabled: true });
    expect(await value(config.id)).toBe(SERVICE);
    const args = registered(created, "support");
    expectDynamicResource(args, "ServiceConfiguration");
    expect(args.inputs).toMatchObject({ chatServiceSid: SERVICE, reachabilityEnabled: true });
    expect(args.inputs).not.toHaveProperty("defaultConversationRoleSid");

    expect(await value(config.chatServiceSid)).toBe(SERVICE);
    expect(await value(config.reachabilityEnabled)).toBe(true);
    expect(await value(config.defaultConversationRoleSid)).toBeUndefined();
    expect(await value(config.defaultConversationCreatorRoleSid)).toBeUndefined();
    expect(await value(config.defaultChatServiceRoleSid)).toBeUndefined();
    expect(await value(config.originalValues)).toEqual(ORIGINALS);
    expect(await value(config.accountSid)).toBe(ACCOUNT);
    expect(await value(config.url)).toBe(`https://conversations.twilio.com/v1/Services/${SERVICE}/Configuration`);
  });
});
