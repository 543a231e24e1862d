/**
 * GlobalWebhookConfiguration against the emulator, through the provider object exactly as the
 * dynamic-provider host calls it: check, create, read, diff, update, delete. Every test that writes
 * the account's webhooks is emulator-only: the live teardown (tests/support/live-cleanup.ts) does
 * not snapshot them, and Twilio offers no way to unset a webhook URL it could put back.
 */
import { PartialFailure } from "../../../provider/shared/partial";
import { emulatorOnly, useAccount } from "../../support/account";
import { checkedInputs, hostProvider, SHIM, throughInterposer, useWarnings } from "../../support/provider-harness";

const provider = hostProvider("GlobalWebhookConfiguration");
const PATH = "/v1/Configuration/Webhooks";
const PRE = "https://hooks.example.com/pre";
const POST = "https://hooks.example.com/post";

const account = useAccount();
const requests = () => account.requests().map(({ method, path, body, status }) => ({ method, path, body, status }));
const writes = emulatorOnly("writes the account's webhook settings, which the live teardown does not put back");
const faults = emulatorOnly("injects faults into the emulator");
const warnings = useWarnings();

/** The account's webhook settings as Twilio holds them now (read behind Pulumi's back). */
async function live(): Promise<Record<string, unknown>> {
  const { data } = await account.outOfBand.request<Record<string, unknown>>({ method: "GET", path: PATH });
  const { method, filters, pre_webhook_url, post_webhook_url, target } = data;
  return { method, filters, pre_webhook_url, post_webhook_url, target };
}

const checked = (news: Record<string, unknown>, olds?: Record<string, unknown>) => checkedInputs(provider, news, olds);

/** What a new account has (emulator/v1/store.ts), as the provider records it: no filters is null. */
const FRESH = { method: "POST", filters: null, preWebhookUrl: null, postWebhookUrl: null, target: "webhook" };

describe("GlobalWebhookConfiguration lifecycle", () => {
  writes("records the originals, writes only what is declared, updates, restores, shows drift and restores on delete", async () => {
    expect(await live()).toEqual({ method: "POST", filters: [], pre_webhook_url: null, post_webhook_url: null, target: "webhook" });
    account.clearRequests();

    // create: GET (record), then POST of the declared fields only.
    const inputs = await checked({ method: "get", filters: ["onMessageAdded", "onMessageAdd"], postWebhookUrl: POST });
    expect(inputs).toEqual({ method: "GET", filters: ["onMessageAdded", "onMessageAdd"], postWebhookUrl: POST });
    const { id, outs } = await provider.create({ __provider: SHIM, ...inputs });
    expect(id).toBe(account.accountSid);
    expect(outs).toEqual({
      method: "GET",
      filters: ["onMessageAdded", "onMessageAdd"],
      postWebhookUrl: POST,
      originalValues: FRESH,
      accountSid: account.accountSid,
      url: `${account.url}${PATH}`,
    });
    expect(requests()).toEqual([
      { method: "GET", path: PATH, body: undefined, status: 200 },
      {
        method: "POST",
        path: PATH,
        body: { Method: "GET", Filters: ["onMessageAdded", "onMessageAdd"], PostWebhookUrl: POST },
        status: 200,
      },
    ]);

    // read: live values of the declared fields, matching inputs, originals kept.
    account.clearRequests();
    const read = await provider.read(id, { ...outs, __provider: SHIM });
    expect(read).toEqual({ id, props: outs, inputs });
    expect(requests()).toEqual([{ method: "GET", path: PATH, body: undefined, status: 200 }]);

    // The same values written differently: filters in another order with a duplicate, the host in capitals.
    const respelt = await checked(
      { method: "Get", filters: ["onMessageAdd", "onMessageAdded", "onMessageAdd"], postWebhookUrl: "HTTPS://Hooks.Example.com/post" },
      read.inputs,
    );
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, respelt)).toMatchObject({ changes: false, replaces: [] });

    // update: other filters, a pre-event URL and a target declared for the first time (their originals are read first).
    account.clearRequests();
    const changed = await checked({
      method: "GET",
      filters: ["onConversationUpdated"],
      postWebhookUrl: POST,
      preWebhookUrl: PRE,
      target: "flex",
    });
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, changed)).toMatchObject({ changes: true, replaces: [] });
    const updated = (await provider.update(id, { ...outs, __provider: SHIM }, changed)).outs!;
    expect(requests()).toEqual([
      { method: "GET", path: PATH, body: undefined, status: 200 },
      { method: "POST", path: PATH, body: { Filters: "onConversationUpdated", PreWebhookUrl: PRE, Target: "flex" }, status: 200 },
    ]);
    expect(updated).toEqual({ ...outs, filters: ["onConversationUpdated"], preWebhookUrl: PRE, target: "flex" });

    // Removed from the program: the method and the target go back to their recorded values.
    account.clearRequests();
    const removed = await checked({ filters: ["onConversationUpdated"], postWebhookUrl: POST, preWebhookUrl: PRE });
    const afterRemoval = (await provider.update(id, { ...updated, __provider: SHIM }, removed)).outs!;
    expect(requests()).toEqual([{ method: "POST", path: PATH, body: { Method: "POST", Target: "webhook" }, status: 200 }]);
    expect(afterRemoval).toEqual({
      filters: ["onConversationUpdated"],
      postWebhookUrl: POST,
      preWebhookUrl: PRE,
      originalValues: FRESH,
      accountSid: account.accountSid,
      url: `${account.url}${PATH}`,
    });
    expect(warnings).toEqual([]);

    // Drift: a change made outside Pulumi shows on read; an unmanaged field's change does not.
    await account.outOfBand.request({ method: "POST", path: PATH, form: { Filters: ["onMessageRemoved"], Method: "GET" } });
    const drifted = await provider.read(id, { ...afterRemoval, __provider: SHIM });
    expect(drifted.props).toEqual({ ...afterRemoval, filters: ["onMessageRemoved"] });
    expect(drifted.inputs).toEqual({ filters: ["onMessageRemoved"], postWebhookUrl: POST, preWebhookUrl: PRE });
    expect(await provider.diff(id, { ...drifted.props, __provider: SHIM }, removed)).toMatchObject({ changes: true });

    // delete: nothing it manages had a value before, and none can be unset: each stays, with a warning; nothing is sent.
    account.clearRequests();
    await provider.delete(id, { ...drifted.props, __provider: SHIM });
    expect(requests()).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^GlobalWebhookConfiguration of account ${account.accountSid}: filters cannot be put back: it had no value before this resource first set it, ` +
            `and Twilio offers no way to empty the filter list .*It stays \\["onMessageRemoved"\\] on Twilio`,
        ),
      ),
      expect.stringMatching(/: preWebhookUrl cannot be put back: .*Twilio documents no way to unset a webhook URL/),
      expect.stringMatching(/: postWebhookUrl cannot be put back: /),
    ]);
    expect(await live()).toEqual({
      method: "GET",
      filters: ["onMessageRemoved"],
      pre_webhook_url: PRE,
      post_webhook_url: POST,
      target: "webhook",
    });
  });

  writes("puts back every recorded value on delete, sending the filters and URLs it found", async () => {
    const before = {
      Method: "GET",
      Filters: ["onMessageAdded", "onParticipantAdded"],
      PreWebhookUrl: PRE,
      PostWebhookUrl: POST,
      Target: "flex",
    };
    await account.outOfBand.request({ method: "POST", path: PATH, form: before });
    const inputs = await checked({
      method: "POST",
      filters: ["onDeliveryUpdated"],
      preWebhookUrl: "https://other.example.com/pre",
      postWebhookUrl: "https://other.example.com/post",
      target: "webhook",
    });
    const { id, outs } = await provider.create({ __provider: SHIM, ...inputs });
    expect(outs.originalValues).toEqual({
      method: "GET",
      filters: ["onMessageAdded", "onParticipantAdded"],
      preWebhookUrl: PRE,
      postWebhookUrl: POST,
      target: "flex",
    });
    account.clearRequests();
    await provider.delete(id, { ...outs, __provider: SHIM });
    expect(requests()).toEqual([{ method: "POST", path: PATH, body: before, status: 200 }]);
    expect(warnings).toEqual([]);
    expect(await live()).toEqual({ method: "GET", filters: before.Filters, pre_webhook_url: PRE, post_webhook_url: POST, target: "flex" });
  });

  writes("removing a URL that had no value warns in diff, sends nothing for it and stops managing it", async () => {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ postWebhookUrl: POST, method: "GET" })) });
    account.clearRequests();
    const news = await checked({ method: "GET" });
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, news)).toMatchObject({ changes: true, replaces: [] });
    expect(warnings).toEqual([
      `GlobalWebhookConfiguration of account ${account.accountSid}: postWebhookUrl was removed from the program, but Twilio documents ` +
        `no way to unset a webhook URL (it takes an absolute URL there), and it had no value before this resource first set it, so it ` +
        `is left as it is on Twilio. It stays "${POST}". Set postWebhookUrl to the value you want to change it; removing it only stops ` +
        `Pulumi from managing it.`,
    ]);
    const updated = (await provider.update(id, { ...outs, __provider: SHIM }, news)).outs!;
    expect(requests().filter((r) => r.method === "POST")).toEqual([]);
    expect(updated).not.toHaveProperty("postWebhookUrl");
    warnings.length = 0;
    expect(await provider.diff(id, { ...updated, __provider: SHIM }, news)).toMatchObject({ changes: false });
    expect(warnings).toEqual([]);
  });

  it("writes nothing when nothing is declared, and its delete sends nothing", async () => {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({})) });
    expect(requests().map((r) => r.method)).toEqual(["GET"]);
    expect(outs).toEqual({ originalValues: expect.any(Object), accountSid: account.accountSid, url: expect.any(String) });
    account.clearRequests();
    await provider.delete(id, outs);
    expect(requests()).toEqual([]);
  });

  it("treats an import (no recorded values) as taking charge of every field that has a value", async () => {
    const read = await provider.read(account.accountSid, {});
    expect(read.id).toBe(account.accountSid);
    const held = read.props.originalValues as Record<string, unknown>;
    expect(read.inputs).toEqual(Object.fromEntries(Object.entries(held).filter(([, v]) => v !== null)));
    expect(await provider.read("AC" + "1".repeat(32), {})).toEqual({ id: "", props: {} });
  });

  writes("refuses to touch it with another account's credentials", async () => {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ method: "GET" })) });
    account.clearRequests();
    const foreign = { ...outs, accountSid: "AC" + "1".repeat(32) };
    await expect(provider.update(id, foreign, await checked({ method: "POST" }))).rejects.toThrow(
      /Refusing to update GlobalWebhookConfiguration of account AC1{32}/,
    );
    await expect(provider.delete(id, foreign)).rejects.toThrow(/Refusing to delete/);
    expect(requests()).toEqual([]);
  });
});

describe("GlobalWebhookConfiguration write verification", () => {
  writes("fails a create whose filters Twilio did not keep, naming them, and keeps what Twilio holds", async () => {
    const inputs = await checked({ filters: ["onMessageAdded"], method: "GET" });
    const failure = await throughInterposer(
      account,
      { drop: [{ method: "POST", path: /\/Configuration\/Webhooks$/, fields: ["Filters"] }] },
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
        `^Twilio did not apply all of creating GlobalWebhookConfiguration of account ${account.accountSid}: filters: sent \\["onMessageAdded"\\], Twilio kept no value\\. `,
      ),
    );
    expect(partial.properties).toMatchObject({ __provider: SHIM, method: "GET", filters: null, originalValues: FRESH });
    // The next run sees the difference and sends it again.
    expect(await provider.diff(partial.id, partial.properties, inputs)).toMatchObject({ changes: true });
    expect((await provider.update(partial.id, partial.properties, inputs)).outs).toMatchObject({ filters: ["onMessageAdded"] });
  });

  writes("fails a restore Twilio ignored, naming the field", async () => {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ target: "flex" })) });
    const rules = { drop: [{ method: "POST", path: /\/Configuration\/Webhooks$/, fields: ["Target"] }] };
    await expect(throughInterposer(account, rules, () => provider.delete(id, { ...outs, __provider: SHIM }))).rejects.toThrow(
      /^Twilio did not apply all of deleting GlobalWebhookConfiguration of account AC\w+ \(restoring its recorded values\): target: sent "webhook", Twilio kept "flex"/,
    );
  });
});

describe("GlobalWebhookConfiguration check", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a method other than GET or POST", { method: "PUT" }, "method", /^must be "GET" or "POST"$/],
    ["a filter Twilio does not know", { filters: ["onMessageSent"] }, "filters.0", /^must be one of onMessageAdded, onMessageUpdated, /],
    [
      "a filter in the wrong case",
      { filters: ["onmessageadded"] },
      "filters.0",
      /^must be spelt "onMessageAdded" \(event names are case-sensitive\)$/,
    ],
    ["an empty filter list", { filters: [] }, "filters", /^must name at least one event: Twilio offers no way to send an empty list/],
    ["filters as a string", { filters: "onMessageAdded" }, "filters", /^must be a list of event names$/],
    ["a relative URL", { preWebhookUrl: "/hooks/pre" }, "preWebhookUrl", /^must be an absolute http:\/\/ or https:\/\/ URL$/],
    ["a URL of another scheme", { postWebhookUrl: "ftp://example.com/x" }, "postWebhookUrl", /absolute http:\/\/ or https:\/\//],
    ["a target Twilio does not know", { target: "studio" }, "target", /^must be "webhook" or "flex"$/],
    [
      "a misspelt property",
      { postWebhookURL: POST },
      "postWebhookURL",
      /^unknown property "postWebhookURL": GlobalWebhookConfiguration takes method, filters, /,
    ],
  ];
  it.each(cases)("rejects %s before sending anything", async (_what, news, property, reason) => {
    const result = await provider.check({}, { __provider: SHIM, ...news });
    expect(result.failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
    expect(account.requests()).toEqual([]);
  });

  writes("sends what check accepted: the method in capitals, the URL trimmed, the filters without duplicates", async () => {
    const news = await checked({ method: " post ", postWebhookUrl: ` ${POST} `, filters: ["onMessageAdded", "onMessageAdded"] });
    expect(news).toEqual({ method: "POST", postWebhookUrl: POST, filters: ["onMessageAdded"] });
    account.clearRequests();
    await provider.create({ __provider: SHIM, ...news });
    expect(requests()[1]).toEqual({
      method: "POST",
      path: PATH,
      body: { Method: "POST", Filters: "onMessageAdded", PostWebhookUrl: POST },
      status: 200,
    });
  });
});

describe("GlobalWebhookConfiguration under faults", () => {
  faults("rides out a burst of 429s: exactly one POST takes effect", async () => {
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ method: "GET" })) });
    account.clearRequests();
    account.emulator.setFaults({ rateLimitNext: 3, rateLimitRetryAfterSeconds: 0 });
    const result = await provider.update(id, outs, await checked({ method: "POST" }));
    expect(result.outs).toMatchObject({ method: "POST" });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 429", "POST 429", "POST 429", "POST 200"]);
  });

  faults("retries a GET that got a 503, and a POST whose connection dropped", async () => {
    account.emulator.setFaults({ unavailableNext: 1 });
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ target: "flex" })) });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 503", "GET 200", "POST 200"]);
    account.clearRequests();
    account.emulator.setFaults({ dropNext: 1 });
    await provider.delete(id, outs);
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 0", "POST 200"]);
    expect((await live()).target).toBe("webhook");
  });

  faults("keeps the recorded originals in state when every attempt at the create's POST loses its response", async () => {
    account.emulator.setFaults({ dropAfterEffect: { count: 5, method: "POST", pathPrefix: PATH } });
    const inputs = await checked({ method: "GET", postWebhookUrl: POST });
    const failure: unknown = await provider.create({ __provider: SHIM, ...inputs }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    const partial = failure as PartialFailure;
    expect(partial.id).toBe(account.accountSid);
    // The POST took effect, but what was recorded is what was there before it.
    expect(partial.properties).toMatchObject({ method: "POST", postWebhookUrl: null, originalValues: FRESH });
    expect(await live()).toMatchObject({ method: "GET", post_webhook_url: POST });
    const { outs } = await provider.update(partial.id, partial.properties, inputs);
    expect(outs).toMatchObject({ method: "GET", postWebhookUrl: POST, originalValues: FRESH });
  });
});
