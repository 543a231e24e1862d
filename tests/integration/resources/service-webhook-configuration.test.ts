/**
 * ServiceWebhookConfiguration against the emulator, through the provider object exactly as the
 * dynamic-provider host calls it: check, create, read, diff, update, delete. Runs against a live
 * account too (tests/support/account.ts): every test makes its own service; what needs the emulator
 * is marked emulatorOnly.
 */
import { PartialFailure } from "../../../provider/shared/partial";
import { emulatorOnly, newService, useAccount } from "../../support/account";
import { checkedInputs, hostProvider, SHIM, throughInterposer, useWarnings } from "../../support/provider-harness";

const provider = hostProvider("ServiceWebhookConfiguration");
const PRE = "https://hooks.example.com/support/pre";
const POST = "https://hooks.example.com/support/post";
const NONE = { method: null, filters: null, preWebhookUrl: null, postWebhookUrl: null };

const account = useAccount();
const requests = () => account.requests().map(({ method, path, body, status }) => ({ method, path, body, status }));
const faults = emulatorOnly("injects faults into the emulator");
const interposed = emulatorOnly("edits the emulator's traffic to play a Twilio that ignores a value");
const warnings = useWarnings();

const pathOf = (service: string) => `/v1/Services/${service}/Configuration/Webhooks`;

/** The service's webhook settings as Twilio holds them now. */
async function live(service: string): Promise<Record<string, unknown>> {
  const { data } = await account.outOfBand.request<Record<string, unknown>>({ method: "GET", path: pathOf(service) });
  const { method, filters, pre_webhook_url, post_webhook_url } = data;
  return { method, filters, pre_webhook_url, post_webhook_url };
}

const checked = (news: Record<string, unknown>, olds?: Record<string, unknown>) => checkedInputs(provider, news, olds);

describe("ServiceWebhookConfiguration lifecycle", () => {
  it("records the originals, writes only what is declared, updates, shows drift, and on delete leaves what it cannot unset, with warnings", async () => {
    const service = await newService(account);
    const path = pathOf(service);
    expect(await live(service)).toEqual({ method: null, filters: null, pre_webhook_url: null, post_webhook_url: null });
    account.clearRequests();

    // create: GET (record), then POST of the declared fields only.
    const inputs = await checked({ chatServiceSid: service, postWebhookUrl: POST, filters: ["onMessageAdded"], method: "post" });
    const { id, outs } = await provider.create({ __provider: SHIM, ...inputs });
    expect(id).toBe(service);
    expect(outs).toEqual({
      chatServiceSid: service,
      method: "POST",
      filters: ["onMessageAdded"],
      postWebhookUrl: POST,
      originalValues: NONE,
      accountSid: account.accountSid,
      url: `${account.url}${path}`,
    });
    expect(requests()).toEqual([
      { method: "GET", path, body: undefined, status: 200 },
      { method: "POST", path, body: { Method: "POST", Filters: "onMessageAdded", PostWebhookUrl: POST }, status: 200 },
    ]);

    // read: live values, matching inputs, originals kept.
    account.clearRequests();
    const read = await provider.read(id, { ...outs, __provider: SHIM });
    expect(read).toEqual({ id, props: outs, inputs });

    // The same, written differently: the service SID's hex in capitals, the URL's host in capitals.
    const respelt = await checked(
      {
        chatServiceSid: service.slice(0, 2) + service.slice(2).toUpperCase(),
        postWebhookUrl: "https://HOOKS.example.com/support/post",
        filters: ["onMessageAdded"],
        method: "POST",
      },
      read.inputs,
    );
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, respelt)).toMatchObject({ changes: false, replaces: [] });

    // update: more filters and a pre-event URL, sent alone.
    account.clearRequests();
    const changed = await checked({
      chatServiceSid: service,
      postWebhookUrl: POST,
      preWebhookUrl: PRE,
      filters: ["onMessageAdded", "onMessageAdd"],
      method: "POST",
    });
    const updated = (await provider.update(id, { ...outs, __provider: SHIM }, changed)).outs!;
    expect(requests()).toEqual([
      { method: "GET", path, body: undefined, status: 200 },
      { method: "POST", path, body: { Filters: ["onMessageAdded", "onMessageAdd"], PreWebhookUrl: PRE }, status: 200 },
    ]);
    expect(updated).toEqual({ ...outs, filters: ["onMessageAdded", "onMessageAdd"], preWebhookUrl: PRE });

    // Removing the method, which had no value: a warning in diff, nothing sent, no longer managed.
    account.clearRequests();
    const removed = await checked({
      chatServiceSid: service,
      postWebhookUrl: POST,
      preWebhookUrl: PRE,
      filters: ["onMessageAdded", "onMessageAdd"],
    });
    expect(await provider.diff(id, { ...updated, __provider: SHIM }, removed)).toMatchObject({ changes: true, replaces: [] });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^ServiceWebhookConfiguration of chat service IS\w+: method was removed from the program, but Twilio has no way to unset a webhook method \(it takes GET or POST only\), .* It stays "POST"\./,
      ),
    ]);
    const afterRemoval = (await provider.update(id, { ...updated, __provider: SHIM }, removed)).outs!;
    expect(requests().filter((r) => r.method === "POST")).toEqual([]);
    expect(afterRemoval).not.toHaveProperty("method");

    // Drift: a change made outside Pulumi shows on read.
    await account.outOfBand.request({ method: "POST", path, form: { PostWebhookUrl: "https://elsewhere.example.com/post" } });
    const drifted = await provider.read(id, { ...afterRemoval, __provider: SHIM });
    expect(drifted.props).toEqual({ ...afterRemoval, postWebhookUrl: "https://elsewhere.example.com/post" });
    expect(await provider.diff(id, { ...drifted.props, __provider: SHIM }, removed)).toMatchObject({ changes: true });

    // delete: a new service had none of these, and none can be unset: each stays, with a warning naming it.
    warnings.length = 0;
    account.clearRequests();
    await provider.delete(id, { ...drifted.props, __provider: SHIM });
    expect(requests()).toEqual([]);
    expect(warnings.map((w) => w.replace(/ cannot be put back:.*/, ""))).toEqual([
      `ServiceWebhookConfiguration of chat service ${service}: filters`,
      `ServiceWebhookConfiguration of chat service ${service}: preWebhookUrl`,
      `ServiceWebhookConfiguration of chat service ${service}: postWebhookUrl`,
    ]);
    expect(warnings[2]).toMatch(
      /postWebhookUrl cannot be put back: .* It stays "https:\/\/elsewhere\.example\.com\/post" on Twilio; change it there if it must not\.$/,
    );

    // Once the service is deleted, its settings are gone: read says so, delete succeeds.
    await account.outOfBand.request({ method: "DELETE", path: `/v1/Services/${service}` });
    expect(await provider.read(id, { ...drifted.props, __provider: SHIM })).toEqual({ id: "", props: {} });
    await provider.delete(id, { ...drifted.props, __provider: SHIM });
  });

  it("puts back the settings a service had before, on delete", async () => {
    const service = await newService(account);
    const before = { Method: "GET", Filters: ["onParticipantAdded", "onDeliveryUpdated"], PreWebhookUrl: PRE, PostWebhookUrl: POST };
    await account.outOfBand.request({ method: "POST", path: pathOf(service), form: before });
    const { id, outs } = await provider.create({
      __provider: SHIM,
      ...(await checked({
        chatServiceSid: service,
        method: "POST",
        filters: ["onMessageAdded"],
        preWebhookUrl: POST,
        postWebhookUrl: PRE,
      })),
    });
    account.clearRequests();
    await provider.delete(id, { ...outs, __provider: SHIM });
    expect(requests()).toEqual([{ method: "POST", path: pathOf(service), body: before, status: 200 }]);
    expect(warnings).toEqual([]);
    expect(await live(service)).toEqual({ method: "GET", filters: before.Filters, pre_webhook_url: PRE, post_webhook_url: POST });
  });

  it("replaces on a change of service, taking the new one in charge before putting the old one back", async () => {
    const [a, b] = [await newService(account, "A"), await newService(account, "B")];
    await account.outOfBand.request({ method: "POST", path: pathOf(a), form: { Method: "GET" } });
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ chatServiceSid: a, method: "POST" })) });
    const moved = await checked({ chatServiceSid: b, method: "POST" });
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, moved)).toEqual({
      changes: true,
      replaces: ["chatServiceSid"],
      stables: expect.arrayContaining(["method", "filters"]),
      deleteBeforeReplace: false,
    });
    const replacement = await provider.create({ __provider: SHIM, ...moved });
    expect(replacement.id).toBe(b);
    await provider.delete(id, { ...outs, __provider: SHIM });
    expect((await live(a)).method).toBe("GET");
    expect((await live(b)).method).toBe("POST");
  });

  it("refuses to create for a service that does not exist, naming the fix", async () => {
    const missing = "IS" + "0123456789abcdef".repeat(2);
    await expect(provider.create({ __provider: SHIM, ...(await checked({ chatServiceSid: missing, method: "GET" })) })).rejects.toThrow(
      `chat service ${missing} does not exist in account ${account.accountSid}: create it first (ConversationService) or fix chatServiceSid`,
    );
    expect(requests()).toEqual([{ method: "GET", path: pathOf(missing), body: undefined, status: 404 }]);
  });

  it("imports by service SID, taking charge of every field that has a value", async () => {
    const service = await newService(account);
    await account.outOfBand.request({ method: "POST", path: pathOf(service), form: { PostWebhookUrl: POST } });
    const read = await provider.read(service, {});
    expect(read.id).toBe(service);
    expect(read.inputs).toEqual({ chatServiceSid: service, postWebhookUrl: POST });
  });
});

describe("ServiceWebhookConfiguration write verification", () => {
  interposed("fails a write whose URL Twilio did not keep, keeping what Twilio holds", async () => {
    const service = await newService(account);
    const inputs = await checked({ chatServiceSid: service, postWebhookUrl: POST, method: "GET" });
    const rules = { drop: [{ method: "POST", path: /\/Configuration\/Webhooks$/, fields: ["PostWebhookUrl"] }] };
    const failure: unknown = await throughInterposer(account, rules, () =>
      provider.create({ __provider: SHIM, ...inputs }).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    expect((failure as PartialFailure).message).toMatch(
      /postWebhookUrl: sent "https:\/\/hooks\.example\.com\/support\/post", Twilio kept no value/,
    );
    expect((failure as PartialFailure).properties).toMatchObject({
      chatServiceSid: service,
      method: "GET",
      postWebhookUrl: null,
      originalValues: NONE,
    });
  });
});

describe("ServiceWebhookConfiguration check", () => {
  const IS = "IS" + "a".repeat(32);
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing service", { method: "GET" }, "chatServiceSid", /^is required: a chat service SID/],
    [
      "a user event, which only the account's webhooks take",
      { chatServiceSid: IS, filters: ["onUserAdded"] },
      "filters.0",
      /^must be one of onMessageAdded, /,
    ],
    ["a method other than GET or POST", { chatServiceSid: IS, method: "DELETE" }, "method", /^must be "GET" or "POST"$/],
    ["a URL without a host", { chatServiceSid: IS, preWebhookUrl: "https://" }, "preWebhookUrl", /absolute http:\/\/ or https:\/\/ URL/],
    [
      "a target, which only the account's webhooks have",
      { chatServiceSid: IS, target: "flex" },
      "target",
      /^unknown property "target": ServiceWebhookConfiguration takes chatServiceSid, method, /,
    ],
  ];
  it.each(cases)("rejects %s before sending anything", async (_what, news, property, reason) => {
    const result = await provider.check({}, { __provider: SHIM, ...news });
    expect(result.failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
    expect(account.requests()).toEqual([]);
  });
});

describe("ServiceWebhookConfiguration under faults", () => {
  faults("rides out a burst of 429s and a 503: exactly one POST takes effect", async () => {
    const service = await newService(account);
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ chatServiceSid: service, method: "GET" })) });
    account.clearRequests();
    account.emulator.setFaults({ rateLimitNext: 2, rateLimitRetryAfterSeconds: 0 });
    await provider.update(id, outs, await checked({ chatServiceSid: service, method: "POST" }));
    account.emulator.setFaults({ unavailableNext: 1 });
    await provider.update(id, { ...outs, method: "POST" }, await checked({ chatServiceSid: service, method: "GET" }));
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 429", "POST 429", "POST 200", "POST 503", "POST 200"]);
  });

  faults("sends the create's POST again when its response was lost, and records what was there before", async () => {
    const service = await newService(account);
    account.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: pathOf(service) } });
    const { outs } = await provider.create({ __provider: SHIM, ...(await checked({ chatServiceSid: service, postWebhookUrl: POST })) });
    expect(outs).toMatchObject({ postWebhookUrl: POST, originalValues: NONE });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 200", "POST 0", "POST 200"]);
  });
});
