import { UNKNOWN } from "../../../../provider/shared/check";
import { diffInputs } from "../../../../provider/shared/diff";
import { conversationDiff, keptOnRemoval, pendingWrite } from "../../../../resources/conversation/diff";
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

  it("creates the new one first on a new service even with the same unique name (unique names are per service)", () => {
    expect(diff({}, { chatServiceSid: OTHER_IS, uniqueName: "support" })).toMatchObject({
      replaces: ["chatServiceSid"],
      deleteBeforeReplace: false,
    });
  });

  it("deletes first only when a forced replacement keeps the unique name in the same service", () => {
    // Nothing to replace by itself, but the engine may replace it (replaceOnChanges, --target-replace).
    expect(diff({}, { uniqueName: "support", friendlyName: "Support" })).toMatchObject({ replaces: [], deleteBeforeReplace: true });
    expect(diff({}, { chatServiceSid: IS.toUpperCase().replace(/^IS/, "IS"), uniqueName: "support" }).deleteBeforeReplace).toBe(true);
    expect(diff({}, { uniqueName: "support-2" }).deleteBeforeReplace).toBe(false);
    expect(diff({}, { chatServiceSid: UNKNOWN, uniqueName: "support" }).deleteBeforeReplace).toBe(false);
  });

  it("does not replace when the service was omitted and is then named as the one the conversation is in", () => {
    expect(diff({}, { chatServiceSid: IS, uniqueName: "support" }).changes).toBe(false);
  });

  it("counts a removed property Twilio can clear as a change (it is cleared)", () => {
    expect(diff({ attributes: '{"a":1}' }, { uniqueName: "support" }).changes).toBe(true);
    expect(diff({ timers: { inactive: "PT1H" } }, { uniqueName: "support" }).changes).toBe(true);
    expect(diff({}, {}).changes).toBe(true); // the unique name
  });

  it("treats a friendly name or email binding left out as whatever Twilio holds (Twilio cannot clear them)", () => {
    expect(diff({ friendlyName: "Support" }, { uniqueName: "support" }).changes).toBe(false);
    expect(diff({ bindings: { email: { address: "a@example.com", name: "A" } } }, { uniqueName: "support" }).changes).toBe(false);
    expect(diff({ friendlyName: "Support" }, { uniqueName: "support", friendlyName: "Help" }).changes).toBe(true);
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

  it("clears what was removed and Twilio can clear, with null; sends nothing for what it cannot", () => {
    const current = {
      ...prior,
      friendlyName: "Support",
      attributes: '{"a":1}',
      timers: { inactive: "PT1H", closed: "P1D" },
      bindings: { email: { address: "a@example.com", name: "A" } },
    };
    expect(pendingWrite(current, { timers: { closed: "P1D" }, bindings: { email: { address: "a@example.com" } } })).toEqual({
      uniqueName: null,
      attributes: null,
      timers: { inactive: null },
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

describe("keptOnRemoval", () => {
  const declared = {
    ...prior,
    friendlyName: "Support",
    state: "inactive" as const,
    bindings: { email: { address: "a@example.com", name: "A" } },
    declaredProperties: ["bindings", "chatServiceSid", "friendlyName", "messagingServiceSid", "state", "uniqueName"],
  };

  it("warns, per property, about each declared one removed that Twilio cannot clear, naming why and what stays", () => {
    const warnings = keptOnRemoval('Conversation "support"', declared, {
      uniqueName: "support",
      bindings: { email: { address: "a@example.com" } },
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Conversation "support": chatServiceSid was removed from the program, but a conversation cannot leave its service .* It stays "IS0123/,
      ),
      expect.stringMatching(
        /^Conversation "support": friendlyName was removed .* Twilio cannot clear a friendly name \(it ignores an empty FriendlyName.* It stays "Support"\./,
      ),
      expect.stringMatching(/^Conversation "support": messagingServiceSid was removed .* Twilio cannot empty a SID field/),
      expect.stringMatching(/^Conversation "support": state was removed .* code 50374.* It stays "inactive"\./),
      expect.stringMatching(
        /^Conversation "support": bindings\.email\.name was removed .* no way to clear a conversation's email binding.* It stays "A"\./,
      ),
    ]);
  });

  it("says nothing about what the program never declared, or still declares", () => {
    expect(keptOnRemoval("c", { ...declared, declaredProperties: ["uniqueName"] }, { uniqueName: "support" })).toEqual([
      expect.stringMatching(/bindings\.email\.address/),
      expect.stringMatching(/bindings\.email\.name/),
    ]);
    const all = { uniqueName: "support", chatServiceSid: IS, friendlyName: "x", messagingServiceSid: MG, state: "active" as const };
    expect(keptOnRemoval("c", declared, { ...all, bindings: declared.bindings })).toEqual([]);
  });
});
