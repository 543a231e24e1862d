import { toWire } from "../../../../resources/service-configuration/api";

describe("ServiceConfiguration wire mapping", () => {
  it("sends the fields given under Twilio's names, booleans as booleans for the form encoder, clears with an empty string", () => {
    const RL = "RL" + "a".repeat(32);
    expect(toWire({ defaultConversationRoleSid: RL, defaultChatServiceRoleSid: null, reachabilityEnabled: false })).toEqual({
      DefaultConversationCreatorRoleSid: undefined,
      DefaultConversationRoleSid: RL,
      DefaultChatServiceRoleSid: "",
      ReachabilityEnabled: false,
    });
  });
});
