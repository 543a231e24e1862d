import { UNKNOWN } from "../../../../provider/shared/check";
import { diffInputs } from "../../../../provider/shared/diff";
import { conversationDiff, pendingWrite } from "../../../../resources/conversation/diff";
import type { ConversationOutputs } from "../../../../resources/conversation/schema";

const IS = "IS0123456789abcdef0123456789abcdef";
const OTHER_IS = "ISffffffffffffffffffffffffffffffff";
const MG = "MG0123456789abcdef0123456789abcdef";

/** Prior outputs of a conversation created with nothing declared but its unique name. */
const prior: ConversationOutputs = {
  sid: "CH0123456789abcdef0123456789abcdef",
  accountSid: "AC00000000000000000000000000000000",
  chatServiceSid: IS,
  uniqueName: "support",
  attributes: "{}",
  messagingServiceSid: MG,
  state: "active",
  dateCreated: "2026-01-01T00:00:00Z",
  dateUpdated: "2026-01-01T00:00:00Z",
  url: "https://conversations.twilio.com/v1/Conversations/CH0123456789abcdef0123456789abcdef",
};

const diff = (olds: Partial<ConversationOutputs>, news: Record<string, unknown>) =>
  diffInputs({ ...prior, ...olds } as Record<string, unknown>, news, conversationDiff);

describe("Conversation diff", () => {
  it("shows no change on a re-run with the same program", () => {
    expect(diff({}, { uniqueName: "support" }).changes).toBe(false);
  });

  it("treats an omitted service, messaging service and state as whatever Twilio holds", () => {
    expect(diff({ state: "inactive" }, { uniqueName: "support" }).changes).toBe(false);
  });

  it("treats never-declared names and attributes as Twilio's defaults", () => {
    expect(diff({ uniqueName: undefined }, {}).changes).toBe(false);
    expect(diff({ uniqueName: undefined, friendlyName: "" }, {}).changes).toBe(false);
  });

  it("compares attributes as data, durations by length and SIDs without regard to case", () => {
    const olds = { attributes: '{"a":1,"b":[1,2]}', timers: { inactive: "PT60M", closed: "P1D" }, messagingServiceSid: MG };
    const news = {
      uniqueName: "support",
      attributes: '{ "b": [1, 2], "a": 1 }',
      timers: { inactive: "PT1H", closed: "PT24H" },
      chatServiceSid: IS.toUpperCase().replace(/^IS/, "IS"),
      messagingServiceSid: MG.toUpperCase().replace(/^MG/, "MG"),
    };
    expect(diff(olds, news).changes).toBe(false);
  });

  it("updates in place for everything but the service", () => {
    const result = diff({}, { uniqueName: "help", friendlyName: "Help", state: "closed", webhooksEnabled: false });
    expect(result).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("replaces on a new service, creating the new one first when the unique names differ", () => {
    expect(diff({}, { chatServiceSid: OTHER_IS, uniqueName: "help" })).toMatchObject({
      replaces: ["chatServiceSid"],
      deleteBeforeReplace: false,
    });
  });

  it("deletes before replacing when both would hold the same unique name", () => {
    expect(diff({}, { chatServiceSid: OTHER_IS, uniqueName: "support" })).toMatchObject({
      replaces: ["chatServiceSid"],
      deleteBeforeReplace: true,
    });
  });

  it("does not replace when the service was omitted and is then named as the one the conversation is in", () => {
    expect(diff({}, { chatServiceSid: IS, uniqueName: "support" }).changes).toBe(false);
  });

  it("counts a removed property as a change (it is cleared)", () => {
    expect(diff({ friendlyName: "Support" }, { uniqueName: "support" }).changes).toBe(true);
    expect(diff({ attributes: '{"a":1}' }, { uniqueName: "support" }).changes).toBe(true);
    expect(diff({ timers: { inactive: "PT1H" } }, { uniqueName: "support" }).changes).toBe(true);
  });

  it("counts values not known yet as changes", () => {
    expect(diff({}, { uniqueName: "support", timers: UNKNOWN }).changes).toBe(true);
    expect(diff({}, { uniqueName: "support", chatServiceSid: UNKNOWN }).replaces).toEqual(["chatServiceSid"]);
  });
});

describe("pendingWrite", () => {
  it("sends only what differs", () => {
    expect(
      pendingWrite(
        { ...prior, timers: { inactive: "PT1H" } },
        { uniqueName: "support", friendlyName: "Support", timers: { inactive: "PT60M" } },
      ),
    ).toEqual({
      friendlyName: "Support",
    });
  });

  it("clears what was removed, with null", () => {
    const current = {
      ...prior,
      friendlyName: "Support",
      attributes: '{"a":1}',
      timers: { inactive: "PT1H", closed: "P1D" },
      bindings: { email: { address: "a@example.com", name: "A" } },
    };
    expect(pendingWrite(current, { timers: { closed: "P1D" }, bindings: { email: { address: "a@example.com" } } })).toEqual({
      uniqueName: null,
      friendlyName: null,
      attributes: null,
      timers: { inactive: null },
      bindings: { email: { name: null } },
    });
  });

  it("does not clear timers in the same write that closes the conversation", () => {
    expect(pendingWrite({ ...prior, timers: { inactive: "PT1H", closed: "P1D" } }, { uniqueName: "support", state: "closed" })).toEqual({
      state: "closed",
    });
  });

  it("never clears the service's choices: messaging service and state", () => {
    expect(pendingWrite({ ...prior, state: "inactive" }, { uniqueName: "support" })).toEqual({});
    expect(pendingWrite(prior, { uniqueName: "support", state: "closed", messagingServiceSid: "MG" + "f".repeat(32) })).toEqual({
      state: "closed",
      messagingServiceSid: "MG" + "f".repeat(32),
    });
  });

  it("sends every declared value on create", () => {
    expect(pendingWrite({}, { uniqueName: "u", attributes: "{}", timers: { closed: "P1D" } })).toEqual({
      uniqueName: "u",
      timers: { closed: "P1D" },
    });
  });
});
