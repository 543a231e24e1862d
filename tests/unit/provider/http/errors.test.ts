import { AxiosError } from "axios";

import {
  type ErrorContext,
  errorFromResponse,
  errorFromThrown,
  isNotFound,
  TwilioApiError,
  TwilioAuthError,
  TwilioConflictError,
  TwilioConnectionError,
  TwilioNotFoundError,
  TwilioRateLimitError,
  TwilioServerError,
} from "../../../../provider/http/errors";

const ctx: ErrorContext = { method: "POST", path: "/v1/Conversations", action: 'creating Conversation "support"', host: "127.0.0.1:4010" };
const twilioBody = (status: number, code: number, message: string) => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});

describe("errorFromResponse", () => {
  it("writes one sentence with status, code, action, message and the docs link", () => {
    const e = errorFromResponse({ status: 409, headers: {}, data: twilioBody(409, 50353, "Unique name already exists.") }, ctx);
    expect(e.message).toBe(
      'Twilio API 409 (code 50353) creating Conversation "support": Unique name already exists. See https://www.twilio.com/docs/errors/50353',
    );
    expect(e).toMatchObject({
      status: 409,
      code: 50353,
      method: "POST",
      path: "/v1/Conversations",
      moreInfo: "https://www.twilio.com/docs/errors/50353",
    });
  });

  it("names the method and path when there is no action", () => {
    const e = errorFromResponse(
      { status: 404, headers: {}, data: JSON.stringify(twilioBody(404, 20404, "The requested resource was not found")) },
      { method: "GET", path: "/v1/Configuration" },
    );
    expect(e.message).toBe(
      "Twilio API 404 (code 20404) GET /v1/Configuration: The requested resource was not found. See https://www.twilio.com/docs/errors/20404",
    );
  });

  it.each([
    [400, TwilioApiError, false],
    [401, TwilioAuthError, false],
    [403, TwilioAuthError, false],
    [404, TwilioNotFoundError, false],
    [409, TwilioConflictError, false],
    [422, TwilioApiError, false],
    [429, TwilioRateLimitError, true],
    [500, TwilioServerError, true],
    [503, TwilioServerError, true],
  ] as const)("maps %i to %p (retryable: %p)", (status, type, retryable) => {
    const e = errorFromResponse({ status, headers: {}, data: twilioBody(status, 20000 + status, "x") }, ctx);
    expect(e).toBeInstanceOf(type);
    expect(e.constructor).toBe(type);
    expect(e.retryable).toBe(retryable);
    expect(e.status).toBe(status);
    expect(e.name).toBe(type.name);
  });

  it("takes a 409's conflicting resource id from its header", () => {
    const e = errorFromResponse(
      {
        status: 409,
        headers: { "x-conflicting-resource-id": "conv_configuration_01h0000000000000000000000a" },
        data: twilioBody(409, 50353, "Bridged"),
      },
      ctx,
    );
    expect(e).toBeInstanceOf(TwilioConflictError);
    expect(e.conflictingResourceId).toBe("conv_configuration_01h0000000000000000000000a");
  });

  it("reads an RFC 9457 body when there is no Twilio message", () => {
    const e = errorFromResponse({ status: 400, headers: {}, data: { title: "Bad Request", detail: "displayName is too long" } }, ctx);
    expect(e.message).toBe('Twilio API 400 creating Conversation "support": displayName is too long');
  });

  it("falls back to the status text and does not quote a non-JSON body", () => {
    const e = errorFromResponse({ status: 502, headers: {}, data: "<html>proxy says Authorization: Basic abc</html>" }, ctx);
    expect(e.message).toBe('Twilio API 502 creating Conversation "support": Bad Gateway');
  });

  it("reports a redirect as an error with its target", () => {
    const e = errorFromResponse({ status: 302, headers: { location: "https://elsewhere.example/" }, data: "" }, ctx);
    expect(e.message).toMatch(/302 .*unexpected redirect to https:\/\/elsewhere\.example\//);
    expect(e.retryable).toBe(false);
  });

  it("quotes Twilio's request id in the message and keeps it as a field", () => {
    const rq = "RQb54d7f05d29e83bc89889cc136bcd99d";
    const e = errorFromResponse({ status: 409, headers: { "twilio-request-id": rq }, data: twilioBody(409, 50353, "Taken.") }, ctx);
    expect(e.requestId).toBe(rq);
    expect(e.message).toBe(
      `Twilio API 409 (code 50353, request ${rq}) creating Conversation "support": Taken. See https://www.twilio.com/docs/errors/50353`,
    );
    const bare = errorFromResponse({ status: 502, headers: { "twilio-request-id": rq }, data: "" }, { method: "GET", path: "/v1/x" });
    expect(bare.message).toBe(`Twilio API 502 (request ${rq}) GET /v1/x: Bad Gateway`);
  });

  it.each([
    ["not an id", "RQ1 Authorization: Basic abc"],
    ["too long", `RQ${"a".repeat(80)}`],
    ["a secret (redacted)", "hunter2"],
  ])("leaves out a request id header that is %s", (_what, value) => {
    const e = errorFromResponse(
      { status: 500, headers: { "twilio-request-id": value }, data: twilioBody(500, 20500, "x") },
      { ...ctx, redact: (t) => t.split("hunter2").join("[redacted]") },
    );
    expect(e.requestId).toBeUndefined();
    expect(e.message).not.toContain(value);
    expect(e.message).toMatch(/^Twilio API 500 \(code 20500\) creating/);
  });

  it("appends the caller's hint as a last sentence", () => {
    const e = errorFromResponse(
      { status: 429, headers: {}, data: twilioBody(429, 20429, "Too Many Requests") },
      { ...ctx, hint: "Try later." },
    );
    expect(e.message).toBe(
      'Twilio API 429 (code 20429) creating Conversation "support": Too Many Requests. See https://www.twilio.com/docs/errors/20429. Try later.',
    );
  });

  it("redacts secrets from the server's text", () => {
    const e = errorFromResponse(
      { status: 401, headers: {}, data: twilioBody(401, 20003, "Bad token hunter2") },
      { ...ctx, redact: (t) => t.split("hunter2").join("[redacted]") },
    );
    expect(e.message).toContain("Bad token [redacted]");
    expect(e.message).not.toContain("hunter2");
  });
});

describe("errorFromThrown", () => {
  const config = { headers: { Authorization: "Basic c2VjcmV0" } };
  const axiosError = (code: string, message: string) => new AxiosError(message, code, config as never, {});

  it("maps connection refused to a connection error that never reached the server", () => {
    const e = errorFromThrown(axiosError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:4010"), ctx);
    expect(e).toBeInstanceOf(TwilioConnectionError);
    expect(e).toMatchObject({
      code: "ECONNREFUSED",
      mayHaveReachedServer: false,
      retryable: true,
      method: "POST",
      path: "/v1/Conversations",
    });
    expect(e.message).toBe(
      'No response from Twilio creating Conversation "support" (POST /v1/Conversations): connection refused by 127.0.0.1:4010 (ECONNREFUSED)',
    );
  });

  it.each([
    ["ECONNRESET", "socket hang up", /closed before a response \(socket hang up\)/],
    ["ECONNRESET", "read ECONNRESET", /was reset \(ECONNRESET\)/],
    ["ECONNABORTED", "timeout of 30000ms exceeded", /timed out waiting for 127\.0\.0\.1:4010 \(timeout of 30000ms exceeded\)/],
    ["ETIMEDOUT", "timeout of 30000ms exceeded", /timed out/],
    ["EPIPE", "write EPIPE", /closed while sending/],
  ])("maps %s (%s) to a connection error that may have reached the server", (code, message, reason) => {
    const e = errorFromThrown(axiosError(code, message), ctx) as TwilioConnectionError;
    expect(e).toBeInstanceOf(TwilioConnectionError);
    expect(e.reason).toMatch(reason);
    expect(e.mayHaveReachedServer).toBe(true);
  });

  it("finds the code inside an AggregateError (happy-eyeballs connect)", () => {
    const inner = Object.assign(new Error("connect ECONNREFUSED ::1:4010"), { code: "ECONNREFUSED" });
    const outer = new AxiosError("", "ERR_NETWORK", config as never);
    (outer as { cause?: unknown }).cause = new AggregateError([inner], "");
    const e = errorFromThrown(outer, ctx) as TwilioConnectionError;
    expect(e.code).toBe("ECONNREFUSED");
    expect(e.mayHaveReachedServer).toBe(false);
  });

  it("keeps nothing of the axios error: no config, no cause, no request", () => {
    const e = errorFromThrown(axiosError("ECONNRESET", "socket hang up"), ctx);
    expect(Object.keys(e)).not.toEqual(expect.arrayContaining(["config"]));
    expect((e as { cause?: unknown }).cause).toBeUndefined();
    expect(JSON.stringify(e)).not.toContain("c2VjcmV0");
  });

  it("treats an unknown failure as possibly sent", () => {
    const e = errorFromThrown("weird", ctx) as TwilioConnectionError;
    expect(e.mayHaveReachedServer).toBe(true);
    expect(e.reason).toBe("weird");
  });
});

describe("isNotFound", () => {
  it("is true for a 404 and false otherwise", () => {
    expect(isNotFound(errorFromResponse({ status: 404, headers: {}, data: {} }, ctx))).toBe(true);
    expect(isNotFound(errorFromResponse({ status: 410, headers: {}, data: {} }, ctx))).toBe(false);
    expect(isNotFound(new TwilioConnectionError("GET", "/x", "reset"))).toBe(false);
    expect(isNotFound(new Error("404"))).toBe(false);
    expect(isNotFound(undefined)).toBe(false);
  });

  it("recognises a 404 from another copy of this module (sources and dist/ side by side)", () => {
    expect(isNotFound({ name: "TwilioNotFoundError", status: 404, message: "gone" })).toBe(true);
    expect(isNotFound({ name: "HttpError", status: 404 })).toBe(false);
  });
});
