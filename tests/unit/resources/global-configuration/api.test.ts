import { toWire } from "../../../../resources/global-configuration/api";

describe("GlobalConfiguration wire mapping", () => {
  it("sends the fields given under Twilio's names, clears with an empty string, leaves the rest out", () => {
    expect(toWire({ defaultInactiveTimer: "PT5M", defaultClosedTimer: null })).toEqual({
      DefaultChatServiceSid: undefined,
      DefaultMessagingServiceSid: undefined,
      DefaultInactiveTimer: "PT5M",
      DefaultClosedTimer: "",
    });
  });
});
