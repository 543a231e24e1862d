import { checkWith, UNKNOWN } from "../../../../provider/shared/check";
import { KNOWN_PERMISSIONS } from "../../../../resources/service-role/permissions";
import { serviceRoleSchema } from "../../../../resources/service-role/schema";

const IS = "IS" + "0123456789abcdef".repeat(2);
const good = { chatServiceSid: IS, friendlyName: "agent", type: "conversation", permissions: ["sendMessage"] };
const check = (news: Record<string, unknown>) => checkWith(serviceRoleSchema, news);

describe("ServiceRole inputs", () => {
  it.each([
    [
      "missing chatServiceSid",
      { chatServiceSid: undefined },
      "chatServiceSid",
      /^is required: a conversation service SID \("IS" followed by 32 hex digits\)$/,
    ],
    ["chatServiceSid of another kind", { chatServiceSid: "CH" + "0".repeat(32) }, "chatServiceSid", /"IS" followed by 32 hex digits/],
    ["chatServiceSid too short", { chatServiceSid: "IS123" }, "chatServiceSid", /"IS" followed by 32 hex digits/],
    ["missing friendlyName", { friendlyName: undefined }, "friendlyName", /^is required: the role's name, 1 to 64 characters$/],
    ["blank friendlyName", { friendlyName: " " }, "friendlyName", /^must not be blank/],
    ["friendlyName too long", { friendlyName: "r".repeat(65) }, "friendlyName", /^must be at most 64 characters \(got 65\)$/],
    ["missing type", { type: undefined }, "type", /^must be "conversation" or "service"$/],
    ["unknown type", { type: "channel" }, "type", /^must be "conversation" or "service"$/],
    ["type in the wrong case", { type: "Service" }, "type", /^must be "conversation" or "service"$/],
    ["missing permissions", { permissions: undefined }, "permissions", /^must be a list of permission names/],
    ["permissions as one string", { permissions: "sendMessage" }, "permissions", /^must be a list of permission names/],
    ["no permissions", { permissions: [] }, "permissions", /^must name at least one permission/],
    ["a non-string permission", { permissions: ["sendMessage", 7] }, "permissions.1", /^must be a permission name/],
    ["an empty permission", { permissions: [""] }, "permissions.0", /^"" is not a permission; valid names: /],
    [
      "a misspelt permission",
      { permissions: ["sendMesage"] },
      "permissions.0",
      /"sendMesage" is not a permission; valid names: .*sendMessage/,
    ],
    ["a permission in the wrong case", { permissions: ["SendMessage"] }, "permissions.0", /did you mean "sendMessage"\?$/],
    [
      "an unknown property",
      { permission: ["sendMessage"] },
      "permission",
      /^unknown property "permission": ServiceRole takes chatServiceSid, friendlyName, type, permissions and adoptExisting$/,
    ],
  ])("refuses %s", (_label, change, property, reason) => {
    const news: Record<string, unknown> = { ...good, ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete news[k];
    const result = check(news);
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0]).toEqual({ property, reason: expect.stringMatching(reason) });
  });

  it("normalises permissions to a sorted set", () => {
    const result = check({ ...good, permissions: ["sendMessage", "leaveConversation", "sendMessage"] });
    expect(result).toEqual({ inputs: { ...good, permissions: ["leaveConversation", "sendMessage"] } });
  });

  it.each([
    ["a service role", { type: "service", permissions: ["createConversation", "joinConversation", "editOwnUserInfo"] }],
    ["a conversation role", { type: "conversation", permissions: ["sendMessage", "sendMediaMessage", "leaveConversation"] }],
    [
      "permissions Twilio's default roles use",
      { permissions: ["editNotificationLevel", "addNonChatParticipant", "editAnyParticipantAttributes"] },
    ],
    ["an upper-case service SID", { chatServiceSid: IS.toUpperCase().replace(/^IS/, "IS") }],
    ["a 64-character name", { friendlyName: "r".repeat(64) }],
  ])("accepts %s", (_label, change) => {
    expect(check({ ...good, ...change }).failures).toBeUndefined();
  });

  it("knows every documented permission", () => {
    expect(KNOWN_PERMISSIONS).toEqual(
      expect.arrayContaining(["addParticipant", "deleteOwnMessage", "editConversationName", "removeParticipant"]),
    );
  });

  it("lets values not known yet (preview) through", () => {
    expect(check({ ...good, chatServiceSid: UNKNOWN }).failures).toBeUndefined();
    expect(check({ ...good, permissions: UNKNOWN }).failures).toBeUndefined();
  });
});
