import { inspect } from "node:util";

import { TwilioConversationsError } from "../../../provider/error";
import { TwilioApiError, TwilioConnectionError, TwilioNotFoundError } from "../../../provider/http/errors";
import { PartialFailure } from "../../../provider/shared/partial";
import { SpecError } from "../../../sdk/spec/issues";

describe("TwilioConversationsError", () => {
  test("every error class of the package descends from it and is named after its class", () => {
    const errors = [
      new TwilioNotFoundError({ status: 404, method: "GET", path: "/v1/Services/IS1" }),
      new TwilioConnectionError("GET", "/v1/Configuration", "connection refused"),
      new PartialFailure("half done", "CH1", {}),
      new SpecError([{ path: ["services"], message: "is wrong" }]),
    ];
    for (const e of errors) {
      expect(TwilioConversationsError.isInstance(e)).toBe(true);
      expect(e.name).toBe(e.constructor.name);
    }
  });

  test("isInstance checks the class and its subclasses, not siblings", () => {
    const notFound = new TwilioNotFoundError({ status: 404, method: "GET", path: "/x" });
    expect(TwilioApiError.isInstance(notFound)).toBe(true);
    expect(TwilioNotFoundError.isInstance(notFound)).toBe(true);
    expect(TwilioConnectionError.isInstance(notFound)).toBe(false);
    expect(TwilioNotFoundError.isInstance(new TwilioApiError({ status: 500, method: "GET", path: "/x" }))).toBe(false);
    expect(TwilioConversationsError.isInstance(new Error("plain"))).toBe(false);
    expect(TwilioConversationsError.isInstance("TwilioApiError")).toBe(false);
    expect(TwilioConversationsError.isInstance(undefined)).toBe(false);
  });

  test("an error from a second copy of the module is recognised, where instanceof is not", () => {
    let copy: typeof import("../../../provider/http/errors") | undefined;
    jest.isolateModules(() => {
      copy = jest.requireActual<typeof import("../../../provider/http/errors")>("../../../provider/http/errors");
    });
    const foreign = new copy!.TwilioNotFoundError({ status: 404, method: "GET", path: "/x" });
    expect(foreign instanceof TwilioNotFoundError).toBe(false);
    expect(TwilioNotFoundError.isInstance(foreign)).toBe(true);
    expect(TwilioApiError.isInstance(foreign)).toBe(true);
  });

  test("the markers stay out of JSON and of what a log prints", () => {
    const e = new PartialFailure("half done", "CH1", { a: 1 });
    expect(Object.keys(e)).not.toContain("name");
    expect(JSON.stringify(e)).not.toContain("pulumi-twilio-conversations.error");
    expect(inspect(e)).not.toContain("pulumi-twilio-conversations.error");
    expect(inspect(e)).toContain("PartialFailure: half done");
  });
});
