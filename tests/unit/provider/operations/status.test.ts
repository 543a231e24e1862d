import { phaseOf, problemOf } from "../../../../provider/operations/status";

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
