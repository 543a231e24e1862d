import { TwilioApiError, TwilioConnectionError, TwilioServerError } from "../../../../provider/http/errors";
import { CreateOutcomeUnknownError, explainLostCreate } from "../../../../provider/shared/lost-response";

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
