import * as pulumi from "@pulumi/pulumi";

import { GlobalConfiguration } from "../../../../resources/global-configuration/resource";
import { expectDynamicResource, mockResources, registered, value } from "../../../support/sdk-mocks";

const ACCOUNT = "AC" + "0".repeat(32);
const ORIGINALS = {
  defaultChatServiceSid: "IS" + "a".repeat(32),
  defaultMessagingServiceSid: null,
  defaultInactiveTimer: null,
  defaultClosedTimer: null,
};
const created = mockResources((args) => {
  // What the provider's create would return: the declared inputs plus the recorded values.
  const { __provider: _shim, ...inputs } = args.inputs;
  const state = { ...inputs, originalValues: ORIGINALS, accountSid: ACCOUNT, url: "https://conversations.twilio.com/v1/Configuration" };
  return { id: ACCOUNT, state };
});

describe("GlobalConfiguration (SDK)", () => {
  it("registers a dynamic resource of its type token with the inputs, the provider shim and every output", async () => {
    const config = new GlobalConfiguration("conversations", { defaultInactiveTimer: "PT30M", defaultClosedTimer: pulumi.output("P1D") });
    expect(await value(config.id)).toBe(ACCOUNT);
    const args = registered(created, "conversations");
    expectDynamicResource(args, "GlobalConfiguration");
    expect(args.inputs).toMatchObject({ defaultInactiveTimer: "PT30M", defaultClosedTimer: "P1D" });
    // Undeclared fields are not sent at all, so the provider leaves them alone.
    expect(args.inputs).not.toHaveProperty("defaultChatServiceSid");

    expect(await value(config.defaultInactiveTimer)).toBe("PT30M");
    expect(await value(config.defaultClosedTimer)).toBe("P1D");
    expect(await value(config.defaultChatServiceSid)).toBeUndefined();
    expect(await value(config.originalValues)).toEqual(ORIGINALS);
    expect(await value(config.accountSid)).toBe(ACCOUNT);
    expect(await value(config.url)).toBe("https://conversations.twilio.com/v1/Configuration");
  });

  it("takes no arguments at all (manages nothing, records everything)", async () => {
    const config = new GlobalConfiguration("empty");
    expect(await value(config.originalValues)).toEqual(ORIGINALS);
  });
});
