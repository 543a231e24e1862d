import { serviceRoleProvider } from "../../../../resources/service-role/provider";

const IS = "IS" + "a".repeat(32);
const outs = {
  sid: "RL" + "b".repeat(32),
  accountSid: "AC" + "0".repeat(32),
  chatServiceSid: IS,
  friendlyName: "agent",
  type: "conversation",
  permissions: ["leaveConversation", "sendMessage"],
  dateCreated: "2024-01-01T00:00:00Z",
  dateUpdated: "2024-01-01T00:00:00Z",
  url: "https://conversations.twilio.com/v1/Services/IS/Roles/RL",
};
const inputs = { chatServiceSid: IS, friendlyName: "agent", type: "conversation", permissions: ["leaveConversation", "sendMessage"] };
const diff = (change: Record<string, unknown>) => serviceRoleProvider.diff!(outs.sid, outs, { ...inputs, ...change });

describe("ServiceRole diff", () => {
  it.each([
    ["the same inputs", {}],
    ["permissions reordered", { permissions: ["sendMessage", "leaveConversation"] }],
    ["permissions repeated", { permissions: ["sendMessage", "leaveConversation", "sendMessage"] }],
    ["the service SID in another case", { chatServiceSid: IS.replace(/a/g, "A") }],
  ])("sees no change with %s", async (_label, change) => {
    expect(await diff(change)).toMatchObject({ changes: false, replaces: [] });
  });

  it.each([
    ["a permission added", { permissions: ["leaveConversation", "sendMessage", "sendMediaMessage"] }],
    ["a permission removed", { permissions: ["sendMessage"] }],
    ["a permission swapped", { permissions: ["leaveConversation", "sendMediaMessage"] }],
  ])("updates in place with %s", async (_label, change) => {
    expect(await diff(change)).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it.each([
    ["chatServiceSid", { chatServiceSid: "IS" + "c".repeat(32) }],
    ["friendlyName", { friendlyName: "supervisor" }],
    ["type", { type: "service" }],
  ])("replaces the role when %s changes, creating the new one first", async (property, change) => {
    expect(await diff(change)).toMatchObject({ changes: true, replaces: [property], deleteBeforeReplace: false });
  });
});
