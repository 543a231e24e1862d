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
      stables: ["adoptExisting", "withoutDefaultRoles"],
      deleteBeforeReplace: false,
    });
  });

  it("updates in place when the default roles it does without change; their order does not matter once checked", async () => {
    const without = { ...outs, withoutDefaultRoles: ["channel admin", "service admin"] };
    const diffFrom = (olds: Record<string, unknown>, news: Record<string, unknown>) =>
      conversationServiceProvider.diff!(outs.sid, olds, { __provider: "shim", friendlyName: "Support", ...news });
    expect(await diffFrom(outs, { withoutDefaultRoles: ["channel admin"] })).toMatchObject({ changes: true, replaces: [] });
    expect(await diffFrom(without, { withoutDefaultRoles: ["channel admin", "service admin"] })).toMatchObject({ changes: false });
    expect(await diffFrom(without, { withoutDefaultRoles: ["channel admin"] })).toMatchObject({ changes: true, replaces: [] });
  });
});
