import { checkWith, UNKNOWN } from "../../../../provider/shared/check";
import { conversationSchema } from "../../../../resources/conversation/schema";

const check = (news: Record<string, unknown>) => checkWith(conversationSchema, news);

const IS = "IS0123456789abcdef0123456789abcdef";
const MG = "MG0123456789abcdef0123456789abcdef";

describe("Conversation inputs: bad values fail on their property path with what would be valid", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    [
      "a service SID of the wrong kind",
      { chatServiceSid: MG },
      "chatServiceSid",
      /must be a conversation service SID: "IS" followed by 32 hex digits/,
    ],
    [
      "a messaging service SID of the wrong kind",
      { messagingServiceSid: IS },
      "messagingServiceSid",
      /must be a messaging service SID: "MG"/,
    ],
    ["an empty unique name", { uniqueName: "" }, "uniqueName", /must not be empty: omit uniqueName/],
    ["a unique name over 256 characters", { uniqueName: "u".repeat(257) }, "uniqueName", /at most 256 characters \(got 257\)/],
    [
      "a unique name shaped like a conversation SID",
      { uniqueName: "CH0123456789abcdef0123456789abcdef" },
      "uniqueName",
      /must not look like a Twilio SID.*50390/,
    ],
    [
      "a unique name shaped like any SID",
      { uniqueName: "IS0123456789ABCDEF0123456789ABCDEF" },
      "uniqueName",
      /must not look like a Twilio SID/,
    ],
    ["a unique name that is not a string", { uniqueName: 7 }, "uniqueName", /must be a string of 1 to 256 characters/],
    ["a friendly name over 256 characters", { friendlyName: "f".repeat(257) }, "friendlyName", /at most 256 characters \(got 257\)/],
    ["attributes that are not JSON", { attributes: "{nope" }, "attributes", /must be valid JSON/],
    ["attributes over 16 KB", { attributes: { text: "x".repeat(16 * 1024) } }, "attributes", /at most 16 KB/],
    ["an unknown state", { state: "open" }, "state", /must be one of initializing, inactive, active, closed/],
    ["an inactive timer under 1 minute", { timers: { inactive: "PT59S" } }, "timers.inactive", /at least 1 minute \(got "PT59S"\)/],
    ["a closed timer under 10 minutes", { timers: { closed: "PT9M" } }, "timers.closed", /at least 10 minutes \(got "PT9M"\)/],
    ["a timer that is not a duration", { timers: { closed: "1 day" } }, "timers.closed", /ISO 8601 duration such as/],
    ["a misspelt timer", { timers: { inactiv: "PT1H" } }, "timers.inactiv", /not a known property: expected one of inactive, closed/],
    ["timers that are not an object", { timers: "PT1H" }, "timers", /must be an object such as \{ inactive: "PT1H", closed: "P1D" \}/],
    [
      "timers on a closed conversation",
      { state: "closed", timers: { closed: "P1D" } },
      "timers",
      /only be set on an active or inactive conversation, not a closed one.*50382/,
    ],
    ["timers on an initializing conversation", { state: "initializing", timers: { inactive: "PT1H" } }, "timers", /not a initializing one/],
    [
      "an email binding that is not an address",
      { bindings: { email: { address: "support" } } },
      "bindings.email.address",
      /must be an email address such as support@example.com/,
    ],
    ["a misspelt binding", { bindings: { mail: {} } }, "bindings.mail", /expected one of email/],
    ["webhooksEnabled as text", { webhooksEnabled: "false" }, "webhooksEnabled", /must be true or false/],
    ["adoptExisting without a unique name", { adoptExisting: true }, "adoptExisting", /needs a uniqueName/],
    [
      "an unknown property",
      { friendly_name: "x" },
      "friendly_name",
      /unknown property "friendly_name": Conversation takes chatServiceSid, uniqueName, friendlyName, .* and adoptExisting/,
    ],
  ];

  it.each(cases)("%s", (_what, news, property, reason) => {
    const result = check(news);
    expect(result.failures).toBeDefined();
    const failure = result.failures!.find((f) => f.property === property);
    expect(failure).toBeDefined();
    expect(failure!.reason).toMatch(reason);
  });
});

describe("Conversation inputs: good values", () => {
  it("accepts an empty conversation (every field is optional)", () => {
    expect(check({})).toEqual({ inputs: {} });
  });

  it("accepts every field and normalises attributes to canonical JSON text", () => {
    const result = check({
      __provider: "shim",
      chatServiceSid: IS,
      uniqueName: "support",
      friendlyName: "Support desk",
      attributes: { b: 1, a: { d: [1, 2], c: null } },
      messagingServiceSid: MG,
      state: "inactive",
      timers: { inactive: "PT1M", closed: "PT600S" },
      bindings: { email: { address: "support@example.com", name: "Support" } },
      webhooksEnabled: false,
      adoptExisting: true,
    });
    expect(result.failures).toBeUndefined();
    expect(result.inputs).toEqual({
      chatServiceSid: IS,
      uniqueName: "support",
      friendlyName: "Support desk",
      attributes: '{"a":{"c":null,"d":[1,2]},"b":1}',
      messagingServiceSid: MG,
      state: "inactive",
      timers: { inactive: "PT1M", closed: "PT600S" },
      bindings: { email: { address: "support@example.com", name: "Support" } },
      webhooksEnabled: false,
      adoptExisting: true,
    });
  });

  it("gives JSON text and an object with the same data the same normalised value", () => {
    expect(check({ attributes: '{ "b": 1,\n "a": 2 }' }).inputs).toEqual(check({ attributes: { a: 2, b: 1 } }).inputs);
  });

  it("accepts unique names that only resemble a SID", () => {
    for (const uniqueName of [
      "ch0123456789abcdef0123456789abcdef",
      "CH0123456789abcdef0123456789abcde",
      "support-CH0123456789abcdef0123456789abcdef",
    ]) {
      expect(check({ uniqueName }).failures).toBeUndefined();
    }
  });

  it("accepts timers without a declared state (Twilio's default is active)", () => {
    expect(check({ timers: { inactive: "PT1H" } }).failures).toBeUndefined();
  });

  it("accepts an email binding with only a name", () => {
    expect(check({ bindings: { email: { name: "Support" } } }).failures).toBeUndefined();
  });

  it("lets values not known yet (preview) through unchecked", () => {
    expect(check({ chatServiceSid: UNKNOWN, uniqueName: UNKNOWN, timers: UNKNOWN })).toEqual({
      inputs: { chatServiceSid: UNKNOWN, uniqueName: UNKNOWN, timers: UNKNOWN },
    });
  });
});
