import { ForeignUrlError, pathSegment, resolveUrl } from "../../../../provider/http/paths";

const BASE = "https://conversations.twilio.com";

describe("resolveUrl", () => {
  it("appends a rooted path and the query, leaving out undefined entries", () => {
    expect(resolveUrl(BASE, "/v1/Conversations", { PageSize: 50, PageToken: undefined }).toString()).toBe(
      "https://conversations.twilio.com/v1/Conversations?PageSize=50",
    );
  });

  it("keeps a base URL's path prefix", () => {
    expect(resolveUrl("http://127.0.0.1:4010/proxy", "/v1/Configuration").toString()).toBe("http://127.0.0.1:4010/proxy/v1/Configuration");
  });

  it("follows an absolute URL on the same origin, merging the query", () => {
    const next = "https://conversations.twilio.com/v1/Conversations?PageSize=50&Page=1&PageToken=PT1";
    expect(resolveUrl(BASE, next, { PageSize: 20 }).toString()).toBe(
      "https://conversations.twilio.com/v1/Conversations?PageSize=20&Page=1&PageToken=PT1",
    );
  });

  it.each([
    "https://evil.example/v1/Conversations",
    "https://conversations.twilio.com.evil.example/v1/Conversations",
    "http://conversations.twilio.com/v1/Conversations",
    "https://conversations.twilio.com:8443/v1/Conversations",
  ])("refuses another origin: %s", (url) => {
    expect(() => resolveUrl(BASE, url)).toThrow(ForeignUrlError);
    expect(() => resolveUrl(BASE, url)).toThrow(/Refusing to send Twilio credentials/);
  });

  it("keeps a protocol-relative looking path on the configured host", () => {
    expect(resolveUrl(BASE, "//evil.example/x").host).toBe("conversations.twilio.com");
  });

  it("refuses a path that is neither rooted nor absolute", () => {
    expect(() => resolveUrl(BASE, "v1/Conversations")).toThrow(ForeignUrlError);
  });
});

describe("pathSegment", () => {
  it("encodes characters that would change the addressed resource", () => {
    expect(pathSegment("support/en? #1")).toBe("support%2Fen%3F%20%231");
    expect(pathSegment("CH0123456789abcdef0123456789abcdef")).toBe("CH0123456789abcdef0123456789abcdef");
  });
});
