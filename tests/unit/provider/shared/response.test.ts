import { z } from "zod";

import { parseResponse, UnexpectedResponseError } from "../../../../provider/shared/response";

const schema = z.object({ sid: z.string() });

describe("parseResponse", () => {
  it("returns the fields the schema names, ignoring extra ones", () => {
    expect(parseResponse(schema, { sid: "IS1", links: {} }, "creating X")).toEqual({ sid: "IS1" });
  });

  it("names the action and the missing field", () => {
    expect(() => parseResponse(schema, { other: 1 }, 'creating ConversationService "a"')).toThrow(UnexpectedResponseError);
    expect(() => parseResponse(schema, "<html>", 'creating ConversationService "a"')).toThrow(
      /^Unexpected response from Twilio creating ConversationService "a": \(body\): /,
    );
    expect(() => parseResponse(schema, {}, "reading X")).toThrow(/reading X: sid: /);
  });
});
