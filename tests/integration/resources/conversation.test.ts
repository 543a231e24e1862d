/**
 * Conversation against the emulator, through the provider object exactly as the dynamic-provider
 * host calls it: check, create, read, diff, update, delete, with the requests asserted.
 */
import { PartialFailure } from "../../../provider/shared/partial";
import { checkedInputs, hostProvider, SHIM, throughInterposer, useEmulatorStack, useWarnings } from "../../support/provider-harness";

const provider = hostProvider("Conversation");
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const stack = useEmulatorStack();
const warnings = useWarnings();
/** The account's default conversation service. */
let defaultService: string;

beforeEach(async () => {
  const config = await stack.outOfBand.request<{ default_chat_service_sid: string }>({ method: "GET", path: "/v1/Configuration" });
  defaultService = config.data.default_chat_service_sid;
  stack.emulator.clearRequests();
});

interface Sent {
  method: string;
  path: string;
  body: unknown;
  status: number;
  webhooks?: string;
}
const requests = (): Sent[] =>
  stack.emulator.requests().map((r) => {
    const sent: Sent = { method: r.method, path: r.path, body: r.parsedBody, status: r.status };
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

async function conversationsIn(service: string): Promise<{ sid: string; unique_name: string | null }[]> {
  const res = await stack.outOfBand.request<{ conversations: { sid: string; unique_name: string | null }[] }>({
    method: "GET",
    path: `/v1/Services/${service}/Conversations`,
  });
  return res.data.conversations;
}

async function createService(name: string): Promise<string> {
  const res = await stack.outOfBand.request<{ sid: string }>({ method: "POST", path: "/v1/Services", form: { FriendlyName: name } });
  return res.data.sid;
}

const withProvider = (outs: Record<string, unknown>) => ({ ...outs, __provider: SHIM });

describe("Conversation lifecycle on the account's default service", () => {
  it("creates, reads, shows no diff on a re-run, updates in place, deletes, and reads as gone", async () => {
    const program = {
      uniqueName: "support",
      friendlyName: "Support desk",
      attributes: { tier: "gold", area: "eu" },
      timers: { inactive: "PT1H", closed: "P1D" },
      bindings: { email: { address: "support@example.com", name: "Support" } },
      webhooksEnabled: false,
    };
    const { id, outs } = await create(program);
    expect(id).toMatch(/^CH[0-9a-f]{32}$/);
    expect(outs).toEqual({
      sid: id,
      accountSid: stack.emulator.accountSid,
      chatServiceSid: defaultService,
      uniqueName: "support",
      friendlyName: "Support desk",
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
      url: `${stack.emulator.url}/v1/Conversations/${id}`,
      declaredProperties: ["attributes", "bindings", "friendlyName", "timers", "uniqueName", "webhooksEnabled"],
    });
    expect(requests()).toEqual([
      {
        method: "POST",
        path: "/v1/Conversations",
        status: 201,
        webhooks: "false",
        body: {
          UniqueName: "support",
          FriendlyName: "Support desk",
          Attributes: '{"area":"eu","tier":"gold"}',
          "Timers.Inactive": "PT1H",
          "Timers.Closed": "P1D",
          "Bindings.Email.Address": "support@example.com",
          "Bindings.Email.Name": "Support",
        },
      },
    ]);

    // Read addresses the conversation in the service it was recorded in.
    stack.emulator.clearRequests();
    const read = await provider.read(id, withProvider(outs));
    expect(read.id).toBe(id);
    // Twilio's url names the path it was read by: the service's.
    expect(read.props).toEqual({ ...outs, url: `${stack.emulator.url}/v1/Services/${defaultService}/Conversations/${id}` });
    // The service, messaging service and state Twilio chose are not claimed as inputs: the program
    // never declared them, so a later update must not list them as changed.
    expect(read.inputs).toEqual({
      uniqueName: "support",
      friendlyName: "Support desk",
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
    stack.emulator.clearRequests();
    const next = await checked({
      ...program,
      friendlyName: "Help desk",
      attributes: undefined,
      bindings: { email: { address: "support@example.com" } },
    });
    // Delete-first is what a forced replacement (replaceOnChanges) would need: same name, same service.
    expect(await provider.diff(id, withProvider(outs), next)).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: true });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Conversation "support": bindings\.email\.name was removed from the program, but Twilio documents no way to clear/,
      ),
    ]);
    const updated = await provider.update(id, withProvider(outs), next);
    expect(updated.outs).toMatchObject({
      sid: id,
      friendlyName: "Help desk",
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
        body: { FriendlyName: "Help desk", Attributes: "{}" },
      },
    ]);
    expect((await stack.outOfBand.request<any>({ method: "GET", path: `/v1/Conversations/${id}` })).data.bindings).toEqual({
      email: { address: "support@example.com", name: "Support" },
    });
    expect(await provider.diff(id, withProvider(updated.outs!), next)).toMatchObject({ changes: false });

    // Delete, then read as gone, then delete again (already gone counts as deleted).
    stack.emulator.clearRequests();
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
    const { id, outs } = await create({ uniqueName: "quiet" });
    stack.emulator.clearRequests();
    const next = await checked({ uniqueName: "quiet", webhooksEnabled: true, adoptExisting: true });
    expect(await provider.diff(id, withProvider(outs), next)).toMatchObject({ changes: true });
    const updated = await provider.update(id, withProvider(outs), next);
    expect(updated.outs).toMatchObject({ webhooksEnabled: true, adoptExisting: true });
    expect(requests()).toEqual([]);
  });

  it("reads a conversation by its unique name and gives back its SID as the id", async () => {
    const { id } = await create({ uniqueName: "by-name" });
    const read = await provider.read("by-name", {});
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ sid: id, uniqueName: "by-name" });
  });
});

describe("Conversation lifecycle on a named service", () => {
  it("creates in the service, updates there, replaces on a new service (creating first, even with the same unique name), deletes", async () => {
    const service = await createService("Support");
    const other = await createService("Support EU");
    stack.emulator.clearRequests();

    const { id, outs } = await create({ chatServiceSid: service, uniqueName: "lobby", state: "inactive" });
    expect(outs).toMatchObject({
      chatServiceSid: service,
      state: "inactive",
      url: `${stack.emulator.url}/v1/Services/${service}/Conversations/${id}`,
    });
    expect(requests()).toEqual([
      { method: "POST", path: `/v1/Services/${service}/Conversations`, status: 201, body: { UniqueName: "lobby", State: "inactive" } },
    ]);

    stack.emulator.clearRequests();
    const next = await checked({ chatServiceSid: service, uniqueName: "lobby", state: "active", friendlyName: "Lobby" });
    const updated = await provider.update(id, withProvider(outs), next);
    expect(updated.outs).toMatchObject({ state: "active", friendlyName: "Lobby" });
    expect(requests()).toEqual([
      {
        method: "POST",
        path: `/v1/Services/${service}/Conversations/${id}`,
        status: 200,
        body: { FriendlyName: "Lobby", State: "active" },
      },
    ]);

    // Omitting the service later is not a move: the conversation stays where it is, with a warning
    // naming why; the update records that the program no longer declares it, and sends nothing.
    stack.emulator.clearRequests();
    const unscoped = await checked({ uniqueName: "lobby", state: "active", friendlyName: "Lobby" });
    expect(await provider.diff(id, withProvider(updated.outs!), unscoped)).toMatchObject({ changes: true, replaces: [] });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Conversation "lobby": chatServiceSid was removed from the program, but a conversation cannot leave its service/,
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
    const moved = await checked({ chatServiceSid: other, uniqueName: "lobby", state: "active", friendlyName: "Lobby" });
    expect(await provider.diff(id, withProvider(updated.outs!), moved)).toMatchObject({
      changes: true,
      replaces: ["chatServiceSid"],
      deleteBeforeReplace: false,
    });
    const replacement = await provider.create(moved);
    expect(replacement.outs).toMatchObject({ chatServiceSid: other, uniqueName: "lobby" });
    await provider.delete(id, withProvider(updated.outs!));
    expect(await conversationsIn(service)).toEqual([]);
    expect((await conversationsIn(other)).map((c) => c.sid)).toEqual([replacement.id]);

    // A new service with a new unique name: the new one is created first.
    const renamed = await checked({ chatServiceSid: service, uniqueName: "lobby-2" });
    expect(await provider.diff(replacement.id, withProvider(replacement.outs), renamed)).toMatchObject({
      replaces: ["chatServiceSid"],
      deleteBeforeReplace: false,
    });
  });
});

describe("Conversation adoption", () => {
  it("adopts a conversation with the same unique name when adoptExisting is set: updated to the declared values, same SID, nothing deleted", async () => {
    const existing = await stack.outOfBand.request<{ sid: string }>({
      method: "POST",
      path: "/v1/Conversations",
      form: { UniqueName: "front-desk", FriendlyName: "Old name", Attributes: '{"legacy":true}' },
    });
    stack.emulator.clearRequests();

    const { id, outs } = await create({ uniqueName: "front-desk", friendlyName: "Front desk", adoptExisting: true });
    expect(id).toBe(existing.data.sid);
    // Attributes the program leaves out are cleared, as any later update would.
    expect(outs).toMatchObject({ sid: id, friendlyName: "Front desk", attributes: "{}", adoptExisting: true });
    expect(requests()).toEqual([
      { method: "GET", path: "/v1/Conversations/front-desk", body: undefined, status: 200 },
      {
        method: "POST",
        path: `/v1/Services/${defaultService}/Conversations/${id}`,
        status: 200,
        body: { FriendlyName: "Front desk", Attributes: "{}" },
      },
    ]);
    expect((await conversationsIn(defaultService)).map((c) => c.sid)).toEqual([id]);
  });

  it("creates normally when adoptExisting is set and there is nothing to adopt", async () => {
    const { id } = await create({ uniqueName: "fresh", adoptExisting: true });
    expect(requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /v1/Conversations/fresh 404",
      "POST /v1/Conversations 201",
    ]);
    expect((await conversationsIn(defaultService)).map((c) => c.sid)).toEqual([id]);
  });

  it("refuses a taken unique name without the flag, naming the flag and the holder", async () => {
    const existing = await stack.outOfBand.request<{ sid: string }>({
      method: "POST",
      path: "/v1/Conversations",
      form: { UniqueName: "front-desk" },
    });
    stack.emulator.clearRequests();
    const attempt = create({ uniqueName: "front-desk", friendlyName: "Front desk" });
    await expect(attempt).rejects.toThrow(
      /Cannot create Conversation "front-desk": a conversation with unique name "front-desk" already exists/,
    );
    await expect(attempt).rejects.toThrow(new RegExp(`\\(${existing.data.sid}\\).*set adoptExisting: true`));
    expect(requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /v1/Conversations 409",
      "GET /v1/Conversations/front-desk 200",
    ]);
    // Left alone.
    const live = await stack.outOfBand.request<{ friendly_name: string | null }>({
      method: "GET",
      path: `/v1/Conversations/${existing.data.sid}`,
    });
    expect(live.data.friendly_name).toBeNull();
  });
});

describe("Conversation closed", () => {
  it("creates a conversation declared closed open, then closes it (Twilio refuses a closed create, 50384)", async () => {
    const { id, outs } = await create({ uniqueName: "archive", friendlyName: "Archive", state: "closed" });
    expect(outs).toMatchObject({
      sid: id,
      uniqueName: "archive",
      state: "closed",
      declaredProperties: ["friendlyName", "state", "uniqueName"],
    });
    expect(requests()).toEqual([
      { method: "POST", path: "/v1/Conversations", status: 201, body: { UniqueName: "archive", FriendlyName: "Archive" } },
      { method: "POST", path: `/v1/Services/${defaultService}/Conversations/${id}`, status: 200, body: { State: "closed" } },
    ]);
  });

  it("keeps a conversation whose close failed in state, open, and closes it on the next update", async () => {
    const rules = {
      refuse: [{ method: "POST", path: /\/Conversations\/CH/, status: 400, code: 50378, message: "State refused", count: 1 }],
    };
    const inputs = await checked({ uniqueName: "to-close", state: "closed" });
    const failure: any = await throughInterposer(stack, rules, () =>
      provider.create(inputs).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    expect(failure.message).toMatch(
      /^Twilio API 400 \(code 50378\) closing Conversation "to-close" \(Twilio creates conversations open\): State refused.*\(it was created open; the next pulumi up closes it\)$/,
    );
    expect(failure.properties).toMatchObject({ __provider: SHIM, uniqueName: "to-close", state: "active" });
    expect(await provider.diff(failure.id, failure.properties, inputs)).toMatchObject({ changes: true, replaces: [] });
    const { outs } = await provider.update(failure.id, failure.properties, inputs);
    expect(outs).toMatchObject({ sid: failure.id, state: "closed" });
  });

  it("refuses to update or reopen a closed conversation before sending anything", async () => {
    const { id, outs } = await create({ uniqueName: "archive", state: "closed" });
    stack.emulator.clearRequests();

    const rename = provider.update(
      id,
      withProvider(outs),
      await checked({ uniqueName: "archive", state: "closed", friendlyName: "Archive" }),
    );
    await expect(rename).rejects.toThrow(
      /Cannot update Conversation "archive": it is closed, and Twilio never updates or reopens a closed conversation/,
    );
    await expect(rename).rejects.toThrow(/create a new one/);

    const reopen = provider.update(id, withProvider(outs), await checked({ uniqueName: "archive", state: "active" }));
    await expect(reopen).rejects.toThrow(/it is closed/);
    expect(requests()).toEqual([]);
  });

  it("explains a conversation closed since the last refresh (Twilio's 50377)", async () => {
    const { id, outs } = await create({ uniqueName: "late" });
    await stack.outOfBand.request({ method: "POST", path: `/v1/Conversations/${id}`, form: { State: "closed" } });
    stack.emulator.clearRequests();
    await expect(provider.update(id, withProvider(outs), await checked({ uniqueName: "late", friendlyName: "Late" }))).rejects.toThrow(
      /it is closed \(it closed since Pulumi last looked/,
    );
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 400"]);
  });
});

describe("Conversation removal and write verification", () => {
  it("clears timers with PT0S, the unique name with an empty value, attributes with {}; leaves the friendly name, with a warning", async () => {
    const { id, outs } = await create({
      uniqueName: "tidy",
      friendlyName: "Tidy",
      attributes: { a: 1 },
      timers: { inactive: "PT1H", closed: "P1D" },
    });
    stack.emulator.clearRequests();
    const next = await checked({ timers: { closed: "P1D" } });
    expect(await provider.diff(id, withProvider(outs), next)).toMatchObject({ changes: true, replaces: [] });
    expect(warnings).toEqual([
      'Conversation "tidy": friendlyName was removed from the program, but Twilio cannot clear a friendly name (it ignores an empty ' +
        'FriendlyName and keeps the old one), so it is left as it is on Twilio. It stays "Tidy". Set friendlyName to the value you want ' +
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
    expect(updated).toMatchObject({ friendlyName: "Tidy", attributes: "{}", timers: { closed: "P1D" }, dateClosed: outs.dateClosed });
    expect(updated).not.toHaveProperty("uniqueName");
    expect(updated).not.toHaveProperty("dateInactive");
    // Recorded: the next preview is quiet.
    warnings.length = 0;
    expect(await provider.diff(id, withProvider(updated!), next)).toMatchObject({ changes: false });
    expect(warnings).toEqual([]);
  });

  it("fails an update whose value Twilio ignored, naming the field, the value sent and the value kept", async () => {
    const { id, outs } = await create({ uniqueName: "stubborn", friendlyName: "Old" });
    const next = await checked({ uniqueName: "stubborn", friendlyName: "New" });
    const rules = { drop: [{ method: "POST", path: /\/Conversations\/CH/, fields: ["FriendlyName"] }] };
    const failure: any = await throughInterposer(stack, rules, () =>
      provider.update(id, withProvider(outs), next).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    expect(failure.message).toMatch(
      /^Twilio did not apply all of updating Conversation "stubborn": friendlyName: sent "New", Twilio kept "Old"\. /,
    );
    expect(failure.properties).toMatchObject({ __provider: SHIM, sid: id, friendlyName: "Old" });
    expect(await provider.diff(id, failure.properties, next)).toMatchObject({ changes: true });
  });

  it("fails a timer clear Twilio ignored: the closed timer still has a date", async () => {
    const { id, outs } = await create({ uniqueName: "timed", timers: { closed: "P1D" } });
    const rules = { drop: [{ method: "POST", path: /\/Conversations\/CH/, fields: ["Timers.Closed"] }] };
    const failure: any = await throughInterposer(stack, rules, () =>
      provider.update(id, withProvider(outs), { __provider: SHIM, uniqueName: "timed" }).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    expect(failure.message).toMatch(/timers\.closed: sent a clear, Twilio kept "\d{4}-\d{2}-\d{2}T/);
  });

  it("fails a create whose timer Twilio did not set", async () => {
    const rules = { drop: [{ method: "POST", path: /\/Conversations$/, fields: ["Timers.Inactive"] }] };
    const inputs = await checked({ uniqueName: "untimed", timers: { inactive: "PT1H" } });
    const failure: any = await throughInterposer(stack, rules, () =>
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
  it("recovers a lost create response by its unique name: exactly one conversation, no second POST", async () => {
    stack.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Conversations" } });
    const { id, outs } = await create({ uniqueName: "lost", friendlyName: "Lost", timers: { closed: "P1D" } });
    expect(outs).toMatchObject({ sid: id, uniqueName: "lost", friendlyName: "Lost", timers: { closed: "P1D" } });
    expect(requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /v1/Conversations 0",
      "GET /v1/Conversations/lost 200",
    ]);
    expect((await conversationsIn(defaultService)).map((c) => c.sid)).toEqual([id]);
  });

  it("sends a create again when the connection dropped before it took effect", async () => {
    stack.emulator.setFaults({ dropNext: 1 });
    const { id } = await create({ uniqueName: "dropped" });
    expect(requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /v1/Conversations 0",
      "GET /v1/Conversations/dropped 404",
      "POST /v1/Conversations 201",
    ]);
    expect((await conversationsIn(defaultService)).map((c) => c.sid)).toEqual([id]);
  });

  it("says a conversation may exist, and how to find it, when a create without a unique name loses its response", async () => {
    stack.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: "/v1/Conversations" } });
    const attempt = create({ friendlyName: "Walk-in" });
    await expect(attempt).rejects.toThrow(
      /^Creating Conversation "Walk-in" may have succeeded: the request reached Twilio but no response came back/,
    );
    await expect(attempt).rejects.toThrow(/GET \/v1\/Conversations\) and look for one with friendly name "Walk-in"/);
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 0"]); // never sent twice
    expect(await conversationsIn(defaultService)).toHaveLength(1);
  });

  it("rides out a burst of 429s on create: one conversation", async () => {
    stack.emulator.setFaults({ rateLimitNext: 3, rateLimitRetryAfterSeconds: 0 });
    const { id } = await create({ uniqueName: "busy" });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 429", "POST 429", "POST 429", "POST 201"]);
    expect((await conversationsIn(defaultService)).map((c) => c.sid)).toEqual([id]);
  });

  it("sends an update once more after a 503, having checked the conversation is still open", async () => {
    const { id, outs } = await create({ uniqueName: "flaky" });
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ unavailableNext: 1 });
    const updated = await provider.update(id, withProvider(outs), await checked({ uniqueName: "flaky", friendlyName: "Flaky" }));
    expect(updated.outs).toMatchObject({ friendlyName: "Flaky" });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 503", "GET 200", "POST 200"]);
  });

  it("gives up after the second lost update response, naming the resource", async () => {
    const { id, outs } = await create({ uniqueName: "down" });
    stack.emulator.clearRequests();
    stack.emulator.setFaults({
      dropAfterEffect: { count: 2, method: "POST", pathPrefix: `/v1/Services/${defaultService}/Conversations/${id}` },
    });
    await expect(provider.update(id, withProvider(outs), await checked({ uniqueName: "down", friendlyName: "Down" }))).rejects.toThrow(
      /^No response from Twilio updating Conversation "down"/,
    );
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 0", "GET 200", "POST 0"]);
  });

  it("shows drift on a declared state and leaves an undeclared messaging service alone", async () => {
    const { id, outs } = await create({ uniqueName: "watched", state: "active" });
    expect(outs.declaredProperties).toEqual(["state", "uniqueName"]);
    // Someone deactivates it and moves it to another messaging service behind Pulumi's back.
    const otherMg = "MG" + "1".repeat(32);
    await stack.outOfBand.request({
      method: "POST",
      path: `/v1/Conversations/${id}`,
      form: { State: "inactive", MessagingServiceSid: otherMg },
    });
    const read = await provider.read(id, withProvider(outs));
    expect(read.props).toMatchObject({ state: "inactive", messagingServiceSid: otherMg, declaredProperties: ["state", "uniqueName"] });
    expect(read.inputs).toEqual({ uniqueName: "watched", state: "inactive" });
    // The program still says active: that is the change a re-run makes, and the only one.
    const diff = await provider.diff(id, withProvider(read.props), await checked({ uniqueName: "watched", state: "active" }, read.inputs));
    expect(diff).toMatchObject({ changes: true, replaces: [] });
  });

  it("treats a conversation deleted behind Pulumi's back as gone on read and on delete", async () => {
    const { id, outs } = await create({ uniqueName: "ghost" });
    await stack.outOfBand.request({ method: "DELETE", path: `/v1/Conversations/${id}` });
    stack.emulator.clearRequests();
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
    expect(stack.emulator.requests()).toEqual([]);
  });

  it("refuses invalid inputs at create time too (preview let unknown values through)", async () => {
    await expect(provider.create({ __provider: SHIM, uniqueName: "CH0123456789abcdef0123456789abcdef" })).rejects.toThrow(
      /Invalid inputs for Conversation/,
    );
    expect(stack.emulator.requests()).toEqual([]);
  });
});
