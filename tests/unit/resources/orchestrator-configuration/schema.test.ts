import { checkWith } from "../../../../provider/shared/check";
import { orchestratorConfigurationSchema as schema } from "../../../../resources/orchestrator-configuration/schema";

const SERVICE = "IS" + "0123456789abcdef".repeat(2);

const valid = {
  displayName: "support-routing",
  description: "Routes support traffic",
  conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
  memoryStoreId: "mem_store_01",
};

const check = (overrides: Record<string, unknown>) => {
  const news: Record<string, unknown> = { ...valid, ...overrides };
  for (const key of Object.keys(news)) if (news[key] === undefined) delete news[key];
  return checkWith(schema, news);
};

describe("OrchestratorConfiguration inputs", () => {
  // [what, overrides, property path, message pattern]
  const bad: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ["missing displayName", { displayName: undefined }, "displayName", /is required: a display name \(1 to 32/],
    ["long displayName", { displayName: "x".repeat(33) }, "displayName", /at most 32 characters/],
    ["displayName with a dot", { displayName: "a.b" }, "displayName", /only letters, digits, '-', '_' and spaces/],
    ["empty displayName", { displayName: "" }, "displayName", /must not be empty/],
    ["missing description", { description: undefined }, "description", /is required: a description/],
    ["long description", { description: "d".repeat(513) }, "description", /at most 512 characters/],
    [
      "unknown grouping",
      { conversationGroupingType: "GROUP_BY_MOOD" },
      "conversationGroupingType",
      /one of GROUP_BY_PROFILE, GROUP_BY_PARTICIPANT_ADDRESSES, /,
    ],
    ["empty memoryStoreId", { memoryStoreId: "" }, "memoryStoreId", /must not be empty/],
    ["missing memoryStoreId", { memoryStoreId: undefined }, "memoryStoreId", /is required/],
    [
      "unknown channel",
      { channelSettings: { FAX: {} } },
      "channelSettings.FAX",
      /not a channel: use one of VOICE, SMS, RCS, WHATSAPP, CHAT/,
    ],
    [
      "fractional timeout",
      { channelSettings: { SMS: { statusTimeouts: { inactive: 1.5 } } } },
      "channelSettings.SMS.statusTimeouts.inactive",
      /whole number of minutes/,
    ],
    [
      "zero timeout",
      { channelSettings: { SMS: { statusTimeouts: { closed: 0 } } } },
      "channelSettings.SMS.statusTimeouts.closed",
      /at least 1 \(minutes\)/,
    ],
    [
      "timeout as text",
      { channelSettings: { SMS: { statusTimeouts: { inactive: "PT5M" } } } },
      "channelSettings.SMS.statusTimeouts.inactive",
      /whole number of minutes/,
    ],
    [
      "unknown timeout",
      { channelSettings: { SMS: { statusTimeouts: { idle: 5 } } } },
      "channelSettings.SMS.statusTimeouts.idle",
      /unknown property "idle".*inactive, closed/,
    ],
    [
      "rule without to",
      { channelSettings: { CHAT: { captureRules: [{ from: "*" }] } } },
      "channelSettings.CHAT.captureRules.0.to",
      /is required/,
    ],
    [
      "non-text metadata",
      { channelSettings: { CHAT: { captureRules: [{ from: "*", to: "*", metadata: { a: 1 } }] } } },
      "channelSettings.CHAT.captureRules.0.metadata.a",
      /metadata values are strings/,
    ],
    [
      "three callbacks",
      { statusCallbacks: Array(3).fill({ url: "https://example.com/cb" }) },
      "statusCallbacks",
      /at most 2 status callbacks/,
    ],
    ["relative callback URL", { statusCallbacks: [{ url: "/cb" }] }, "statusCallbacks.0.url", /absolute http:\/\/ or https:\/\/ URL/],
    ["ftp callback URL", { statusCallbacks: [{ url: "ftp://example.com/cb" }] }, "statusCallbacks.0.url", /http:\/\/ or https:\/\//],
    ["PUT callback", { statusCallbacks: [{ url: "https://example.com/cb", method: "PUT" }] }, "statusCallbacks.0.method", /POST or GET/],
    ["six intelligence ids", { intelligenceConfigurationIds: ["a", "b", "c", "d", "e", "f"] }, "intelligenceConfigurationIds", /at most 5/],
    ["empty intelligence id", { intelligenceConfigurationIds: [""] }, "intelligenceConfigurationIds.0", /must not be empty/],
    ["memoryExtractionEnabled as text", { memoryExtractionEnabled: "yes" }, "memoryExtractionEnabled", /true or false/],
    [
      "a bridge SID of another kind",
      { conversationsV1Bridge: { serviceId: "MG" + SERVICE.slice(2) } },
      "conversationsV1Bridge.serviceId",
      /"IS" followed by 32 hex digits/,
    ],
    ["bridge without service", { conversationsV1Bridge: {} }, "conversationsV1Bridge.serviceId", /is required/],
    ["unknown top-level property", { displayname: "x" }, "displayname", /unknown property "displayname".*displayName, description/],
  ];

  it.each(bad)("rejects %s on its property", (_what, overrides, property, reason) => {
    const result = check(overrides);
    expect(result.failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });

  it("never lists the SDK's reserved key among the valid properties", () => {
    expect(check({ extra: 1 }).failures![0]!.reason).not.toContain("__logicalName");
  });

  it("accepts the minimal inputs unchanged", () => {
    expect(check({})).toEqual({ inputs: valid });
  });

  it("accepts every property and normalises it", () => {
    const result = check({
      channelSettings: {
        SMS: { statusTimeouts: { inactive: 30, closed: 1440 }, captureRules: [{ from: "*", to: "+15550100", metadata: {} }] },
        CHAT: { statusTimeouts: {}, captureRules: [] },
      },
      statusCallbacks: [{ url: "https://example.com/a" }, { url: "http://127.0.0.1/b", method: "GET" }],
      intelligenceConfigurationIds: ["intelligence_1"],
      memoryExtractionEnabled: true,
      conversationsV1Bridge: { serviceId: SERVICE },
      __logicalName: "proj/dev/support",
    });
    expect(result.failures).toBeUndefined();
    expect(result.inputs).toEqual({
      ...valid,
      // Empty parts are dropped, the channel itself stays.
      channelSettings: {
        SMS: { statusTimeouts: { inactive: 30, closed: 1440 }, captureRules: [{ from: "*", to: "+15550100" }] },
        CHAT: {},
      },
      // The API's default method is filled in.
      statusCallbacks: [
        { url: "https://example.com/a", method: "POST" },
        { url: "http://127.0.0.1/b", method: "GET" },
      ],
      intelligenceConfigurationIds: ["intelligence_1"],
      memoryExtractionEnabled: true,
      conversationsV1Bridge: { serviceId: SERVICE },
      __logicalName: "proj/dev/support",
    });
  });

  it("accepts the limits exactly", () => {
    const result = check({
      displayName: "A-b_c 9".padEnd(32, "x"),
      description: "",
      statusCallbacks: [{ url: "https://a.example" }, { url: "https://b.example" }],
      intelligenceConfigurationIds: ["1", "2", "3", "4", "5"],
      channelSettings: { VOICE: { statusTimeouts: { inactive: 1, closed: 1 } } },
    });
    expect(result.failures).toBeUndefined();
  });
});

describe("OrchestratorConfiguration bridge SID", () => {
  it("takes upper-case hex as every v1 SID field does, and sends it in lower case (v2's pattern)", () => {
    const upper = "IS" + SERVICE.slice(2).toUpperCase();
    expect(check({ conversationsV1Bridge: { serviceId: ` ${upper}` } }).inputs).toMatchObject({
      conversationsV1Bridge: { serviceId: SERVICE },
    });
  });
});
