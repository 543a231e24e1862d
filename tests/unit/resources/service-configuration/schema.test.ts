import { checkWith, UNKNOWN } from "../../../../provider/shared/check";
import { serviceConfigurationSchema } from "../../../../resources/service-configuration/schema";

const check = (news: Record<string, unknown>) => checkWith(serviceConfigurationSchema, news);
const IS = "IS" + "0123456789abcdef".repeat(2);
const RL = "RL" + "0123456789abcdef".repeat(2);

describe("ServiceConfiguration inputs", () => {
  it.each([
    ["a missing chatServiceSid", {}, "chatServiceSid", /^is required: a chat service SID \("IS" followed by 32 hex digits\)$/],
    [
      "a chatServiceSid with another prefix",
      { chatServiceSid: RL },
      "chatServiceSid",
      /^must be a chat service SID: "IS" followed by 32 hex digits$/,
    ],
    [
      "a creator role with another prefix",
      { chatServiceSid: IS, defaultConversationCreatorRoleSid: IS },
      "defaultConversationCreatorRoleSid",
      /^must be a conversation-scoped role SID: "RL" followed by 32 hex digits$/,
    ],
    [
      "a conversation role too short",
      { chatServiceSid: IS, defaultConversationRoleSid: "RL1" },
      "defaultConversationRoleSid",
      /^must be a conversation-scoped role SID/,
    ],
    [
      "a service role that is not a string",
      { chatServiceSid: IS, defaultChatServiceRoleSid: true },
      "defaultChatServiceRoleSid",
      /^must be a service-scoped role SID: "RL" followed by 32 hex digits$/,
    ],
    [
      "a default role of null (Twilio cannot empty a role SID)",
      { chatServiceSid: IS, defaultConversationRoleSid: null },
      "defaultConversationRoleSid",
      /^cannot be null: Twilio cannot empty a default role .*remove the property to leave the role as it is$/,
    ],
    [
      'reachability as the string "true"',
      { chatServiceSid: IS, reachabilityEnabled: "true" },
      "reachabilityEnabled",
      /^must be true or false$/,
    ],
    [
      "an unknown property",
      { chatServiceSid: IS, friendlyName: "x" },
      "friendlyName",
      /^unknown property "friendlyName": ServiceConfiguration takes chatServiceSid, defaultConversationCreatorRoleSid, defaultConversationRoleSid, defaultChatServiceRoleSid and reachabilityEnabled$/,
    ],
  ])("refuses %s", (_label, news, property, reason) => {
    const result = check(news);
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0]!.property).toBe(property);
    expect(result.failures![0]!.reason).toMatch(reason);
  });

  it.each([
    ["the service alone (manage no field)", { chatServiceSid: IS }],
    [
      "every field",
      {
        chatServiceSid: IS,
        defaultConversationCreatorRoleSid: RL,
        defaultConversationRoleSid: RL,
        defaultChatServiceRoleSid: RL,
        reachabilityEnabled: false,
      },
    ],
  ])("accepts %s, unchanged", (_label, news) => {
    expect(check(news)).toEqual({ inputs: news });
  });

  it("accepts upper-case hex in every SID field and sends it in lower case, as Twilio writes SIDs", () => {
    const news = { chatServiceSid: "IS" + "0123456789ABCDEF".repeat(2), defaultConversationRoleSid: "RL" + "ABCDEF0123456789".repeat(2) };
    expect(check(news)).toEqual({
      inputs: { chatServiceSid: "IS" + "0123456789abcdef".repeat(2), defaultConversationRoleSid: "RL" + "abcdef0123456789".repeat(2) },
    });
  });

  it("drops __provider", () => {
    expect(check({ __provider: "shim", chatServiceSid: IS })).toEqual({ inputs: { chatServiceSid: IS } });
  });

  it("lets a service not known yet (preview: a ConversationService created in the same run) through", () => {
    expect(check({ chatServiceSid: UNKNOWN, reachabilityEnabled: true }).failures).toBeUndefined();
  });
});
