import { checkWith, UNKNOWN } from "../../../../provider/shared/check";
import { globalConfigurationSchema } from "../../../../resources/global-configuration/schema";

const check = (news: Record<string, unknown>) => checkWith(globalConfigurationSchema, news);
const IS = "IS" + "0123456789abcdef".repeat(2);
const MG = "MG" + "0123456789ABCDEF".repeat(2);

describe("GlobalConfiguration inputs", () => {
  it.each([
    [
      "a chat service SID with another prefix",
      { defaultChatServiceSid: MG },
      "defaultChatServiceSid",
      /^must be a chat service SID: "IS" followed by 32 hex digits$/,
    ],
    [
      "a chat service SID that is not hex",
      { defaultChatServiceSid: "IS" + "g".repeat(32) },
      "defaultChatServiceSid",
      /^must be a chat service SID/,
    ],
    ["a chat service SID that is not a string", { defaultChatServiceSid: 1 }, "defaultChatServiceSid", /^must be a chat service SID/],
    [
      "a messaging service SID with another prefix",
      { defaultMessagingServiceSid: IS },
      "defaultMessagingServiceSid",
      /^must be a messaging service SID: "MG" followed by 32 hex digits$/,
    ],
    [
      "a messaging service SID too long",
      { defaultMessagingServiceSid: MG + "0" },
      "defaultMessagingServiceSid",
      /^must be a messaging service SID/,
    ],
    [
      "an inactive timer under a minute",
      { defaultInactiveTimer: "PT59S" },
      "defaultInactiveTimer",
      /^must be at least 1 minute \(got "PT59S"\)$/,
    ],
    [
      "an inactive timer in words",
      { defaultInactiveTimer: "5 minutes" },
      "defaultInactiveTimer",
      /^must be an ISO 8601 duration such as "PT1M" or "P1D"/,
    ],
    [
      "a closed timer under ten minutes",
      { defaultClosedTimer: "PT9M59S" },
      "defaultClosedTimer",
      /^must be at least 10 minutes \(got "PT9M59S"\)$/,
    ],
    ["a closed timer in seconds as a number", { defaultClosedTimer: 600 }, "defaultClosedTimer", /expected string/],
    [
      "an unknown property",
      { defaultChatService: IS },
      "defaultChatService",
      /^unknown property "defaultChatService": GlobalConfiguration takes defaultChatServiceSid, defaultMessagingServiceSid, defaultInactiveTimer and defaultClosedTimer$/,
    ],
  ])("refuses %s", (_label, news, property, reason) => {
    const result = check(news);
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0]!.property).toBe(property);
    expect(result.failures![0]!.reason).toMatch(reason);
  });

  it("reports every bad property at once", () => {
    const result = check({ defaultInactiveTimer: "PT1S", defaultClosedTimer: "PT1M" });
    expect(result.failures!.map((f) => f.property)).toEqual(["defaultInactiveTimer", "defaultClosedTimer"]);
  });

  it.each([
    ["nothing (manage no field)", {}],
    ["the minimums", { defaultInactiveTimer: "PT1M", defaultClosedTimer: "PT10M" }],
    ["the minimums spelt in seconds", { defaultInactiveTimer: "PT60S", defaultClosedTimer: "PT600S" }],
    ["days", { defaultInactiveTimer: "P1D", defaultClosedTimer: "P30D" }],
  ])("accepts %s, unchanged", (_label, news) => {
    expect(check(news)).toEqual({ inputs: news });
  });

  it("accepts SIDs in either hex case and with spaces around, and sends them as Twilio writes them", () => {
    expect(check({ defaultChatServiceSid: ` ${IS} `, defaultMessagingServiceSid: MG })).toEqual({
      inputs: { defaultChatServiceSid: IS, defaultMessagingServiceSid: MG.toLowerCase().replace(/^mg/, "MG") },
    });
  });

  it("accepts durations in lower case or with spaces around, and sends them upper case and trimmed", () => {
    expect(check({ defaultInactiveTimer: " PT5M", defaultClosedTimer: "p1dt2h " })).toEqual({
      inputs: { defaultInactiveTimer: "PT5M", defaultClosedTimer: "P1DT2H" },
    });
  });

  it.each([
    ["months", "P1M", /must not use years or months, which have no fixed length: write days or weeks instead \(P30D, P52W\) \(got "P1M"\)/],
    ["a fraction of an hour", "PT1.5H", /fraction only on seconds: write smaller units instead \(PT1H30M/],
    ["a decimal comma", "PT90,5S", /must use "\." for a fraction of a second/],
    ["PT0S", "PT0S", /to turn the timer off, remove it from the program/],
  ])("refuses %s with the spelling to use instead", (_label, value, reason) => {
    expect(check({ defaultInactiveTimer: value }).failures).toEqual([
      { property: "defaultInactiveTimer", reason: expect.stringMatching(reason) },
    ]);
  });

  it("drops __provider", () => {
    expect(check({ __provider: "shim", defaultInactiveTimer: "PT5M" })).toEqual({ inputs: { defaultInactiveTimer: "PT5M" } });
  });

  it("lets values not known yet (preview) through", () => {
    expect(check({ defaultChatServiceSid: UNKNOWN, defaultClosedTimer: UNKNOWN }).failures).toBeUndefined();
  });
});
