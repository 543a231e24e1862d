import { inspect } from "node:util";

import { OperationFailedError, OperationTimeoutError, TwilioConversationsError } from "../../../provider/error";
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
      new OperationFailedError("op_1", "FAILED"),
      new OperationTimeoutError("op_1", "PENDING", 1000),
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

describe("OperationFailedError", () => {
  it("names the operation, the status and the problem", () => {
    const e = new OperationFailedError("op_123", "FAILED", { title: "Invalid memory store", detail: "mem_store_x does not exist." });
    expect(e.message).toBe("Operation op_123 ended FAILED: Invalid memory store: mem_store_x does not exist");
    expect(e).toMatchObject({
      operationId: "op_123",
      status: "FAILED",
      problem: { title: "Invalid memory store" },
      reason: "operation op_123 ended FAILED: Invalid memory store: mem_store_x does not exist",
      name: "OperationFailedError",
    });
  });

  it("says when there were no details", () => {
    expect(new OperationFailedError("op_9", "CANCELLED").message).toBe("Operation op_9 ended CANCELLED (no error details given)");
    expect(new OperationFailedError("op_9", "FAILED", { detail: "only detail" }).message).toBe("Operation op_9 ended FAILED: only detail");
  });

  it("reads as one sentence with the action and what the failure leaves behind", () => {
    const e = new OperationFailedError(
      "op_7",
      "FAILED",
      { title: "Bad Request", detail: "no such store." },
      { action: 'creating OrchestratorConfiguration "routing"', consequence: "Nothing was created." },
    );
    expect(e.message).toBe(
      'Failed creating OrchestratorConfiguration "routing": operation op_7 ended FAILED: Bad Request: no such store. Nothing was created.',
    );
    expect(e.reason).toBe("operation op_7 ended FAILED: Bad Request: no such store");
  });
});

describe("OperationTimeoutError", () => {
  it("names the operation, the wait and the last status, and what to do next", () => {
    const e = new OperationTimeoutError("op_123", "PENDING", 300_000);
    expect(e.message).toBe(
      "Gave up waiting for operation op_123 after 300 s; last status PENDING. It may still complete: run pulumi refresh, then pulumi up.",
    );
    expect(e).toMatchObject({ operationId: "op_123", lastStatus: "PENDING", waitedMs: 300_000, name: "OperationTimeoutError" });
  });
});
