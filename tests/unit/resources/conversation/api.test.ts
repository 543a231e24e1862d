import { encodeForm } from "../../../../provider/http/form";
import { fromWire, toWire } from "../../../../resources/conversation/api";

describe("toWire", () => {
  it("uses Twilio's PascalCase and dotted keys, and sends only what the write holds", () => {
    const body = encodeForm(
      toWire({ friendlyName: "Help desk", timers: { closed: "P1D" }, bindings: { email: { address: "a@example.com" } } }),
    );
    expect(body).toBe("FriendlyName=Help+desk&Timers.Closed=P1D&Bindings.Email.Address=a%40example.com");
  });

  it("clears as Twilio documents it: an empty unique name, attributes {}, timers PT0S", () => {
    const body = encodeForm(toWire({ uniqueName: null, attributes: null, timers: { inactive: null, closed: null } }));
    expect(new URLSearchParams(body)).toEqual(
      new URLSearchParams({ UniqueName: "", Attributes: "{}", "Timers.Inactive": "PT0S", "Timers.Closed": "PT0S" }),
    );
  });
});

describe("fromWire", () => {
  const body = {
    sid: "CH0123456789abcdef0123456789abcdef",
    account_sid: "AC00000000000000000000000000000000",
    chat_service_sid: "IS0123456789abcdef0123456789abcdef",
    messaging_service_sid: null,
    friendly_name: null,
    unique_name: "support",
    attributes: '{ "b": 1, "a": 2 }',
    state: "active",
    date_created: "2026-01-01T00:00:00Z",
    date_updated: "2026-01-01T00:00:00Z",
    timers: { date_closed: "2026-01-02T00:00:00Z" },
    bindings: {},
    url: "https://conversations.twilio.com/v1/Conversations/CH0123456789abcdef0123456789abcdef",
    links: {},
    something_new: true,
  };

  it("maps snake_case to the provider's names, nulls to absent, attributes to canonical text", () => {
    expect(fromWire(body, "reading")).toEqual({
      sid: body.sid,
      accountSid: body.account_sid,
      chatServiceSid: body.chat_service_sid,
      uniqueName: "support",
      attributes: '{"a":2,"b":1}',
      state: "active",
      dateCreated: body.date_created,
      dateUpdated: body.date_updated,
      dateClosed: "2026-01-02T00:00:00Z",
      url: body.url,
    });
  });

  it("reads absent attributes as Twilio's default {}", () => {
    expect(fromWire({ ...body, attributes: null }, "reading").attributes).toBe("{}");
  });

  it("fails with a sentence naming the action when a needed field is missing", () => {
    expect(() => fromWire({ ...body, sid: undefined }, 'creating Conversation "support"')).toThrow(
      /Unexpected response from Twilio creating Conversation "support": sid/,
    );
  });
});
