import { same } from "../../../../provider/shared/diff";
import { isCleared, unapplied, verifyApplied, WriteNotAppliedError } from "../../../../provider/shared/verify";

describe("isCleared", () => {
  it("counts absent, null, empty and zero-length durations as Twilio's 'not set'", () => {
    expect([undefined, null, "", "PT0S", "P0D", "PT0M"].map(isCleared)).toEqual([true, true, true, true, true, true]);
    expect([false, "PT1M", "{}", "IS0"].map(isCleared)).toEqual([false, false, false, false]);
  });
});

describe("unapplied", () => {
  it("compares normalised values: durations by length, SIDs without case, JSON as data", () => {
    const fields = [
      { field: "timer", sent: "PT1M", kept: "PT60S", same: same.duration },
      { field: "sid", sent: "ISABC", kept: "ISabc", same: same.sid },
      { field: "attributes", sent: '{"a":1,"b":2}', kept: '{ "b": 2, "a": 1 }', same: same.json },
      { field: "cleared", sent: null, kept: "PT0S", same: same.duration },
    ];
    expect(unapplied(fields)).toEqual([]);
  });

  it("names a value Twilio kept and a clear it ignored", () => {
    const fields = [
      { field: "friendlyName", sent: "New", kept: "Old", same: same.deep },
      { field: "timer", sent: null, kept: "PT5M", same: same.duration },
    ];
    expect(unapplied(fields).map((f) => f.field)).toEqual(["friendlyName", "timer"]);
  });
});

describe("verifyApplied", () => {
  it("throws a WriteNotAppliedError naming each field, the value sent and the value kept", () => {
    let error: unknown;
    try {
      verifyApplied('updating Conversation "x"', [
        { field: "friendlyName", sent: "New", kept: "Old", same: same.deep },
        { field: "timers.closed", sent: null, kept: "2026-01-01T00:00:00Z", same: same.deep },
        { field: "uniqueName", sent: "x", kept: "x", same: same.deep },
      ]);
    } catch (e) {
      error = e;
    }
    expect(WriteNotAppliedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /^Twilio did not apply all of updating Conversation "x": friendlyName: sent "New", Twilio kept "Old"; timers\.closed: sent a clear, Twilio kept "2026-01-01T00:00:00Z"\. /,
    );
    expect((error as WriteNotAppliedError).fields.map((f) => f.field)).toEqual(["friendlyName", "timers.closed"]);
  });

  it("says nothing when everything took", () => {
    expect(() => verifyApplied("x", [{ field: "a", sent: 1, kept: 1, same: same.deep }])).not.toThrow();
  });
});
