import { canonicalJson, eventFilters, httpUrl, isoDuration, jsonAttributes, sid, webhookMethod } from "../../../../provider/shared/fields";

describe("sid", () => {
  const schema = sid("IS", "a chat service");
  it("accepts the prefix and 32 hex digits in either case, and gives them back as Twilio writes SIDs", () => {
    expect(schema.parse("IS0123456789abcdefABCDEF0123456789")).toBe("IS0123456789abcdefabcdef0123456789");
    expect(schema.parse(" is0123456789ABCDEFabcdef0123456789\n")).toBe("IS0123456789abcdefabcdef0123456789");
  });
  it("names the expected shape when it fails", () => {
    const result = schema.safeParse("MG0123456789abcdef0123456789abcdef");
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('must be a chat service SID: "IS" followed by 32 hex digits');
  });
});

describe("isoDuration", () => {
  const closed = isoDuration(600);
  it("compares by length, not by spelling", () => {
    expect(closed.safeParse("PT600S").success).toBe(true);
    expect(closed.safeParse("PT10M").success).toBe(true);
    expect(closed.safeParse("PT9M59S").success).toBe(false);
  });
  it("says what the minimum is", () => {
    expect(closed.safeParse("PT5M").error!.issues[0]!.message).toBe('must be at least 10 minutes (got "PT5M")');
  });
  it("gives back what it accepts as it will be sent: trimmed and upper case", () => {
    expect(closed.parse(" pt10m ")).toBe("PT10M");
    expect(closed.parse("p1w")).toBe("P1W");
  });
  it("rejects what is not a duration with an example", () => {
    expect(closed.safeParse("10 minutes").error!.issues[0]!.message).toMatch(/ISO 8601 duration such as "PT10M"/);
  });
});

describe("jsonAttributes", () => {
  it("normalises objects and JSON text to the same canonical text", () => {
    expect(jsonAttributes.parse({ b: 1, a: { d: 2, c: [3] } })).toBe('{"a":{"c":[3],"d":2},"b":1}');
    expect(jsonAttributes.parse('{ "b": 1, "a": {"d": 2, "c": [3]} }')).toBe('{"a":{"c":[3],"d":2},"b":1}');
  });
  it("rejects text that is not JSON", () => {
    expect(jsonAttributes.safeParse("{not json").error!.issues[0]!.message).toMatch(/^must be valid JSON/);
  });
  it("rejects more than 16 KB", () => {
    const big = { text: "x".repeat(16 * 1024) };
    expect(jsonAttributes.safeParse(big).error!.issues[0]!.message).toMatch(/at most 16 KB/);
  });
});

describe("canonicalJson", () => {
  it("keeps array order and sorts keys", () => {
    expect(canonicalJson([{ b: 1, a: 2 }, 1])).toBe('[{"a":2,"b":1},1]');
  });
});

describe("webhook fields", () => {
  it("httpUrl: an absolute http(s) URL with a host, trimmed, otherwise as written", () => {
    const url = httpUrl("the post-event webhook URL");
    expect(url.parse(" https://Hooks.example.com/a?b=1 ")).toBe("https://Hooks.example.com/a?b=1");
    for (const bad of ["/relative", "hooks.example.com", "ftp://example.com", "https://", "mailto:a@example.com"]) {
      expect(url.safeParse(bad).error!.issues[0]!.message).toBe("must be an absolute http:// or https:// URL");
    }
    expect(url.safeParse(undefined).error!.issues[0]!.message).toBe(
      "is required: the post-event webhook URL, an absolute http:// or https:// URL",
    );
  });

  it("webhookMethod: GET or POST in any case, sent in capitals", () => {
    expect(webhookMethod.parse("post")).toBe("POST");
    expect(webhookMethod.parse(" Get ")).toBe("GET");
    expect(webhookMethod.safeParse("PUT").error!.issues[0]!.message).toBe('must be "GET" or "POST"');
  });

  it("eventFilters: names from the list, at least one, duplicates dropped in order, the right spelling suggested", () => {
    const filters = eventFilters(["onMessageAdded", "onMessageAdd"] as const);
    expect(filters.parse(["onMessageAdd", "onMessageAdded", "onMessageAdd"])).toEqual(["onMessageAdd", "onMessageAdded"]);
    expect(filters.safeParse(["OnMessageAdded"]).error!.issues[0]!.message).toBe(
      'must be spelt "onMessageAdded" (event names are case-sensitive)',
    );
    expect(filters.safeParse(["onUserAdded"]).error!.issues[0]!.message).toBe("must be one of onMessageAdded, onMessageAdd");
    expect(filters.safeParse([]).error!.issues[0]!.message).toMatch(/^must name at least one event: /);
  });
});
