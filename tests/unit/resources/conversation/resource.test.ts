import { Conversation } from "../../../../resources/conversation/resource";
import { expectDynamicResource, mockResources, registered, value } from "../../../support/sdk-mocks";

const SID = "CH" + "c".repeat(32);
const SERVICE = "IS" + "a".repeat(32);
const ACCOUNT = "AC" + "0".repeat(32);
const created = mockResources((args) => {
  // What the provider's create would return: the live values, with the declared ones Twilio does not report.
  const state = {
    ...args.inputs,
    sid: SID,
    accountSid: ACCOUNT,
    chatServiceSid: args.inputs.chatServiceSid ?? SERVICE,
    attributes: '{"tier":"gold"}',
    state: "active",
    dateInactive: "2024-01-01T02:00:00Z",
    dateClosed: "2024-01-03T00:00:00Z",
    dateCreated: "2024-01-01T00:00:00Z",
    dateUpdated: "2024-01-01T00:00:00Z",
    url: `https://conversations.twilio.com/v1/Conversations/${SID}`,
  };
  return { id: SID, state };
});

describe("Conversation (SDK)", () => {
  it("registers a dynamic resource of its type token with the inputs passed through and the provider shim", async () => {
    const conversation = new Conversation("lobby", {
      uniqueName: "lobby",
      friendlyName: "Front desk",
      attributes: { tier: "gold" },
      timers: { inactive: "PT2H", closed: "P2D" },
      bindings: { email: { address: "desk@example.com" } },
      webhooksEnabled: false,
      adoptExisting: true,
    });
    expect(await value(conversation.id)).toBe(SID);
    const args = registered(created, "lobby");
    expectDynamicResource(args, "Conversation");
    expect(args.inputs).toMatchObject({
      uniqueName: "lobby",
      friendlyName: "Front desk",
      attributes: { tier: "gold" },
      timers: { inactive: "PT2H", closed: "P2D" },
      bindings: { email: { address: "desk@example.com" } },
      webhooksEnabled: false,
      adoptExisting: true,
    });
  });

  it("exposes every output", async () => {
    const conversation = new Conversation("outputs", { uniqueName: "outputs", timers: { closed: "P2D" } });
    expect(await value(conversation.sid)).toBe(SID);
    expect(await value(conversation.accountSid)).toBe(ACCOUNT);
    expect(await value(conversation.chatServiceSid)).toBe(SERVICE);
    expect(await value(conversation.uniqueName)).toBe("outputs");
    expect(await value(conversation.attributes)).toBe('{"tier":"gold"}');
    expect(await value(conversation.state)).toBe("active");
    expect(await value(conversation.timers)).toEqual({ closed: "P2D" });
    expect(await value(conversation.dateInactive)).toBe("2024-01-01T02:00:00Z");
    expect(await value(conversation.dateClosed)).toBe("2024-01-03T00:00:00Z");
    expect(await value(conversation.dateCreated)).toBe("2024-01-01T00:00:00Z");
    expect(await value(conversation.dateUpdated)).toBe("2024-01-01T00:00:00Z");
    expect(await value(conversation.url)).toBe(`https://conversations.twilio.com/v1/Conversations/${SID}`);
  });

  it("takes no arguments at all (the account's default service, nothing declared)", async () => {
    const conversation = new Conversation("bare");
    expect(await value(conversation.sid)).toBe(SID);
    const args = registered(created, "bare");
    expect(Object.keys(args.inputs).filter((k) => args.inputs[k] !== undefined)).toEqual(["__provider"]);
  });
});
