import { serviceConfigurationProvider } from "../../../../resources/service-configuration/provider";

const IS = "IS" + "ab".repeat(16);
const RL = "RL" + "cd".repeat(16);
const outs = {
  chatServiceSid: IS,
  defaultConversationRoleSid: RL,
  reachabilityEnabled: true,
  originalValues: {
    defaultConversationCreatorRoleSid: null,
    defaultConversationRoleSid: null,
    defaultChatServiceRoleSid: null,
    reachabilityEnabled: false,
  },
  accountSid: "AC" + "0".repeat(32),
  url: `https://conversations.twilio.com/v1/Services/${IS}/Configuration`,
  __provider: "shim",
};
const diff = (news: Record<string, unknown>) => serviceConfigurationProvider.diff!(IS, outs, { __provider: "shim", ...news });
const upper = (sid: string) => sid.slice(0, 2) + sid.slice(2).toUpperCase();

describe("ServiceConfiguration diff", () => {
  it("sees no change in the same SIDs in another hex case", async () => {
    expect(await diff({ chatServiceSid: upper(IS), defaultConversationRoleSid: upper(RL), reachabilityEnabled: true })).toMatchObject({
      changes: false,
      replaces: [],
    });
  });

  it("updates in place when a setting changes", async () => {
    expect(await diff({ chatServiceSid: IS, defaultConversationRoleSid: RL, reachabilityEnabled: false })).toMatchObject({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("sees a setting removed from the program", async () => {
    expect(await diff({ chatServiceSid: IS, defaultConversationRoleSid: RL })).toMatchObject({ changes: true, replaces: [] });
  });

  it("replaces on another service, creating the new one before deleting (restoring) the old", async () => {
    expect(await diff({ chatServiceSid: "IS" + "ef".repeat(16), defaultConversationRoleSid: RL, reachabilityEnabled: true })).toEqual({
      changes: true,
      replaces: ["chatServiceSid"],
      stables: ["defaultConversationCreatorRoleSid", "defaultConversationRoleSid", "defaultChatServiceRoleSid", "reachabilityEnabled"],
      deleteBeforeReplace: false,
    });
  });
});
