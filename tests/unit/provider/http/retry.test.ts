import { errorFromResponse, TwilioConnectionError } from "../../../../provider/http/errors";
import { type HttpMethod, mayRetry, parseRetryAfter, retryDelayMs } from "../../../../provider/http/retry";

const response = (status: number) => errorFromResponse({ status, headers: {}, data: {} }, { method: "X", path: "/" });
const connection = (mayHaveReachedServer: boolean) => new TwilioConnectionError("X", "/", "r", { mayHaveReachedServer });

describe("mayRetry", () => {
  it.each<[HttpMethod, boolean, string, ReturnType<typeof response> | TwilioConnectionError, boolean]>([
    ["GET", false, "503", response(503), true],
    ["DELETE", false, "500", response(500), true],
    ["PUT", false, "502", response(502), true],
    ["GET", false, "a reset", connection(true), true],
    ["GET", false, "400", response(400), false],
    ["GET", false, "404", response(404), false],
    ["POST", false, "503", response(503), false],
    ["PATCH", false, "500", response(500), false],
    ["POST", true, "503", response(503), true],
    ["PATCH", true, "500", response(500), true],
    ["POST", false, "429 (never processed)", response(429), true],
    ["PATCH", false, "429", response(429), true],
    ["POST", false, "a reset after sending", connection(true), false],
    ["POST", false, "a refused connection", connection(false), true],
    ["POST", true, "a reset after sending", connection(true), true],
    ["POST", true, "409", response(409), false],
  ])("%s (idempotency key: %p) after %s: %p", (method, key, _what, failure, expected) => {
    expect(mayRetry(method, key, failure)).toBe(expected);
  });
});

describe("retryDelayMs", () => {
  it("draws full jitter over a window doubling from 500 ms to a 10 s cap", () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelayMs(attempt, undefined, top))).toEqual([499, 999, 1999, 3999, 7999, 9999, 9999]);
    expect(retryDelayMs(3, undefined, () => 0)).toBe(0);
    expect(retryDelayMs(3, undefined, () => 0.5)).toBe(1000);
  });

  it("uses the server's Retry-After when given", () => {
    expect(retryDelayMs(1, 7000, () => 0.5)).toBe(7000);
    expect(retryDelayMs(4, 0, () => 0.5)).toBe(0);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
  it.each([
    ["3", 3000],
    ["0", 0],
    ["1.5", 1500],
    [" 2 ", 2000],
    ["120", 30_000],
    ["Wed, 21 Oct 2015 07:28:07 GMT", 7000],
    ["Wed, 21 Oct 2015 07:27:00 GMT", 0],
    ["Wed, 21 Oct 2015 09:00:00 GMT", 30_000],
  ])("reads %p as %i ms", (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each([undefined, "", "soon", "-5"])("ignores %p", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
