import { checkWith, UNKNOWN } from "../../../../provider/shared/check";
import { conversationServiceSchema } from "../../../../resources/conversation-service/schema";

const check = (news: Record<string, unknown>) => checkWith(conversationServiceSchema, news);

describe("ConversationService inputs", () => {
  it.each([
    ["missing friendlyName", {}, "friendlyName", /^is required: the service's name, 1 to 256 characters$/],
    ["friendlyName not a string", { friendlyName: 42 }, "friendlyName", /^must be a string of 1 to 256 characters$/],
    ["empty friendlyName", { friendlyName: "" }, "friendlyName", /^must not be blank/],
    ["blank friendlyName", { friendlyName: "   " }, "friendlyName", /^must not be blank/],
    ["friendlyName too long", { friendlyName: "x".repeat(257) }, "friendlyName", /^must be at most 256 characters \(got 257\)$/],
    [
      "unknown property",
      { friendlyName: "ok", uniqueName: "support" },
      "uniqueName",
      /^unknown property "uniqueName": ConversationService takes friendlyName, adoptExisting and withoutDefaultRoles$/,
    ],
  ])("refuses %s", (_label, news, property, reason) => {
    const result = check(news);
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0]!.property).toBe(property);
    expect(result.failures![0]!.reason).toMatch(reason);
  });

  it.each([
    ["a one-character name", "S"],
    ["a 256-character name", "x".repeat(256)],
    ["spaces inside", "Support Team"],
  ])("accepts %s, unchanged", (_label, friendlyName) => {
    expect(check({ friendlyName })).toEqual({ inputs: { friendlyName } });
  });

  it("drops __provider", () => {
    expect(check({ __provider: "shim", friendlyName: "Support" })).toEqual({ inputs: { friendlyName: "Support" } });
  });

  it("lets a name not known yet (preview) through", () => {
    expect(check({ friendlyName: UNKNOWN }).failures).toBeUndefined();
  });
});
