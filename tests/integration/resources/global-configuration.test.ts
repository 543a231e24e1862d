/**
 * GlobalConfiguration against the emulator, through the provider object exactly as the
 * dynamic-provider host calls it: check, create, read, diff, update, delete. Runs against a live
 * account too (tests/support/account.ts), whose configuration the run's teardown puts back; what
 * needs the emulator (a fresh account, made-up SIDs, faults) is marked emulatorOnly.
 */
import { PartialFailure } from "../../../provider/shared/partial";
import { emulatorOnly, useAccount } from "../../support/account";
import { checkedInputs, hostProvider, SHIM, throughInterposer, useWarnings } from "../../support/provider-harness";

const provider = hostProvider("GlobalConfiguration");
const MG_OTHER = "MG" + "ab".repeat(16);

const account = useAccount();
const requests = () => account.requests().map(({ method, path, body, status }) => ({ method, path, body, status }));
const freshAccount = emulatorOnly("starts from a fresh account's configuration (no timers set)");
const madeUpSid = emulatorOnly("sets a made-up messaging service SID, which only the emulator accepts");
const interposed = emulatorOnly("edits the emulator's traffic to play a Twilio that ignores a value");
const faults = emulatorOnly("injects faults into the emulator");
const warnings = useWarnings();

/** The account configuration as Twilio holds it now (read behind Pulumi's back). */
async function live(): Promise<Record<string, unknown>> {
  const response = await account.outOfBand.request<Record<string, unknown>>({ method: "GET", path: "/v1/Configuration" });
  const { default_chat_service_sid, default_messaging_service_sid, default_inactive_timer, default_closed_timer } = response.data;
  return { default_chat_service_sid, default_messaging_service_sid, default_inactive_timer, default_closed_timer };
}

const checked = (news: Record<string, unknown>, olds?: Record<string, unknown>) => checkedInputs(provider, news, olds);

describe("GlobalConfiguration lifecycle", () => {
  freshAccount(
    "records the originals, writes only what is declared, updates, restores removed fields, shows drift and restores all on delete",
    async () => {
      const fresh = await live();
      expect(fresh).toMatchObject({
        default_chat_service_sid: expect.stringMatching(/^IS/),
        default_inactive_timer: null,
        default_closed_timer: null,
      });
      account.clearRequests();

      // create: GET (record), then POST of the declared fields only.
      const inputs = await checked({ defaultInactiveTimer: "PT5M", defaultClosedTimer: "PT1H" });
      expect(inputs).toEqual({ defaultInactiveTimer: "PT5M", defaultClosedTimer: "PT1H" });
      const { id, outs } = await provider.create({ __provider: SHIM, ...inputs });
      const originalValues = {
        defaultChatServiceSid: fresh.default_chat_service_sid,
        defaultMessagingServiceSid: fresh.default_messaging_service_sid,
        defaultInactiveTimer: null,
        defaultClosedTimer: null,
      };
      expect(id).toBe(account.accountSid);
      expect(outs).toEqual({
        defaultInactiveTimer: "PT5M",
        defaultClosedTimer: "PT1H",
        originalValues,
        accountSid: account.accountSid,
        url: `${account.url}/v1/Configuration`,
      });
      expect(requests()).toEqual([
        { method: "GET", path: "/v1/Configuration", body: undefined, status: 200 },
        { method: "POST", path: "/v1/Configuration", body: { DefaultInactiveTimer: "PT5M", DefaultClosedTimer: "PT1H" }, status: 200 },
      ]);

      // read: live values of the declared fields, matching inputs, originals kept.
      account.clearRequests();
      const read = await provider.read(id, { ...outs, __provider: SHIM });
      expect(read).toEqual({ id, props: outs, inputs: { defaultInactiveTimer: "PT5M", defaultClosedTimer: "PT1H" } });
      expect(requests()).toEqual([{ method: "GET", path: "/v1/Configuration", body: undefined, status: 200 }]);

      // A re-run spelling the same durations differently is no change.
      const respelt = await checked({ defaultInactiveTimer: "PT300S", defaultClosedTimer: "PT60M" }, read.inputs);
      expect(await provider.diff(id, { ...outs, __provider: SHIM }, respelt)).toMatchObject({ changes: false, replaces: [] });

      // update: a changed timer, and a field declared for the first time (its original is read first).
      account.clearRequests();
      const changed = await checked({ defaultInactiveTimer: "PT10M", defaultClosedTimer: "PT1H", defaultMessagingServiceSid: MG_OTHER });
      expect(await provider.diff(id, { ...outs, __provider: SHIM }, changed)).toMatchObject({ changes: true, replaces: [] });
      const updated = (await provider.update(id, { ...outs, __provider: SHIM }, changed)).outs!;
      expect(requests()).toEqual([
        { method: "GET", path: "/v1/Configuration", body: undefined, status: 200 },
        {
          method: "POST",
          path: "/v1/Configuration",
          body: { DefaultMessagingServiceSid: MG_OTHER, DefaultInactiveTimer: "PT10M" },
          status: 200,
        },
      ]);
      expect(updated).toEqual({ ...outs, defaultInactiveTimer: "PT10M", defaultMessagingServiceSid: MG_OTHER, originalValues });

      // A field removed from the program goes back to its recorded value (PT0S clears: it had none).
      account.clearRequests();
      const removed = await checked({ defaultInactiveTimer: "PT10M", defaultMessagingServiceSid: MG_OTHER });
      expect(await provider.diff(id, { ...updated, __provider: SHIM }, removed)).toMatchObject({ changes: true });
      const afterRemoval = (await provider.update(id, { ...updated, __provider: SHIM }, removed)).outs!;
      expect(requests()).toEqual([{ method: "POST", path: "/v1/Configuration", body: { DefaultClosedTimer: "PT0S" }, status: 200 }]);
      expect(afterRemoval).toEqual({
        defaultInactiveTimer: "PT10M",
        defaultMessagingServiceSid: MG_OTHER,
        originalValues,
        accountSid: account.accountSid,
        url: `${account.url}/v1/Configuration`,
      });
      expect((await live()).default_closed_timer).toBeNull();

      // Drift: a change made outside Pulumi shows on read, and the next diff wants to undo it.
      await account.outOfBand.request({
        method: "POST",
        path: "/v1/Configuration",
        form: { DefaultInactiveTimer: "PT45M", DefaultClosedTimer: "P1D" },
      });
      const drifted = await provider.read(id, { ...afterRemoval, __provider: SHIM });
      expect(drifted.props).toEqual({ ...afterRemoval, defaultInactiveTimer: "PT45M" });
      // The closed timer is not this resource's any more: someone else's value is not its drift.
      expect(drifted.props).not.toHaveProperty("defaultClosedTimer");
      expect(drifted.inputs).toEqual({ defaultInactiveTimer: "PT45M", defaultMessagingServiceSid: MG_OTHER });
      expect(await provider.diff(id, { ...drifted.props, __provider: SHIM }, removed)).toMatchObject({ changes: true });

      // delete: every managed field back to its recorded value; the unmanaged one is left alone.
      account.clearRequests();
      await provider.delete(id, { ...drifted.props, __provider: SHIM });
      expect(requests()).toEqual([
        {
          method: "POST",
          path: "/v1/Configuration",
          body: { DefaultMessagingServiceSid: fresh.default_messaging_service_sid, DefaultInactiveTimer: "PT0S" },
          status: 200,
        },
      ]);
      expect(await live()).toEqual({ ...fresh, default_closed_timer: "P1D" });

      // The singleton cannot be gone: a read after delete shows the restored values.
      const afterDelete = await provider.read(id, { ...drifted.props, __provider: SHIM });
      expect(afterDelete.inputs).toEqual({ defaultMessagingServiceSid: fresh.default_messaging_service_sid });
    },
  );

  it("writes nothing when nothing is declared, and its delete sends nothing", async () => {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({})) });
    expect(requests().map((r) => r.method)).toEqual(["GET"]);
    expect(outs).toEqual({ originalValues: expect.any(Object), accountSid: account.accountSid, url: expect.any(String) });
    account.clearRequests();
    await provider.delete(id, outs);
    expect(requests()).toEqual([]);
  });

  it("treats an import (no recorded values) as taking charge of every field that has a value", async () => {
    const fresh = await live();
    const read = await provider.read(account.accountSid, {});
    expect(read.id).toBe(account.accountSid);
    // Every field that has a value (on a fresh emulator account: the two SIDs; a live one may have timers too).
    const held = {
      defaultChatServiceSid: fresh.default_chat_service_sid,
      defaultMessagingServiceSid: fresh.default_messaging_service_sid,
      defaultInactiveTimer: fresh.default_inactive_timer,
      defaultClosedTimer: fresh.default_closed_timer,
    };
    expect(read.inputs).toEqual(Object.fromEntries(Object.entries(held).filter(([, v]) => v !== null)));
    expect(read.props).toMatchObject({
      originalValues: { defaultChatServiceSid: fresh.default_chat_service_sid, defaultInactiveTimer: fresh.default_inactive_timer },
    });
  });

  it("finds no configuration to import under another account's SID", async () => {
    expect(await provider.read("AC" + "1".repeat(32), {})).toEqual({ id: "", props: {} });
  });

  it("refuses to touch it with another account's credentials", async () => {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ defaultInactiveTimer: "PT5M" })) });
    account.clearRequests();
    const foreign = { ...outs, accountSid: "AC" + "1".repeat(32) };
    await expect(provider.update(id, foreign, await checked({ defaultInactiveTimer: "PT6M" }))).rejects.toThrow(
      /Refusing to update GlobalConfiguration of account AC1{32}/,
    );
    await expect(provider.delete(id, foreign)).rejects.toThrow(/Refusing to delete/);
    expect(requests()).toEqual([]);
    await provider.delete(id, outs); // puts the timer back
  });
});

describe("GlobalConfiguration fields Twilio cannot clear", () => {
  // State recorded when the account had no default messaging service (Twilio has none until one is
  // set); the API offers no way back to "none" (the SID parameter is 34 characters or nothing).
  async function createdWhenUnset(news: Record<string, unknown>) {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked(news)) });
    const olds = { ...outs, originalValues: { ...outs!.originalValues, defaultMessagingServiceSid: null }, __provider: SHIM };
    account.clearRequests();
    return { id, olds };
  }

  madeUpSid("removing one from the program leaves it as it is with a warning naming it and why, and sends nothing for it", async () => {
    const { id, olds } = await createdWhenUnset({ defaultMessagingServiceSid: MG_OTHER, defaultInactiveTimer: "PT5M" });
    const news = await checked({ defaultInactiveTimer: "PT5M" });
    expect(await provider.diff(id, olds, news)).toMatchObject({ changes: true, replaces: [] });
    expect(warnings).toEqual([
      `GlobalConfiguration of account ${account.accountSid}: defaultMessagingServiceSid was removed from the program, but Twilio ` +
        `cannot empty a SID field (the API takes only a 34-character SID there), and it had no value before this resource first set it, ` +
        `so it is left as it is on Twilio. It stays "${MG_OTHER}". Set defaultMessagingServiceSid to the value you want to change it; ` +
        `removing it only stops Pulumi from managing it.`,
    ]);
    const { outs } = await provider.update(id, olds, news);
    expect(requests()).toEqual([{ method: "GET", path: "/v1/Configuration", body: undefined, status: 200 }]);
    expect(outs).not.toHaveProperty("defaultMessagingServiceSid");
    expect((await live()).default_messaging_service_sid).toBe(MG_OTHER);
    // Recorded: the next preview neither warns nor changes anything.
    warnings.length = 0;
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, news)).toMatchObject({ changes: false });
    expect(warnings).toEqual([]);
  });

  madeUpSid("destroy puts back what it can, never sends an empty SID, and reports the one it cannot put back", async () => {
    const { id, olds } = await createdWhenUnset({ defaultMessagingServiceSid: MG_OTHER, defaultInactiveTimer: "PT5M" });
    await provider.delete(id, olds);
    expect(requests()).toEqual([{ method: "POST", path: "/v1/Configuration", body: { DefaultInactiveTimer: "PT0S" }, status: 200 }]);
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^GlobalConfiguration of account ${account.accountSid}: defaultMessagingServiceSid cannot be put back: it had no value before this resource first set it, and Twilio cannot empty a SID field .*It stays "${MG_OTHER}" on Twilio`,
        ),
      ),
    ]);
    expect(await live()).toMatchObject({ default_messaging_service_sid: MG_OTHER, default_inactive_timer: null });
  });
});

describe("GlobalConfiguration write verification", () => {
  interposed(
    "fails a create whose value Twilio did not keep, naming the field, the value sent and the value kept, and keeps what Twilio holds",
    async () => {
      const inputs = await checked({ defaultInactiveTimer: "PT5M", defaultClosedTimer: "PT1H" });
      const failure = await throughInterposer(
        account,
        { drop: [{ method: "POST", path: /^\/v1\/Configuration$/, fields: ["DefaultClosedTimer"] }] },
        () =>
          provider.create({ __provider: SHIM, ...inputs }).then(
            () => undefined,
            (e: unknown) => e,
          ),
      );
      expect(failure).toBeInstanceOf(PartialFailure);
      const partial = failure as PartialFailure;
      expect(partial.message).toMatch(
        new RegExp(
          `^Twilio did not apply all of creating GlobalConfiguration of account ${account.accountSid}: defaultClosedTimer: sent "PT1H", Twilio kept no value\\. `,
        ),
      );
      expect(partial.id).toBe(account.accountSid);
      expect(partial.properties).toMatchObject({ __provider: SHIM, defaultInactiveTimer: "PT5M", defaultClosedTimer: null });
      // Nothing records the drift as success: the next run sees the change and sends it again.
      expect(await provider.diff(partial.id, partial.properties, inputs)).toMatchObject({ changes: true });
      const { outs } = await provider.update(partial.id, partial.properties, inputs);
      expect(outs).toMatchObject({ defaultClosedTimer: "PT1H" });
    },
  );

  interposed("fails a restore Twilio ignored, naming the clear it did not apply", async () => {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ defaultInactiveTimer: "PT5M" })) });
    const rules = { drop: [{ method: "POST", path: /^\/v1\/Configuration$/, fields: ["DefaultInactiveTimer"] }] };
    await expect(throughInterposer(account, rules, () => provider.delete(id, { ...outs, __provider: SHIM }))).rejects.toThrow(
      /^Twilio did not apply all of deleting GlobalConfiguration of account AC\w+ \(restoring its recorded values\): defaultInactiveTimer: sent a clear, Twilio kept "PT5M"/,
    );
  });
});

describe("GlobalConfiguration check", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    [
      "a chat service SID of the wrong kind",
      { defaultChatServiceSid: MG_OTHER },
      "defaultChatServiceSid",
      /must be a chat service SID: "IS" followed by 32 hex digits/,
    ],
    [
      "a messaging service SID too short",
      { defaultMessagingServiceSid: "MG123" },
      "defaultMessagingServiceSid",
      /must be a messaging service SID/,
    ],
    ["an inactive timer under a minute", { defaultInactiveTimer: "PT30S" }, "defaultInactiveTimer", /must be at least 1 minute/],
    ["a closed timer under ten minutes", { defaultClosedTimer: "PT9M" }, "defaultClosedTimer", /must be at least 10 minutes/],
    ["a timer that is not a duration", { defaultClosedTimer: "1 hour" }, "defaultClosedTimer", /ISO 8601 duration/],
    ["a timer in months (no fixed length)", { defaultClosedTimer: "P1M" }, "defaultClosedTimer", /write days or weeks instead/],
    [
      "a misspelt property",
      { defaultInactiveTimeout: "PT5M" },
      "defaultInactiveTimeout",
      /unknown property "defaultInactiveTimeout": GlobalConfiguration takes defaultChatServiceSid, /,
    ],
  ];
  it("sends what check accepted: a duration in lower case with a space, and an upper-case-hex SID, as Twilio takes them", async () => {
    const service = (await live()).default_chat_service_sid as string;
    const news = await checked({
      defaultInactiveTimer: " pt5m",
      defaultChatServiceSid: service.slice(0, 2) + service.slice(2).toUpperCase(),
    });
    expect(news).toEqual({ defaultInactiveTimer: "PT5M", defaultChatServiceSid: service });
    account.clearRequests();
    const { id, outs } = await provider.create({ __provider: SHIM, ...news });
    expect(requests()[1]).toEqual({
      method: "POST",
      path: "/v1/Configuration",
      body: { DefaultChatServiceSid: service, DefaultInactiveTimer: "PT5M" },
      status: 200,
    });
    await provider.delete(id, outs); // puts the timer back
  });

  it.each(cases)("rejects %s before sending anything", async (_what, news, property, reason) => {
    const result = await provider.check({}, { __provider: SHIM, ...news });
    expect(result.failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
    expect(account.requests()).toEqual([]);
  });
});

describe("GlobalConfiguration under faults", () => {
  faults("rides out a burst of 429s: exactly one POST takes effect", async () => {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ defaultInactiveTimer: "PT5M" })) });
    account.clearRequests();
    account.emulator.setFaults({ rateLimitNext: 3, rateLimitRetryAfterSeconds: 0 });
    const result = await provider.update(id, outs, await checked({ defaultInactiveTimer: "PT7M" }));
    expect(result.outs).toMatchObject({ defaultInactiveTimer: "PT7M" });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 429", "POST 429", "POST 429", "POST 200"]);
    expect(requests().filter((r) => r.status === 200)).toEqual([
      { method: "POST", path: "/v1/Configuration", body: { DefaultInactiveTimer: "PT7M" }, status: 200 },
    ]);
  });

  faults("retries a GET that got a 503", async () => {
    account.emulator.setFaults({ unavailableNext: 1 });
    const { outs } = await provider.create({ __provider: SHIM, ...(await checked({ defaultInactiveTimer: "PT5M" })) });
    expect(outs).toMatchObject({ defaultInactiveTimer: "PT5M", originalValues: { defaultInactiveTimer: null } });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 503", "GET 200", "POST 200"]);
  });

  faults("retries a 503 on a write: the POST sets absolute values, so sending it again is harmless", async () => {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ defaultInactiveTimer: "PT5M" })) });
    account.clearRequests();
    account.emulator.setFaults({ unavailableNext: 1 });
    const news = await checked({ defaultInactiveTimer: "PT7M" });
    expect((await provider.update(id, outs, news)).outs).toMatchObject({
      defaultInactiveTimer: "PT7M",
      originalValues: outs.originalValues,
    });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 503", "POST 200"]);
  });

  faults("retries a GET whose connection dropped", async () => {
    account.emulator.setFaults({ dropNext: 1 });
    const { outs } = await provider.create({ __provider: SHIM, ...(await checked({ defaultClosedTimer: "PT20M" })) });
    expect(outs).toMatchObject({ defaultClosedTimer: "PT20M", originalValues: { defaultClosedTimer: null } });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 0", "GET 200", "POST 200"]);
  });

  faults("sends the create's POST again when its response was lost, and records what was there before", async () => {
    account.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Configuration" } });
    const { outs } = await provider.create({ __provider: SHIM, ...(await checked({ defaultInactiveTimer: "PT5M" })) });
    expect(outs).toMatchObject({ defaultInactiveTimer: "PT5M", originalValues: { defaultInactiveTimer: null } });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 200", "POST 0", "POST 200"]);
  });

  faults("keeps the recorded originals in state when every attempt at the create's POST loses its response", async () => {
    // Five attempts is the client's budget: all of them lost.
    account.emulator.setFaults({ dropAfterEffect: { count: 5, method: "POST", pathPrefix: "/v1/Configuration" } });
    const inputs = await checked({ defaultInactiveTimer: "PT5M" });
    const failure: unknown = await provider.create({ __provider: SHIM, ...inputs }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    const partial = failure as PartialFailure;
    expect(partial.message).toMatch(`creating GlobalConfiguration of account ${account.accountSid}`);
    expect(partial.id).toBe(account.accountSid);
    // The POST did take effect, but what was recorded is what was there before it.
    expect(partial.properties).toMatchObject({
      __provider: SHIM,
      defaultInactiveTimer: null,
      originalValues: { defaultInactiveTimer: null },
    });
    expect((await live()).default_inactive_timer).toBe("PT5M");

    // The next run updates the resource kept in state; the originals survive.
    const olds = partial.properties;
    expect(await provider.diff(partial.id, olds, inputs)).toMatchObject({ changes: true });
    const { outs } = await provider.update(partial.id, olds, inputs);
    expect(outs).toMatchObject({ defaultInactiveTimer: "PT5M", originalValues: { defaultInactiveTimer: null } });
    await provider.delete(partial.id, outs!);
    expect((await live()).default_inactive_timer).toBeNull();
  });
});
