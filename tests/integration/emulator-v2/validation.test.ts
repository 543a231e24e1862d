/** Request validation: one failing field per row, 400 with the classic body naming that field. */
import { createBody, v2HarnessForFile } from "./harness";

const BASE = "/v2/ControlPlane/Configurations";
const h = v2HarnessForFile();

const SMS = (setting: unknown) => ({ channelSettings: { SMS: setting } });

// [case, overrides of a valid create body, the field the message must name]
const createCases: Array<[string, Record<string, unknown>, string]> = [
  ["displayName missing", { displayName: undefined }, "displayName"],
  ["displayName too long", { displayName: "x".repeat(33) }, "displayName"],
  ["displayName bad characters", { displayName: "no/slashes" }, "displayName"],
  ["displayName empty", { displayName: "" }, "displayName"],
  ["displayName not a string", { displayName: 7 }, "displayName"],
  ["description missing", { description: undefined }, "description"],
  ["description too long", { description: "d".repeat(513) }, "description"],
  ["conversationGroupingType missing", { conversationGroupingType: undefined }, "conversationGroupingType"],
  ["conversationGroupingType unknown", { conversationGroupingType: "GROUP_BY_MOOD" }, "conversationGroupingType"],
  ["memoryStoreId missing", { memoryStoreId: undefined }, "memoryStoreId"],
  ["memoryStoreId not a string", { memoryStoreId: 12 }, "memoryStoreId"],
  ["unknown channel", { channelSettings: { FAX: {} } }, "channelSettings"],
  ["inactive timeout 0", SMS({ statusTimeouts: { inactive: 0 } }), "channelSettings.SMS.statusTimeouts.inactive"],
  ["closed timeout not an integer", SMS({ statusTimeouts: { closed: 1.5 } }), "channelSettings.SMS.statusTimeouts.closed"],
  ["capture rule without to", SMS({ captureRules: [{ from: "*" }] }), "channelSettings.SMS.captureRules[0].to"],
  [
    "capture rule metadata not strings",
    SMS({ captureRules: [{ from: "*", to: "*", metadata: { a: 1 } }] }),
    "channelSettings.SMS.captureRules[0].metadata.a",
  ],
  ["three status callbacks", { statusCallbacks: [1, 2, 3].map((i) => ({ url: `https://e.com/${i}` })) }, "statusCallbacks"],
  ["status callback without url", { statusCallbacks: [{ method: "POST" }] }, "statusCallbacks[0].url"],
  ["status callback url not a URL", { statusCallbacks: [{ url: "not a url" }] }, "statusCallbacks[0].url"],
  ["status callback method PUT", { statusCallbacks: [{ url: "https://e.com", method: "PUT" }] }, "statusCallbacks[0].method"],
  ["six intelligence ids", { intelligenceConfigurationIds: ["1", "2", "3", "4", "5", "6"] }, "intelligenceConfigurationIds"],
  ["memoryExtractionEnabled a string", { memoryExtractionEnabled: "true" }, "memoryExtractionEnabled"],
  ["bridge serviceId uppercase hex", { conversationsV1Bridge: { serviceId: "IS" + "A".repeat(32) } }, "conversationsV1Bridge.serviceId"],
  ["bridge serviceId wrong prefix", { conversationsV1Bridge: { serviceId: "CH" + "a".repeat(32) } }, "conversationsV1Bridge.serviceId"],
  ["bridge without serviceId", { conversationsV1Bridge: {} }, "conversationsV1Bridge.serviceId"],
];

test.each(createCases)("create: %s", async (_case, overrides, field) => {
  const res = await h.request("POST", BASE, createBody(overrides));
  expect(res.status).toBe(400);
  const body = res.json();
  expect(body).toEqual({
    code: 70002,
    message: expect.any(String),
    more_info: "https://www.twilio.com/docs/errors/70002",
    status: 400,
  });
  expect(body.message).toContain(field);
  expect(h.dump().operations).toEqual([]);
});

test.each([
  ["an array", "[]"],
  ["not JSON", "{nope"],
  ["empty", ""],
])("create: a body that is %s is a 400 with the classic body", async (_case, raw) => {
  const res = await h.request("POST", BASE, raw, { "content-type": "application/json" });
  expect(res.status).toBe(400);
  expect(res.json()).toMatchObject({ code: 70002, status: 400, message: expect.stringMatching(/body/) });
});

test("displayName accepts letters, digits, hyphen, underscore and spaces up to 32", async () => {
  const res = await h.request("POST", BASE, createBody({ displayName: "Aa0-_ " + "z".repeat(26) }));
  expect(res.status).toBe(202);
});

test.each([
  ["an empty channelSettings", { channelSettings: {} }],
  ["a wildcard capture rule", SMS({ captureRules: [{ from: "*", to: "*" }] })],
])("%s is valid", async (_case, overrides) => {
  expect((await h.request("POST", BASE, createBody(overrides))).status).toBe(202);
});

describe("PUT and PATCH", () => {
  let id: string;
  beforeEach(async () => {
    id = await h.createApplied();
  });

  const putBody = { description: "d", conversationGroupingType: "GROUP_BY_PROFILE", memoryStoreId: "m", channelSettings: {} };
  test.each([
    ["description", { ...putBody, description: undefined }],
    ["conversationGroupingType", { ...putBody, conversationGroupingType: undefined }],
    ["memoryStoreId", { ...putBody, memoryStoreId: undefined }],
    ["channelSettings", { ...putBody, channelSettings: undefined }],
    ["displayName", { ...putBody, displayName: "x".repeat(40) }],
  ])("PUT refuses a body without a valid %s", async (field, body) => {
    const res = await h.request("PUT", `${BASE}/${id}`, JSON.parse(JSON.stringify(body)));
    expect(res.status).toBe(400);
    expect(res.json().message).toContain(field);
  });

  test("PUT without displayName is accepted", async () => {
    expect((await h.request("PUT", `${BASE}/${id}`, putBody)).status).toBe(202);
  });

  test.each([
    ["displayName", { displayName: null }],
    ["description", { description: null }],
    ["conversationGroupingType", { conversationGroupingType: "NOPE" }],
    ["channelSettings", { channelSettings: { PIGEON: null } }],
    ["channelSettings.CHAT.statusTimeouts.inactive", { channelSettings: { CHAT: { statusTimeouts: { inactive: -1 } } } }],
    ["statusCallbacks", { statusCallbacks: [{ url: "https://a.com" }, { url: "https://b.com" }, { url: "https://c.com" }] }],
  ])("PATCH refuses a bad %s", async (field, body) => {
    const res = await h.request("PATCH", `${BASE}/${id}`, body);
    expect(res.status).toBe(400);
    expect(res.json().message).toContain(field);
  });

  test("an empty PATCH is accepted and still counts as a write", async () => {
    const res = await h.request("PATCH", `${BASE}/${id}`, {});
    expect(res.status).toBe(202);
  });
});
