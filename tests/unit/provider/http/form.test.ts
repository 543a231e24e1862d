import { encodeForm } from "../../../../provider/http/form";

describe("encodeForm", () => {
  it("encodes the documented example: dotted keys, booleans, repeated arrays, undefined dropped", () => {
    expect(encodeForm({ FriendlyName: "a b", Timers: { Inactive: "PT1M" }, X: undefined, B: true, L: ["a", "b"] })).toBe(
      "FriendlyName=a+b&Timers.Inactive=PT1M&B=true&L=a&L=b",
    );
  });

  it("sends null as an empty value and false as the string false", () => {
    expect(encodeForm({ MessagingServiceSid: null, ReachabilityEnabled: false })).toBe("MessagingServiceSid=&ReachabilityEnabled=false");
  });

  it("flattens deep nesting into dotted keys", () => {
    expect(encodeForm({ Bindings: { Email: { Address: "a@example.com", Name: "Ann" } } })).toBe(
      "Bindings.Email.Address=a%40example.com&Bindings.Email.Name=Ann",
    );
  });

  it("writes numbers in decimal and refuses non-finite ones", () => {
    expect(encodeForm({ PageSize: 50, Ratio: 0.5 })).toBe("PageSize=50&Ratio=0.5");
    expect(() => encodeForm({ PageSize: Number.NaN })).toThrow(/PageSize/);
    expect(() => encodeForm({ PageSize: Infinity })).toThrow(/PageSize/);
  });

  it("percent-encodes UTF-8 and reserved characters, spaces as +", () => {
    expect(encodeForm({ FriendlyName: "héllo ✓" })).toBe("FriendlyName=h%C3%A9llo+%E2%9C%93");
    expect(encodeForm({ Attributes: '{"a":"b&c=d+e%"}' })).toBe("Attributes=%7B%22a%22%3A%22b%26c%3Dd%2Be%25%22%7D");
  });

  it("round-trips through a form parser", () => {
    const tricky = ["a b+c", "x&y=z", "%20", "日本語 😀", "line\nbreak", ""];
    const parsed = new URLSearchParams(encodeForm({ V: tricky }));
    expect(parsed.getAll("V")).toEqual(tricky);
  });

  it("gives an empty body for nothing to send", () => {
    expect(encodeForm({})).toBe("");
    expect(encodeForm({ A: undefined, Timers: {}, L: [] })).toBe("");
  });
});
