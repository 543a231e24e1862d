import { toWire } from "../../../../resources/global-configuration/api";

describe("GlobalConfiguration wire mapping", () => {
  it("sends the fields given under Twilio's names, clears a timer with PT0S, leaves the rest out", () => {
    expect(toWire({ defaultInactiveTimer: "PT5M", defaultClosedTimer: null })).toEqual({
      DefaultChatServiceSid: undefined,
      DefaultMessagingServiceSid: undefined,
      DefaultInactiveTimer: "PT5M",
      DefaultClosedTimer: "PT0S",
    });
  });

  it("refuses to send an empty SID, which Twilio's spec does not allow (minLength 34)", () => {
    expect(() => toWire({ defaultMessagingServiceSid: null })).toThrow(/DefaultMessagingServiceSid cannot be cleared on Twilio/);
  });
});
