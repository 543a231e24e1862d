/**
 * Conversation against the emulator, through the provider object exactly as the dynamic-provider
 * host calls it: check, create, read, diff, update, delete, with the requests asserted. Runs against
 * a live account too (tests/support/account.ts); what needs the emulator is marked emulatorOnly.
 */
import { PartialFailure } from "../../../provider/shared/partial";
import { listAllV1 } from "../../../provider/shared/v1-list";
import { emulatorOnly, useAccount } from "../../support/account";
import { checkedInputs, hostProvider, SHIM, throughInterposer, useWarnings } from "../../support/provider-harness";

const provider = hostProvider("Conversation");
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const account = useAccount();
/** A name the test gives: as is on the emulator, with the run prefix against a live account. */
const n = (base: string) => account.name(base);
const faults = emulatorOnly("injects faults into the emulator");
const madeUpSid = emulatorOnly("sets a made-up messaging service SID, which only the emulator accepts");
const interposed = emulatorOnly("edits the emulator's traffic to play a Twilio that ignores or refuses a value");
const warnings = useWarnings();
/** The account's default conversation service. */
let defaultService: string;

beforeEach(async () => {
  const config = await account.outOfBand.request<{ default_chat_service_sid: string }>({ method: "GET", path: "/v1/Configuration" });
  defaultService = config.data.default_chat_service_sid;
  account.clearRequests();
});

interface Sent {
  method: string;
  path: string;
  body: unknown;
  status: number;
  webhooks?: string;
}
const requests = (): Sent[] =>
  account.requests().map((r) => {
    const sent: Sent = { method: r.method, path: r.path, body: r.body, status: r.status };
    if (r.headers["x-twilio-webhook-enabled"] !== undefined) sent.webhooks = r.headers["x-twilio-webhook-enabled"];
    return sent;
  });

/** check as the engine does: the failures must be none, and the checked inputs carry __provider. */
async function checked(news: Record<string, unknown>, olds?: Record<string, unknown>): Promise<Record<string, unknown>> {
  return { __provider: SHIM, ...(await checkedInputs(provider, news, olds)) };
}

async function create(news: Record<string, unknown>) {
  return provider.create(await checked(news));
}

/** Every conversation of a service, every page (a live account may hold many). */
async function conversationsIn(service: string): Promise<{ sid: string; unique_name: string | null }[]> {
  const path = `/v1/Services/${service}/Conversations`;
  return (await listAllV1(account.outOfBand, path, "conversations", { pageSize: 100, action: "listing" })) as {
    sid: string;
    unique_name: string | null;
  }[];
}

async function createService(name: string): Promise<string> {
  const res = await account.outOfBand.request<{ sid: string }>({ method: "POST", path: "/v1/Services", form: { FriendlyName: name } });
  return res.data.sid;
}

const withProvider = (outs: Record<string, unknown>) => ({ ...outs, __provider: SHIM });

describe("Conversation lifecycle on the account's default service", () => {
  it("creates, reads, shows no diff on a re-run, updates in place, deletes, and reads as gone", async () => {
    const program = {
      uniqueName: n("support"),
      friendlyName: n("Support desk"),
      attributes: { tier: "gold", area: "eu" },
      timers: { inactive: "PT1H", closed: "P1D" },
      bindings: { email: { address: "support@example.com", name: "Support" } },
      webhooksEnabled: false,
    };
    const { id, outs } = await create(program);
    expect(id).toMatch(/^CH[0-9a-f]{32}$/);
    expect(outs).toEqual({
      sid: id,
      accountSid: account.accountSid,
      chatServiceSid: defaultService,
      uniqueName: n("support"),
      friendlyName: n("Support desk"),
      attributes: '{"area":"eu","tier":"gold"}',
      messagingServiceSid: expect.stringMatching(/^MG[0-9a-f]{32}$/),
      state: "active",
      timers: { inactive: "PT1H", closed: "P1D" },
      bindings: { email: { address: "support@example.com", name: "Support" } },
      webhooksEnabled: false,
      dateCreated: expect.stringMatching(DATE),
      dateUpdated: expect.stringMatching(DATE),
      dateInactive: expect.stringMatching(DATE),
      dateClosed: expect.stringMatching(DATE),
      url: `${account.url}/v1/Conversations/${id}`,
      declaredProperties: ["attributes", "bindings", "friendlyName", "timers", "uniqueName", "webhooksEnabled"],
    });
    expect(requests()).toEqual([
      {
        method: "POST",
        path: "/v1/Conversations",
        status: 201,
        webhooks: "false",
        body: {
          UniqueName: n("support"),
          FriendlyName: n("Support desk"),
          Attributes: '{"area":"eu","tier":"gold"}',
          "Timers.Inactive": "PT1H",
          "Timers.Closed": "P1D",
          "Bindings.Email.Address": "support@example.com",
          "Bindings.Email.Name": "Support",
        },
      },
    ]);

    // Read addresses the conversation in the service it was recorded in.
    account.clearRequests();
    const read = await provider.read(id, withProvider(outs));
    expect(read.id).toBe(id);
    // Read through the service's path, Twilio names that path in the url; the recorded one names the
    // same conversation, so it stays: the first refresh reports no change.
    expect(read.props).toEqual(outs);
    expect(account.requests().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v1/Services/${defaultService}/Conversations/${id}`]);
    // The service, messaging service and state Twilio chose are not claimed as inputs: the program
    // never declared them, so a later update must not list them as changed.
    expect(read.inputs).toEqual({
      uniqueName: n("support"),
      friendlyName: n("Support desk"),
      attributes: '{"area":"eu","tier":"gold"}',
      timers: { inactive: "PT1H", closed: "P1D" },
      bindings: { email: { address: "support@example.com", name: "Support" } },
      webhooksEnabled: false,
    });
    expect(requests()).toEqual([
      { method: "GET", path: `/v1/Services/${defaultService}/Conversations/${id}`, body: undefined, status: 200 },
    ]);

    // A re-run of the same program, written differently (key order, duration spelling): no change.
    const same = await checked(
      { ...program, attributes: '{"tier": "gold", "area": "eu"}', timers: { inactive: "PT60M", closed: "PT24H" } },
      read.inputs,
    );
    expect(await provider.diff(id, withProvider(outs), same)).toMatchObject({ changes: false, replaces: [] });

    // Update in place: a new friendly name, attributes and the email name removed. Attributes reset
    // to {}; Twilio documents no way to clear an email binding, so the name is left, with a warning.
    account.clearRequests();
    const next = await checked({
      ...program,
      friendlyName: n("Help desk"),
      attributes: undefined,
      bindings: { email: { address: "support@example.com" } },
    });
    // Delete-first is what a forced replacement (replaceOnChanges) would need: same name, same service.
    expect(await provider.diff(id, withProvider(outs), next)).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: true });
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Conversation "${n("support")}": bindings\\.email\\.name was removed from the program, but Twilio documents no way to clear`,
        ),
      ),
    ]);
    const updated = await provider.update(id, withProvider(outs), next);
    expect(updated.outs).toMatchObject({
      sid: id,
      friendlyName: n("Help desk"),
      attributes: "{}",
      bindings: { email: { address: "support@example.com" } },
      timers: { inactive: "PT1H", closed: "P1D" },
      dateInactive: outs.dateInactive, // the timers were not sent again, so they did not restart
    });
    expect(requests()).toEqual([
      {
        method: "POST",
        path: `/v1/Services/${defaultService}/Conversations/${id}`,
        status: 200,
        webhooks: "false",
        body: { FriendlyName: n("Help desk"), Attributes: "{}" },
      },
    ]);
    expect((await account.outOfBand.request<any>({ method: "GET", path: `/v1/Conversations/${id}` })).data.bindings).toEqual({
      email: { address: "support@example.com", name: "Support" },
    });
    expect(await provider.diff(id, withProvider(updated.outs!), next)).toMatchObject({ changes: false });

    // Delete, then read as gone, then delete again (already gone counts as deleted).
    account.clearRequests();
    await provider.delete(id, withProvider(updated.outs!));
    expect(await provider.read(id, withProvider(updated.outs!))).toEqual({ id: "", props: {} });
    await provider.delete(id, withProvider(updated.outs!));
    expect(requests()).toEqual([
      { method: "DELETE", path: `/v1/Services/${defaultService}/Conversations/${id}`, body: undefined, status: 204, webhooks: "false" },
      { method: "GET", path: `/v1/Services/${defaultService}/Conversations/${id}`, body: undefined, status: 404 },
      { method: "DELETE", path: `/v1/Services/${defaultService}/Conversations/${id}`, body: undefined, status: 404, webhooks: "false" },
    ]);
  });

  it("sends nothing for a change of carried values only (webhooksEnabled, adoptExisting)", async () => {
    const { id, outs } = await create({ uniqueName: n("quiet") });
    account.clearRequests();
    const next = await checked({ uniqueName: n("quiet"), webhooksEnabled: true, adoptExisting: true });
    expect(await provider.diff(id, withProvider(outs), next)).toMatchObject({ changes: true });
    const updated = await provider.update(id, withProvider(outs), next);
    expect(updated.outs).toMatchObject({ webhooksEnabled: true, adoptExisting: true });
    expect(requests()).toEqual([]);
  });

  it("reads a conversation by its unique name and gives back its SID as the id", async () => {
    const { id } = await create({ uniqueName: n("by-name") });
    const read = await provider.read(n("by-name"), {});
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ sid: id, uniqueName: n("by-name") });
  });
});

describe("Conversation lifecycle on a named service", () => {
  it("creates in the service, updates there, replaces on a new service (creating first, even with the same unique name), deletes", async () => {
    const service = await createService(n("Support"));
    const other = await createService(n("Support EU"));
    account.clearRequests();

    const { id, outs } = await create({ chatServiceSid: service, uniqueName: n("lobby"), state: "inactive" });
    expect(outs).toMatchObject({
      chatServiceSid: service,
      state: "inactive",
      url: `${account.url}/v1/Services/${service}/Conversations/${id}`,
    });
    expect(requests()).toEqual([
      { method: "POST", path: `/v1/Services/${service}/Conversations`, status: 201, body: { UniqueName: n("lobby"), State: "inactive" } },
    ]);

    account.clearRequests();
    const next = await checked({ chatServiceSid: service, uniqueName: n("lobby"), state: "active", friendlyName: n("Lobby") });
    const updated = await provider.update(id, withProvider(outs), next);
    expect(updated.outs).toMatchObject({ state: "active", friendlyName: n("Lobby") });
    expect(requests()).toEqual([
      {
        method: "POST",
        path: `/v1/Services/${service}/Conversations/${id}`,
        status: 200,
        body: { FriendlyName: n("Lobby"), State: "active" },
      },
    ]);

    // Omitting the service later is not a move: the conversation stays where it is, with a warning
    // naming why; the update records that the program no longer declares it, and sends nothing.
    account.clearRequests();
    const unscoped = await checked({ uniqueName: n("lobby"), state: "active", friendlyName: n("Lobby") });
    expect(await provider.diff(id, withProvider(updated.outs!), unscoped)).toMatchObject({ changes: true, replaces: [] });
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Conversation "${n("lobby")}": chatServiceSid was removed from the program, but a conversation cannot leave its service`,
        ),
      ),
    ]);
    const recorded = await provider.update(id, withProvider(updated.outs!), unscoped);
    expect(requests()).toEqual([]);
    expect(recorded.outs).toMatchObject({ chatServiceSid: service, declaredProperties: ["friendlyName", "state", "uniqueName"] });
    warnings.length = 0;
    expect(await provider.diff(id, withProvider(recorded.outs!), unscoped)).toMatchObject({ changes: false });
    expect(warnings).toEqual([]);

    // A new service replaces. Unique names are unique per service, so even with the same unique name
    // the new conversation is created first, and the old one deleted after.
    const moved = await checked({ chatServiceSid: other, uniqueName: n("lobby"), state: "active", friendlyName: n("Lobby") });
    expect(await provider.diff(id, withProvider(updated.outs!), moved)).toMatchObject({
      changes: true,
      replaces: ["chatServiceSid"],
      deleteBeforeReplace: false,
    });
    const replacement = await provider.create(moved);
    expect(replacement.outs).toMatchObject({ chatServiceSid: other, uniqueName: n("lobby") });
    await provider.delete(id, withProvider(updated.outs!));
    expect(await conversationsIn(service)).toEqual([]);
    expect((await conversationsIn(other)).map((c) => c.sid)).toEqual([replacement.id]);

    // A new service with a new unique name: the new one is created first.
    const renamed = await checked({ chatServiceSid: service, uniqueName: n("lobby-2") });
    expect(await provider.diff(replacement.id, withProvider(replacement.outs), renamed)).toMatchObject({
      replaces: ["chatServiceSid"],
      deleteBeforeReplace: false,
    });
  });
});

describe("Conversation adoption", () => {
  it("adopts a conversation with the same unique name when adoptExisting is set: updated to the declared values, same SID, nothing deleted", async () => {
    const existing = await account.outOfBand.request<{ sid: string }>({
      method: "POST",
      path: "/v1/Conversations",
      form: { UniqueName: n("front-desk"), FriendlyName: n("Old name"), Attributes: '{"legacy":true}' },
    });
    const before = (await conversationsIn(defaultService)).map((c) => c.sid);
    account.clearRequests();

    const { id, outs } = await create({ uniqueName: n("front-desk"), friendlyName: n("Front desk"), adoptExisting: true });
    expect(id).toBe(existing.data.sid);
    // Attributes the program leaves out are cleared, as any later update would.
    expect(outs).toMatchObject({ sid: id, friendlyName: n("Front desk"), attributes: "{}", adoptExisting: true });
    expect(requests()).toEqual([
      { method: "GET", path: `/v1/Conversations/${n("front-desk")}`, body: undefined, status: 200 },
      {
        method: "POST",
        path: `/v1/Services/${defaultService}/Conversations/${id}`,
        status: 200,
        body: { FriendlyName: n("Front desk"), Attributes: "{}" },
      },
    ]);
    // Nothing created, nothing deleted.
    expect((await conversationsIn(defaultService)).map((c) => c.sid)).toEqual(before);
  });

  it("creates normally when adoptExisting is set and there is nothing to adopt", async () => {
    const before = (await conversationsIn(defaultService)).map((c) => c.sid);
    account.clearRequests();
    const { id } = await create({ uniqueName: n("fresh"), adoptExisting: true });
    expect(requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET /v1/Conversations/${n("fresh")} 404`,
      "POST /v1/Conversations 201",
    ]);
    expect((await conversationsIn(defaultService)).map((c) => c.sid)).toEqual([...before, id]);
  });

  it("refuses a taken unique name without the flag, naming the flag and the holder", async () => {
    const existing = await account.outOfBand.request<{ sid: string }>({
      method: "POST",
      path: "/v1/Conversations",
      form: { UniqueName: n("taken-desk") },
    });
    account.clearRequests();
    const attempt = create({ uniqueName: n("taken-desk"), friendlyName: n("Taken desk") });
    await expect(attempt).rejects.toThrow(
      new RegExp(`Cannot create Conversation "${n("taken-desk")}": a conversation with unique name "${n("taken-desk")}" already exists`),
    );
    await expect(attempt).rejects.toThrow(new RegExp(`\\(${existing.data.sid}\\).*set adoptExisting: true`));
    expect(requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /v1/Conversations 409",
      `GET /v1/Conversations/${n("taken-desk")} 200`,
    ]);
    // Left alone.
    const live = await account.outOfBand.request<{ friendly_name: string | null }>({
      method: "GET",
      path: `/v1/Conversations/${existing.data.sid}`,
    });
    expect(live.data.friendly_name).toBeNull();
  });
});

describe("Conversation closed", () => {
  it("creates a conversation declared closed open, then closes it (Twilio refuses a closed create, 50384)", async () => {
    const { id, outs } = await create({ uniqueName: n("archive"), friendlyName: n("Archive"), state: "closed" });
    expect(outs).toMatchObject({
      sid: id,
      uniqueName: n("archive"),
      state: "closed",
      declaredProperties: ["friendlyName", "state", "uniqueName"],
    });
    expect(requests()).toEqual([
      { method: "POST", path: "/v1/Conversations", status: 201, body: { UniqueName: n("archive"), FriendlyName: n("Archive") } },
      { method: "POST", path: `/v1/Services/${defaultService}/Conversations/${id}`, status: 200, body: { State: "closed" } },
    ]);
  });

  interposed("keeps a conversation whose close failed in state, open, and closes it on the next update", async () => {
    const rules = {
      refuse: [{ method: "POST", path: /\/Conversations\/CH/, status: 400, code: 50378, message: "State refused", count: 1 }],
    };
    const inputs = await checked({ uniqueName: n("to-close"), state: "closed" });
    const failure: any = await throughInterposer(account, rules, () =>
      provider.create(inputs).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    expect(failure.message).toMatch(
      /^Twilio API 400 \(code 50378\) closing Conversation "to-close" \(Twilio creates conversations open\): State refused.*\(it was created open; the next pulumi up closes it\)$/,
    );
    expect(failure.properties).toMatchObject({ __provider: SHIM, uniqueName: n("to-close"), state: "active" });
    expect(await provider.diff(failure.id, failure.properties, inputs)).toMatchObject({ changes: true, replaces: [] });
    const { outs } = await provider.update(failure.id, failure.properties, inputs);
    expect(outs).toMatchObject({ sid: failure.id, state: "closed" });
  });

  it("refuses to update or reopen a closed conversation before sending anything", async () => {
    const { id, outs } = await create({ uniqueName: n("archive-2"), state: "closed" });
    account.clearRequests();

    const rename = provider.update(
      id,
      withProvider(outs),
      await checked({ uniqueName: n("archive-2"), state: "closed", friendlyName: n("Archive 2") }),
    );
    await expect(rename).rejects.toThrow(
      new RegExp(`Cannot update Conversation "${n("archive-2")}": it is closed, and Twilio never updates or reopens a closed conversation`),
    );
    await expect(rename).rejects.toThrow(/create a new one/);

    const reopen = provider.update(id, withProvider(outs), await checked({ uniqueName: n("archive-2"), state: "active" }));
    await expect(reopen).rejects.toThrow(/it is closed/);
    expect(requests()).toEqual([]);
  });

  it("explains a conversation closed since the last refresh (Twilio's 50377)", async () => {
    const { id, outs } = await create({ uniqueName: n("late") });
    await account.outOfBand.request({ method: "POST", path: `/v1/Conversations/${id}`, form: { State: "closed" } });
    account.clearRequests();
    await expect(
      provider.update(id, withProvider(outs), await checked({ uniqueName: n("late"), friendlyName: n("Late") })),
    ).rejects.toThrow(/it is closed \(it closed since Pulumi last looked/);
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 400"]);
  });
});

describe("Conversation removal and write verification", () => {
  it("clears timers with PT0S, the unique name with an empty value, attributes with {}; leaves the friendly name, with a warning", async () => {
    const { id, outs } = await create({
      uniqueName: n("tidy"),
      friendlyName: n("Tidy"),
      attributes: { a: 1 },
      timers: { inactive: "PT1H", closed: "P1D" },
    });
    account.clearRequests();
    const next = await checked({ timers: { closed: "P1D" } });
    expect(await provider.diff(id, withProvider(outs), next)).toMatchObject({ changes: true, replaces: [] });
    expect(warnings).toEqual([
      `Conversation "${n("tidy")}": friendlyName was removed from the program, but Twilio cannot clear a friendly name (it ignores an empty ` +
        `FriendlyName and keeps the old one), so it is left as it is on Twilio. It stays "${n("Tidy")}". Set friendlyName to the value you want ` +
        "to change it; removing it only stops Pulumi from managing it.",
    ]);
    const { outs: updated } = await provider.update(id, withProvider(outs), next);
    expect(requests()).toEqual([
      {
        method: "POST",
        path: `/v1/Services/${defaultService}/Conversations/${id}`,
        status: 200,
        body: { UniqueName: "", Attributes: "{}", "Timers.Inactive": "PT0S" },
      },
    ]);
    expect(updated).toMatchObject({ friendlyName: n("Tidy"), attributes: "{}", timers: { closed: "P1D" }, dateClosed: outs.dateClosed });
    expect(updated).not.toHaveProperty("uniqueName");
    expect(updated).not.toHaveProperty("dateInactive");
    // Recorded: the next preview is quiet.
    warnings.length = 0;
    expect(await provider.diff(id, withProvider(updated!), next)).toMatchObject({ changes: false });
    expect(warnings).toEqual([]);
  });

  interposed("fails an update whose value Twilio ignored, naming the field, the value sent and the value kept", async () => {
    const { id, outs } = await create({ uniqueName: n("stubborn"), friendlyName: n("Old") });
    const next = await checked({ uniqueName: n("stubborn"), friendlyName: n("New") });
    const rules = { drop: [{ method: "POST", path: /\/Conversations\/CH/, fields: ["FriendlyName"] }] };
    const failure: any = await throughInterposer(account, rules, () =>
      provider.update(id, withProvider(outs), next).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    expect(failure.message).toMatch(
      /^Twilio did not apply all of updating Conversation "stubborn": friendlyName: sent "New", Twilio kept "Old"\. /,
    );
    expect(failure.properties).toMatchObject({ __provider: SHIM, sid: id, friendlyName: n("Old") });
    expect(await provider.diff(id, failure.properties, next)).toMatchObject({ changes: true });
  });

  interposed("fails a timer clear Twilio ignored: the closed timer still has a date", async () => {
    const { id, outs } = await create({ uniqueName: n("timed"), timers: { closed: "P1D" } });
    const rules = { drop: [{ method: "POST", path: /\/Conversations\/CH/, fields: ["Timers.Closed"] }] };
    const failure: any = await throughInterposer(account, rules, () =>
      provider.update(id, withProvider(outs), { __provider: SHIM, uniqueName: n("timed") }).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    expect(failure.message).toMatch(/timers\.closed: sent a clear, Twilio kept "\d{4}-\d{2}-\d{2}T/);
  });

  interposed("fails a create whose timer Twilio did not set", async () => {
    const rules = { drop: [{ method: "POST", path: /\/Conversations$/, fields: ["Timers.Inactive"] }] };
    const inputs = await checked({ uniqueName: n("untimed"), timers: { inactive: "PT1H" } });
    const failure: any = await throughInterposer(account, rules, () =>
      provider.create(inputs).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    expect(failure.message).toMatch(/timers\.inactive: sent "PT1H", Twilio kept no value/);
    expect(failure.id).toMatch(/^CH/);
  });
});

describe("Conversation faults", () => {
  faults("recovers a lost create response by its unique name: exactly one conversation, no second POST", async () => {
    account.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Conversations" } });
    const { id, outs } = await create({ uniqueName: n("lost"), friendlyName: n("Lost"), timers: { closed: "P1D" } });
    expect(outs).toMatchObject({ sid: id, uniqueName: n("lost"), friendlyName: n("Lost"), timers: { closed: "P1D" } });
    expect(requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /v1/Conversations 0",
      `GET /v1/Conversations/${n("lost")} 200`,
    ]);
    expect((await conversationsIn(defaultService)).map((c) => c.sid)).toEqual([id]);
  });

  faults("sends a create again when the connection dropped before it took effect", async () => {
    account.emulator.setFaults({ dropNext: 1 });
    const { id } = await create({ uniqueName: n("dropped") });
    expect(requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /v1/Conversations 0",
      `GET /v1/Conversations/${n("dropped")} 404`,
      "POST /v1/Conversations 201",
    ]);
    expect((await conversationsIn(defaultService)).map((c) => c.sid)).toEqual([id]);
  });

  faults("says a conversation may exist, and how to find it, when a create without a unique name loses its response", async () => {
    account.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Conversations" } });
    const attempt = create({ friendlyName: n("Walk-in") });
    await expect(attempt).rejects.toThrow(
      /^Creating Conversation "Walk-in" may have succeeded: the request reached Twilio but no response came back/,
    );
    await expect(attempt).rejects.toThrow(/GET \/v1\/Conversations\) and look for one with friendly name "Walk-in"/);
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 0"]); // never sent twice
    expect(await conversationsIn(defaultService)).toHaveLength(1);
  });

  faults("rides out a burst of 429s on create: one conversation", async () => {
    account.emulator.setFaults({ rateLimitNext: 3, rateLimitRetryAfterSeconds: 0 });
    const { id } = await create({ uniqueName: n("busy") });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 429", "POST 429", "POST 429", "POST 201"]);
    expect((await conversationsIn(defaultService)).map((c) => c.sid)).toEqual([id]);
  });

  faults("sends an update once more after a 503, having checked the conversation is still open", async () => {
    const { id, outs } = await create({ uniqueName: n("flaky") });
    account.clearRequests();
    account.emulator.setFaults({ unavailableNext: 1 });
    const updated = await provider.update(id, withProvider(outs), await checked({ uniqueName: n("flaky"), friendlyName: n("Flaky") }));
    expect(updated.outs).toMatchObject({ friendlyName: n("Flaky") });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 503", "GET 200", "POST 200"]);
  });

  faults("gives up after the second lost update response, naming the resource", async () => {
    const { id, outs } = await create({ uniqueName: n("down") });
    account.clearRequests();
    account.emulator.setFaults({
      dropAfterEffect: { count: 2, method: "POST", pathPrefix: `/v1/Services/${defaultService}/Conversations/${id}` },
    });
    await expect(
      provider.update(id, withProvider(outs), await checked({ uniqueName: n("down"), friendlyName: n("Down") })),
    ).rejects.toThrow(/^No response from Twilio updating Conversation "down"/);
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 0", "GET 200", "POST 0"]);
  });

  madeUpSid("shows drift on a declared state and leaves an undeclared messaging service alone", async () => {
    const { id, outs } = await create({ uniqueName: n("watched"), state: "active" });
    expect(outs.declaredProperties).toEqual(["state", "uniqueName"]);
    // Someone deactivates it and moves it to another messaging service behind Pulumi's back.
    const otherMg = "MG" + "1".repeat(32);
    await account.outOfBand.request({
      method: "POST",
      path: `/v1/Conversations/${id}`,
      form: { State: "inactive", MessagingServiceSid: otherMg },
    });
    const read = await provider.read(id, withProvider(outs));
    expect(read.props).toMatchObject({ state: "inactive", messagingServiceSid: otherMg, declaredProperties: ["state", "uniqueName"] });
    expect(read.inputs).toEqual({ uniqueName: n("watched"), state: "inactive" });
    // The program still says active: that is the change a re-run makes, and the only one.
    const diff = await provider.diff(
      id,
      withProvider(read.props),
      await checked({ uniqueName: n("watched"), state: "active" }, read.inputs),
    );
    expect(diff).toMatchObject({ changes: true, replaces: [] });
  });

  it("treats a conversation deleted behind Pulumi's back as gone on read and on delete", async () => {
    const { id, outs } = await create({ uniqueName: n("ghost") });
    await account.outOfBand.request({ method: "DELETE", path: `/v1/Conversations/${id}` });
    account.clearRequests();
    expect(await provider.read(id, withProvider(outs))).toEqual({ id: "", props: {} });
    await expect(provider.delete(id, withProvider(outs))).resolves.toBeUndefined();
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 404", "DELETE 404"]);
  });
});

describe("Conversation check", () => {
  const bad: [string, Record<string, unknown>, string][] = [
    ["unique name shaped like a SID", { uniqueName: "CH0123456789abcdef0123456789abcdef" }, "uniqueName"],
    ["closed timer under 10 minutes", { timers: { closed: "PT5M" } }, "timers.closed"],
    ["timers on a closed conversation", { state: "closed", timers: { inactive: "PT1H" } }, "timers"],
    ["attributes that are not JSON", { attributes: "{" }, "attributes"],
    ["a messaging service SID of the wrong kind", { messagingServiceSid: "IS0123456789abcdef0123456789abcdef" }, "messagingServiceSid"],
    ["an unknown property", { name: "x" }, "name"],
    ["adoption without a unique name", { adoptExisting: true }, "adoptExisting"],
  ];

  it.each(bad)("fails on %s and sends nothing", async (_what, news, property) => {
    const result = await provider.check({}, { __provider: SHIM, ...news });
    expect(result.failures?.map((f) => f.property)).toContain(property);
    expect(account.requests()).toEqual([]);
  });

  it("refuses invalid inputs at create time too (preview let unknown values through)", async () => {
    await expect(provider.create({ __provider: SHIM, uniqueName: "CH0123456789abcdef0123456789abcdef" })).rejects.toThrow(
      /Invalid inputs for Conversation/,
    );
    expect(account.requests()).toEqual([]);
  });
});
