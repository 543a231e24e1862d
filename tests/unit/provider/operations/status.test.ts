import { OperationFailedError, OperationTimeoutError, phaseOf, problemOf } from "../../../../provider/operations/status";

describe("phaseOf", () => {
  it.each([
    ["COMPLETED", "completed"],
    ["FAILED", "failed"],
    ["CANCELLED", "cancelled"],
    ["CANCELED", "cancelled"],
    ["completed", "completed"],
    [" Failed ", "failed"],
    ["PENDING", "running"],
    ["RUNNING", "running"],
    ["QUEUED", "running"],
    ["", "running"],
  ])("%p is %p", (status, phase) => {
    expect(phaseOf(status)).toBe(phase);
  });
});

describe("problemOf", () => {
  it("keeps the RFC 9457 members that have the right type", () => {
    expect(
      problemOf({
        type: "https://www.twilio.com/docs/errors/1",
        title: "Bad",
        status: 400,
        detail: "memoryStoreId unknown",
        instance: "/x",
        extra: 1,
      }),
    ).toEqual({ type: "https://www.twilio.com/docs/errors/1", title: "Bad", status: 400, detail: "memoryStoreId unknown", instance: "/x" });
    expect(problemOf({ title: 5, detail: "d" })).toEqual({ detail: "d" });
  });

  it.each([null, undefined, "oops", [], {}, { title: "" }])("finds nothing in %p", (value) => {
    expect(problemOf(value)).toBeUndefined();
  });
});

describe("OperationFailedError", () => {
  it("names the operation, the status and the problem", () => {
    const e = new OperationFailedError("op_123", "FAILED", { title: "Invalid memory store", detail: "mem_store_x does not exist" });
    expect(e.message).toBe("Operation op_123 FAILED: Invalid memory store: mem_store_x does not exist");
    expect(e).toMatchObject({
      operationId: "op_123",
      status: "FAILED",
      problem: { title: "Invalid memory store" },
      name: "OperationFailedError",
    });
    expect(e).toBeInstanceOf(Error);
  });

  it("says when there were no details", () => {
    expect(new OperationFailedError("op_9", "CANCELLED").message).toBe("Operation op_9 CANCELLED (no error details given)");
    expect(new OperationFailedError("op_9", "FAILED", { detail: "only detail" }).message).toBe("Operation op_9 FAILED: only detail");
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
