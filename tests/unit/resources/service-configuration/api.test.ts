import { toWire } from "../../../../resources/service-configuration/api";

describe("ServiceConfiguration wire mapping", () => {
  it("sends the fields given under Twilio's names, booleans as booleans for the form encoder", () => {
    const RL = "RL" + "a".repeat(32);
    expect(toWire({ defaultConversationRoleSid: RL, reachabilityEnabled: false })).toEqual({
      DefaultConversationCreatorRoleSid: undefined,
      DefaultConversationRoleSid: RL,
      DefaultChatServiceRoleSid: undefined,
      ReachabilityEnabled: false,
    });
  });

  it("refuses to send an empty role SID, which Twilio's spec does not allow (minLength 34)", () => {
    expect(() => toWire({ defaultChatServiceRoleSid: null })).toThrow(/DefaultChatServiceRoleSid cannot be cleared on Twilio/);
  });
});
