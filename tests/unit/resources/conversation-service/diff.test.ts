import { conversationServiceProvider } from "../../../../resources/conversation-service/provider";

const outs = {
  sid: "IS" + "a".repeat(32),
  accountSid: "AC" + "0".repeat(32),
  friendlyName: "Support",
  dateCreated: "2024-01-01T00:00:00Z",
  dateUpdated: "2024-01-01T00:00:00Z",
  url: "https://conversations.twilio.com/v1/Services/IS" + "a".repeat(32),
  __provider: "shim",
};
const diff = (news: Record<string, unknown>) => conversationServiceProvider.diff!(outs.sid, outs, { __provider: "shim", ...news });

describe("ConversationService diff", () => {
  it("sees no change when the name is the same (server-side outputs are ignored)", async () => {
    expect(await diff({ friendlyName: "Support" })).toMatchObject({ changes: false, replaces: [] });
  });

  it("replaces the service when the name changes (Twilio has no update), creating the new one first", async () => {
    expect(await diff({ friendlyName: "Support EU" })).toEqual({
      changes: true,
      replaces: ["friendlyName"],
      stables: ["adoptExisting"],
      deleteBeforeReplace: false,
    });
  });
});
