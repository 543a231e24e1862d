import { globalConfigurationProvider } from "../../../../resources/global-configuration/provider";

const ACCOUNT = "AC" + "0".repeat(32);
const IS = "IS" + "ab".repeat(16);
const outs = {
  defaultChatServiceSid: IS,
  defaultInactiveTimer: "PT5M",
  originalValues: {
    defaultChatServiceSid: "IS" + "cd".repeat(16),
    defaultMessagingServiceSid: null,
    defaultInactiveTimer: null,
    defaultClosedTimer: null,
  },
  accountSid: ACCOUNT,
  url: "https://conversations.twilio.com/v1/Configuration",
  __provider: "shim",
};
const diff = (news: Record<string, unknown>) => globalConfigurationProvider.diff!(ACCOUNT, outs, { __provider: "shim", ...news });

describe("GlobalConfiguration diff", () => {
  it("sees no change in the same values spelt differently (durations by length, SIDs without case)", async () => {
    expect(await diff({ defaultChatServiceSid: "IS" + "AB".repeat(16), defaultInactiveTimer: "PT300S" })).toMatchObject({
      changes: false,
      replaces: [],
    });
  });

  it("ignores fields it does not manage, whatever the account holds for them", async () => {
    expect(await diff({ defaultChatServiceSid: IS, defaultInactiveTimer: "PT5M" })).toMatchObject({ changes: false });
  });

  it("sees a changed value, updating in place (a singleton is never replaced)", async () => {
    expect(await diff({ defaultChatServiceSid: IS, defaultInactiveTimer: "PT6M" })).toEqual({
      changes: true,
      replaces: [],
      stables: ["defaultChatServiceSid", "defaultMessagingServiceSid", "defaultClosedTimer"],
      deleteBeforeReplace: false,
    });
  });

  it("sees a field removed from the program, so the update puts back its original", async () => {
    expect(await diff({ defaultChatServiceSid: IS })).toMatchObject({ changes: true, replaces: [] });
  });

  it("sees a field declared for the first time", async () => {
    expect(await diff({ defaultChatServiceSid: IS, defaultInactiveTimer: "PT5M", defaultClosedTimer: "PT10M" })).toMatchObject({
      changes: true,
    });
  });
});
