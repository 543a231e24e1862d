import type { OperationContext } from "../../../../provider/shared/define";
import { setWarningSink } from "../../../../provider/shared/diagnostics";
import { same } from "../../../../provider/shared/diff";
import { PartialFailure } from "../../../../provider/shared/partial";
import {
  createWrites,
  type FieldRules,
  type FieldValues,
  type LiveSingleton,
  managedKeys,
  newlyManaged,
  restoreWrites,
  settableOnWire,
  singletonLifecycle,
  timerOnWire,
  unrestorable,
  updateWrites,
  type Writes,
} from "../../../../provider/shared/singleton";
import { CANNOT_CLEAR, CLEARABLE } from "../../../../provider/shared/twilio-facts";

interface Fields {
  timer?: string;
  flag?: boolean;
  sid?: string;
}
const fields: FieldRules<Fields> = {
  timer: { same: same.duration, removal: CLEARABLE },
  flag: { same: same.deep, removal: CLEARABLE, unset: false },
  sid: { same: same.sid, removal: CANNOT_CLEAR.sid },
};
const ORIGINALS: FieldValues<Fields> = { timer: null, flag: false, sid: "ISaaa" };

/** Warnings reported while `work` runs. */
async function warningsOf(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const previous = setWarningSink((m) => seen.push(m));
  try {
    await work();
  } finally {
    setWarningSink(previous);
  }
  return seen;
}

describe("the recorded-values rules", () => {
  it("manages the fields that have a value (null in prior outputs still counts)", () => {
    expect(managedKeys(fields, { timer: "PT1M", flag: undefined, sid: null })).toEqual(["timer", "sid"]);
  });

  it("create writes every declared field, and nothing else", () => {
    expect(createWrites(fields, { timer: "PT1M" })).toEqual({ timer: "PT1M" });
    expect(createWrites(fields, {})).toEqual({});
  });

  it("update writes changed fields, skips equivalent spellings, and puts removed fields back to their originals", () => {
    const olds: Writes<Fields> = { timer: "PT1M", flag: true, sid: "ISbbb" };
    expect(updateWrites(fields, olds, { timer: "PT60S", flag: true, sid: "ISBBB" }, ORIGINALS)).toEqual({});
    expect(updateWrites(fields, olds, { timer: "PT2M", flag: true, sid: "ISbbb" }, ORIGINALS)).toEqual({ timer: "PT2M" });
    expect(updateWrites(fields, olds, { sid: "ISbbb" }, ORIGINALS)).toEqual({ timer: null, flag: false });
  });

  it("update writes a field declared for the first time, which is newly managed", () => {
    expect(updateWrites(fields, { timer: "PT1M" }, { timer: "PT1M", flag: true }, ORIGINALS)).toEqual({ flag: true });
    expect(newlyManaged(fields, { timer: "PT1M" }, { timer: "PT1M", flag: true })).toEqual(["flag"]);
  });

  it("delete puts back every managed field, and only those", () => {
    expect(restoreWrites(fields, { timer: "PT5M", sid: "ISbbb" }, ORIGINALS)).toEqual({ timer: null, sid: "ISaaa" });
  });

  it("never clears what Twilio cannot clear: a field with no recorded value is left out, and listed", () => {
    const none: FieldValues<Fields> = { timer: null, flag: null, sid: null };
    const olds: Writes<Fields> = { timer: "PT5M", flag: true, sid: "ISbbb" };
    // "No value" for the flag is its documented default; for the timer a clear; for the SID nothing.
    expect(restoreWrites(fields, olds, none)).toEqual({ timer: null, flag: false });
    expect(updateWrites(fields, olds, {}, none)).toEqual({ timer: null, flag: false });
    expect(unrestorable(fields, olds, undefined, none)).toEqual(["sid"]);
    expect(unrestorable(fields, olds, { sid: "ISccc" }, none)).toEqual([]);
    // Twilio holds nothing there now: nothing is kept, so nothing to report.
    expect(unrestorable(fields, { ...olds, sid: null }, undefined, none)).toEqual([]);
  });

  it("sends PT0S for a cleared timer, and refuses to send an empty value for a field Twilio cannot clear", () => {
    expect(timerOnWire(null)).toBe("PT0S");
    expect(timerOnWire("PT1M")).toBe("PT1M");
    expect(timerOnWire(undefined)).toBeUndefined();
    expect(settableOnWire("DefaultChatServiceSid", "ISaaa")).toBe("ISaaa");
    expect(() => settableOnWire("DefaultChatServiceSid", null)).toThrow(/DefaultChatServiceSid cannot be cleared/);
  });
});

/** An in-memory singleton behind the spec's fetch/write, with a log of calls and scripted failures. */
function fakeSingleton(initial: FieldValues<Fields>) {
  let state = { ...initial };
  let exists = true;
  const calls: string[] = [];
  const failNextWrite: Error[] = [];
  /** Fields the fake "Twilio" answers 200 for but does not apply. */
  const ignored = new Set<keyof Fields>();
  const liveNow = (): LiveSingleton<Fields> => ({ values: { ...state }, accountSid: "AC1", url: "https://x/Configuration" });
  const lifecycle = singletonLifecycle<{ scope: string }, Fields>({
    fields,
    scope: (props, id) => ({ scope: props.scope ?? id ?? "" }),
    id: (scope) => scope.scope,
    describe: (scope, accountSid) => `Thing ${scope.scope} of ${accountSid}`,
    fetch: async (_client, _scope, action) => {
      calls.push(`GET (${action})`);
      return exists ? liveNow() : undefined;
    },
    write: async (_client, _scope, writes, action) => {
      calls.push(`POST ${JSON.stringify(writes)} (${action})`);
      const failure = failNextWrite.shift();
      if (failure) {
        state = { ...state, ...writes }; // took effect, but the answer was lost
        throw failure;
      }
      if (!exists) return undefined;
      const taken = Object.fromEntries(Object.entries(writes).filter(([k]) => !ignored.has(k as keyof Fields)));
      state = { ...state, ...taken };
      return liveNow();
    },
    missing: (scope) => new Error(`${scope.scope} is missing`),
  });
  const ctx = { client: { accountSid: "AC1" }, settings: {} } as unknown as OperationContext;
  return {
    lifecycle,
    ctx,
    calls,
    failNextWrite,
    ignored,
    state: () => state,
    set: (patch: Partial<FieldValues<Fields>>) => (state = { ...state, ...patch }),
    remove: () => (exists = false),
  };
}

describe("singletonLifecycle", () => {
  it("create records every field, then writes only the declared ones", async () => {
    const fake = fakeSingleton(ORIGINALS);
    const { id, outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M" }, fake.ctx);
    expect(id).toBe("S");
    expect(outs).toEqual({ scope: "S", timer: "PT5M", originalValues: ORIGINALS, accountSid: "AC1", url: "https://x/Configuration" });
    expect(fake.calls).toEqual(["GET (creating Thing S of AC1)", 'POST {"timer":"PT5M"} (creating Thing S of AC1)']);
  });

  it("create fails with the resource's own message when the scope does not exist, writing nothing", async () => {
    const fake = fakeSingleton(ORIGINALS);
    fake.remove();
    await expect(fake.lifecycle.create({ scope: "S", timer: "PT5M" }, fake.ctx)).rejects.toThrow("S is missing");
    expect(fake.calls).toEqual(["GET (creating Thing S of AC1)"]);
  });

  it("a create whose write fails keeps the resource with the originals (PartialFailure), so a retry does not record its own values", async () => {
    const fake = fakeSingleton(ORIGINALS);
    fake.failNextWrite.push(new Error("No response from Twilio"));
    const error = await fake.lifecycle.create({ scope: "S", timer: "PT5M" }, fake.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialFailure);
    expect(error).toMatchObject({ id: "S", properties: { scope: "S", timer: null, originalValues: ORIGINALS } });
    expect((error as Error).message).toMatch(/^No response from Twilio \(the values found before were recorded/);
  });

  it("update records the original of a newly declared field just before its first write", async () => {
    const fake = fakeSingleton(ORIGINALS);
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M" }, fake.ctx);
    fake.set({ sid: "ISsomeoneelse" }); // changed by someone else since the create
    fake.calls.length = 0;
    const updated = await fake.lifecycle.update("S", outs, { scope: "S", timer: "PT5M", sid: "ISmine" }, fake.ctx);
    expect(fake.calls).toEqual(["GET (updating Thing S of AC1)", 'POST {"sid":"ISmine"} (updating Thing S of AC1)']);
    expect(updated.originalValues).toEqual({ ...ORIGINALS, sid: "ISsomeoneelse" });

    // Removing it later puts back what it held before this resource wrote it, not the create-time value.
    fake.calls.length = 0;
    await fake.lifecycle.update("S", updated, { scope: "S", timer: "PT5M" }, fake.ctx);
    expect(fake.calls).toEqual(['POST {"sid":"ISsomeoneelse"} (updating Thing S of AC1)']);
  });

  it("an update whose write fails after recording a new original keeps it (PartialFailure)", async () => {
    const fake = fakeSingleton(ORIGINALS);
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M" }, fake.ctx);
    fake.failNextWrite.push(new Error("lost"));
    const error = await fake.lifecycle.update("S", outs, { scope: "S", timer: "PT5M", flag: true }, fake.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialFailure);
    expect((error as PartialFailure).properties).toMatchObject({ timer: "PT5M", flag: false, originalValues: ORIGINALS });
  });

  it("an update whose write fails with nothing new recorded rethrows as is (the prior state stands)", async () => {
    const fake = fakeSingleton(ORIGINALS);
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M" }, fake.ctx);
    fake.failNextWrite.push(new Error("503"));
    await expect(fake.lifecycle.update("S", outs, { scope: "S", timer: "PT6M" }, fake.ctx)).rejects.toThrow(/^503$/);
  });

  it("update with nothing to write reads the live values instead", async () => {
    const fake = fakeSingleton(ORIGINALS);
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M" }, fake.ctx);
    fake.calls.length = 0;
    const updated = await fake.lifecycle.update("S", outs, { scope: "S", timer: "PT300S" }, fake.ctx);
    expect(fake.calls).toEqual(["GET (updating Thing S of AC1)"]);
    expect(updated).toEqual(outs);
  });

  it("read returns live values of managed fields only, matching inputs, and the recorded originals", async () => {
    const fake = fakeSingleton(ORIGINALS);
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M" }, fake.ctx);
    fake.set({ timer: "PT9M", flag: true });
    const read = await fake.lifecycle.read("S", outs, fake.ctx);
    expect(read).toEqual({ props: { ...outs, timer: "PT9M" }, inputs: { scope: "S", timer: "PT9M" } });
  });

  it("read keeps a managed field Twilio has cleared (null) among the outputs, but not among the inputs", async () => {
    const fake = fakeSingleton(ORIGINALS);
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M" }, fake.ctx);
    fake.set({ timer: null });
    const read = await fake.lifecycle.read("S", outs, fake.ctx);
    expect(read!.props.timer).toBeNull();
    expect(read!.inputs).toEqual({ scope: "S" });
  });

  it("read says gone when the scope is gone", async () => {
    const fake = fakeSingleton(ORIGINALS);
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M" }, fake.ctx);
    fake.remove();
    expect(await fake.lifecycle.read("S", outs, fake.ctx)).toBeUndefined();
  });

  it("delete restores every managed field in one write; nothing when nothing is managed or recorded; succeeds when gone", async () => {
    const fake = fakeSingleton(ORIGINALS);
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M", flag: true }, fake.ctx);
    fake.calls.length = 0;
    await fake.lifecycle.delete("S", outs, fake.ctx);
    expect(fake.calls).toEqual(['POST {"timer":null,"flag":false} (deleting Thing S of AC1 (restoring its recorded values))']);
    expect(fake.state()).toEqual(ORIGINALS);

    fake.calls.length = 0;
    await fake.lifecycle.delete("S", { ...outs, timer: undefined, flag: undefined }, fake.ctx);
    await fake.lifecycle.delete("S", { scope: "S", timer: "PT5M" } as never, fake.ctx);
    expect(fake.calls).toEqual([]);

    fake.remove();
    await expect(fake.lifecycle.delete("S", outs, fake.ctx)).resolves.toBeUndefined();
  });

  it("a create Twilio does not fully apply fails naming the field, sent and kept values, and keeps the live values in state", async () => {
    const fake = fakeSingleton({ ...ORIGINALS, timer: "PT2M" });
    fake.ignored.add("timer");
    const error = await fake.lifecycle.create({ scope: "S", timer: "PT5M", flag: true }, fake.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialFailure);
    expect((error as Error).message).toMatch(
      /^Twilio did not apply all of creating Thing S of AC1: timer: sent "PT5M", Twilio kept "PT2M"\. /,
    );
    // The flag took; the timer holds Twilio's value, so the next diff sends it again.
    expect((error as PartialFailure).properties).toMatchObject({ timer: "PT2M", flag: true, originalValues: { timer: "PT2M" } });
  });

  it("an update or a restore Twilio does not apply fails the same way; a clear left standing is named too", async () => {
    const fake = fakeSingleton(ORIGINALS);
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M", sid: "ISbbb" }, fake.ctx);
    fake.ignored.add("timer");
    const update = await fake.lifecycle.update("S", outs, { scope: "S", sid: "ISbbb" }, fake.ctx).catch((e: unknown) => e);
    expect(update).toBeInstanceOf(PartialFailure);
    expect((update as Error).message).toMatch(/timer: sent a clear, Twilio kept "PT5M"/);
    expect((update as PartialFailure).properties).toMatchObject({ sid: "ISbbb" });
    await expect(fake.lifecycle.delete("S", outs, fake.ctx)).rejects.toThrow(
      /^Twilio did not apply all of deleting Thing S of AC1 \(restoring its recorded values\): timer: sent a clear, Twilio kept "PT5M"/,
    );
  });

  it("counts a timer Twilio reports as a zero length as cleared", async () => {
    const fake = fakeSingleton(ORIGINALS);
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M" }, fake.ctx);
    fake.ignored.add("timer");
    fake.set({ timer: "PT0S" });
    await expect(fake.lifecycle.delete("S", outs, fake.ctx)).resolves.toBeUndefined();
  });

  it("destroy leaves a SID with no recorded value as it is, never sends an empty one, and says so", async () => {
    const fake = fakeSingleton({ timer: null, flag: false, sid: null });
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M", sid: "ISbbb" }, fake.ctx);
    fake.calls.length = 0;
    const warnings = await warningsOf(() => fake.lifecycle.delete("S", outs, fake.ctx));
    expect(fake.calls).toEqual(['POST {"timer":null} (deleting Thing S of AC1 (restoring its recorded values))']);
    expect(fake.state().sid).toBe("ISbbb");
    expect(warnings).toEqual([
      "Thing S of AC1: sid cannot be put back: it had no value before this resource first set it, and Twilio cannot empty a SID field " +
        '(the API takes only a 34-character SID there). It stays "ISbbb" on Twilio; change it there if it must not.',
    ]);
  });

  it("removing such a SID from the program is warned about in diff, leaves it, and stops managing it", async () => {
    const fake = fakeSingleton({ timer: null, flag: false, sid: null });
    const { outs } = await fake.lifecycle.create({ scope: "S", timer: "PT5M", sid: "ISbbb" }, fake.ctx);
    expect(fake.lifecycle.keptOnRemoval!(outs, { scope: "S", timer: "PT5M" })).toEqual([
      expect.stringMatching(
        /^Thing S of AC1: sid was removed from the program, but Twilio cannot empty a SID field .*, and it had no value before this resource first set it, so it is left as it is on Twilio\. It stays "ISbbb"\./,
      ),
    ]);
    expect(fake.lifecycle.keptOnRemoval!(outs, { scope: "S", timer: "PT5M", sid: "ISccc" })).toEqual([]);
    fake.calls.length = 0;
    const updated = await fake.lifecycle.update("S", outs, { scope: "S", timer: "PT5M" }, fake.ctx);
    expect(fake.calls).toEqual(["GET (updating Thing S of AC1)"]);
    expect(updated).not.toHaveProperty("sid");
    expect(fake.lifecycle.keptOnRemoval!(updated, { scope: "S", timer: "PT5M" })).toEqual([]);
  });
});
