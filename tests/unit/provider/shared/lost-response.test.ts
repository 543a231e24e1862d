import { TwilioApiError, TwilioConnectionError, TwilioServerError } from "../../../../provider/http/errors";
import {
  createdSince,
  createFindingLostResponse,
  CreateOutcomeUnknownError,
  explainLostCreate,
  type LostCreateRecovery,
  twilioTimeAtSend,
} from "../../../../provider/shared/lost-response";

const lost = { action: 'creating ConversationService "a"', what: "a conversation service", howToFind: 'list services named "a"' };

describe("explainLostCreate", () => {
  it("says a resource may exist when the connection dropped after sending", () => {
    const e = explainLostCreate(new TwilioConnectionError("POST", "/v1/Services", "socket hang up"), lost);
    expect(e).toBeInstanceOf(CreateOutcomeUnknownError);
    expect((e as Error).message).toMatch(
      /^Creating ConversationService "a" may have succeeded: .*socket hang up.*A conversation service may now exist .*list services named "a"/,
    );
  });

  it("says so after a 5xx too", () => {
    const e = explainLostCreate(new TwilioServerError({ status: 500, method: "POST", path: "/v1/Services" }), lost);
    expect(e).toBeInstanceOf(CreateOutcomeUnknownError);
  });

  it("leaves alone failures after which nothing can exist", () => {
    const refused = new TwilioConnectionError("POST", "/v1/Services", "refused", { mayHaveReachedServer: false });
    const badRequest = new TwilioApiError({ status: 400, method: "POST", path: "/v1/Services" });
    expect(explainLostCreate(refused, lost)).toBe(refused);
    expect(explainLostCreate(badRequest, lost)).toBe(badRequest);
  });
});

describe("Twilio's clock when a request went out", () => {
  const date = "Sun, 01 Jun 2025 12:00:10 GMT";
  it("is a later response's Date minus the local time elapsed since the send, whatever the machine's clock says", () => {
    expect(twilioTimeAtSend(date, 1_000, 3_500)).toBe(Date.parse("2025-06-01T12:00:07.500Z"));
    // Only the difference of the two local readings counts: the same elapsed time from another origin.
    expect(twilioTimeAtSend(date, 9_999_000, 10_001_500)).toBe(Date.parse("2025-06-01T12:00:07.500Z"));
  });

  it("is unknown without a Date header", () => {
    expect(twilioTimeAtSend(undefined, 0, 1)).toBeUndefined();
    expect(twilioTimeAtSend("yesterday", 0, 1)).toBeUndefined();
  });

  it("compares creation stamps by the whole second, as Twilio stamps them", () => {
    const since = Date.parse("2025-06-01T12:00:07.500Z");
    expect(createdSince("2025-06-01T12:00:07Z", since)).toBe(true);
    expect(createdSince("2025-06-01T12:00:08Z", since)).toBe(true);
    expect(createdSince("2025-06-01T12:00:06Z", since)).toBe(false);
    expect(createdSince(null, since)).toBe(false);
  });
});

describe("a v1 create that finds its object after a lost response", () => {
  interface Item {
    sid: string;
    created: string;
  }
  const NOW = "Sun, 01 Jun 2025 12:00:10 GMT";
  const dropped = () => new TwilioConnectionError("POST", "/v1/Services", "socket hang up");
  const serverError = () => new TwilioServerError({ status: 500, method: "POST", path: "/v1/Services" });

  /** A recovery whose sends answer in turn (an item, or an error to throw) and whose list answers `listed`. */
  function recovery(sends: Array<Item | Error>, listed: Item[][]) {
    const calls: string[] = [];
    let send = 0;
    let list = 0;
    const r: LostCreateRecovery<Item> = {
      lost,
      async send() {
        calls.push("send");
        const answer = sends[send++]!;
        if (answer instanceof Error) throw answer;
        return answer;
      },
      async readClock() {
        calls.push("clock");
        return { headers: { date: NOW } };
      },
      async findSent() {
        calls.push("list");
        return listed[list++] ?? [];
      },
      createdAt: (item) => item.created,
      idOf: (item) => item.sid,
    };
    return { r, calls };
  }

  it("returns what the first send made, without looking", async () => {
    const { r, calls } = recovery([{ sid: "IS1", created: "x" }], []);
    await expect(createFindingLostResponse(r)).resolves.toEqual({ sid: "IS1", created: "x" });
    expect(calls).toEqual(["send"]);
  });

  it("takes the one object created since the send, leaving older ones of the name alone", async () => {
    const ours = { sid: "IS2", created: "2025-06-01T12:00:10Z" };
    const { r, calls } = recovery([dropped()], [[{ sid: "IS1", created: "2025-05-01T00:00:00Z" }, ours]]);
    await expect(createFindingLostResponse(r)).resolves.toBe(ours);
    expect(calls).toEqual(["send", "clock", "list"]);
  });

  it("sends once more when nothing was made, and gives up after a second loss saying how to look", async () => {
    const { r, calls } = recovery([serverError(), dropped()], [[], []]);
    const error = await createFindingLostResponse(r).catch((e: Error) => e);
    expect(calls).toEqual(["send", "clock", "list", "send", "clock", "list"]);
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError);
    expect((error as Error).message).toMatch(
      /^Creating ConversationService "a" may have succeeded: the request was sent 2 times and each time it reached Twilio but no response came back \(socket hang up\); .*A conversation service may now exist that Pulumi does not track: list services named "a"/,
    );
  });

  it("names every candidate and takes none when several were created since the send", async () => {
    const { r } = recovery(
      [dropped()],
      [
        [
          { sid: "IS1", created: "2025-06-01T12:00:10Z" },
          { sid: "IS2", created: "2025-06-01T12:00:11Z" },
        ],
      ],
    );
    await expect(createFindingLostResponse(r)).rejects.toThrow(
      /found 2 candidates created since it was sent, each holding what was sent: IS1, IS2\. Pulumi cannot tell/,
    );
  });

  it("passes on a failure after which nothing can exist, without looking", async () => {
    const badRequest = new TwilioApiError({ status: 400, method: "POST", path: "/v1/Services" });
    const { r, calls } = recovery([badRequest], []);
    await expect(createFindingLostResponse(r)).rejects.toBe(badRequest);
    expect(calls).toEqual(["send"]);
  });

  it("says how to look when Twilio's clock cannot be read", async () => {
    const { r } = recovery([dropped()], []);
    r.readClock = async () => ({ headers: {} });
    await expect(createFindingLostResponse(r)).rejects.toThrow(/may have succeeded: .* It was not sent again/);
  });
});
