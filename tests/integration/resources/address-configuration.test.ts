/**
 * AddressConfiguration against the emulator, through the provider objects exactly as the
 * dynamic-provider host calls them: lifecycle, adoption, removals, bad input and faults; and how
 * the exporter writes the configurations it finds.
 */
import { exportAccount } from "../../../cli/export";
import { PartialFailure } from "../../../provider/shared/partial";
import { checkedInputs, hostProvider, SHIM, throughInterposer, useEmulatorStack, useWarnings } from "../../support/provider-harness";

const services = hostProvider("ConversationService");
const provider = hostProvider("AddressConfiguration");
const stack = useEmulatorStack();
const warnings = useWarnings();
const { requests } = stack;
const LIST = "/v1/Configuration/Addresses";
const FW = "FW" + "0123456789abcdef".repeat(2);
/** A service the configurations send conversations to, created fresh for each test. */
let serviceSid: string;

beforeEach(async () => {
  serviceSid = (await services.create({ __provider: SHIM, friendlyName: "Support" })).id;
  stack.emulator.clearRequests();
});

const program = (change: Record<string, unknown> = {}) => ({
  type: "sms",
  address: "+15551234567",
  friendlyName: "Support line",
  autoCreation: {
    enabled: true,
    type: "webhook",
    conversationServiceSid: serviceSid,
    webhookUrl: "https://example.com/inbound",
    webhookMethod: "post",
    webhookFilters: ["onMessageAdded", "onParticipantAdded", "onMessageAdded"],
  },
  ...change,
});

/** check, then create with the checked inputs, as the engine does. */
async function create(change: Record<string, unknown> = {}) {
  const inputs = await checkedInputs(provider, program(change));
  const created = await provider.create({ __provider: SHIM, ...inputs });
  return { ...created, inputs, state: { ...created.outs, __provider: SHIM } };
}

/** The emulator's configurations of an address. */
const configurationsOf = async (address: string) =>
  (
    await stack.outOfBand.request<{ address_configurations: { sid: string; address: string }[] }>({ method: "GET", path: LIST })
  ).data.address_configurations
    .filter((a) => a.address === address)
    .map((a) => a.sid);

describe("AddressConfiguration lifecycle", () => {
  it("creates with normalised settings, reads, sees no change on a re-run, updates in place, replaces on type, address or country, deletes", async () => {
    const { id, outs, inputs, state } = await create();
    expect(inputs).toEqual({
      type: "sms",
      address: "+15551234567",
      friendlyName: "Support line",
      autoCreation: {
        enabled: true,
        type: "webhook",
        conversationServiceSid: serviceSid,
        webhookUrl: "https://example.com/inbound",
        webhookMethod: "POST",
        webhookFilters: ["onMessageAdded", "onParticipantAdded"],
      },
    });
    expect(id).toMatch(/^IG[0-9a-f]{32}$/);
    expect(outs).toEqual({
      sid: id,
      accountSid: stack.emulator.accountSid,
      type: "sms",
      address: "+15551234567",
      friendlyName: "Support line",
      autoCreation: inputs.autoCreation,
      dateCreated: expect.stringMatching(/Z$/),
      dateUpdated: expect.stringMatching(/Z$/),
      url: `${stack.emulator.url}${LIST}/${id}`,
      declaredProperties: [
        "address",
        "autoCreation.conversationServiceSid",
        "autoCreation.enabled",
        "autoCreation.type",
        "autoCreation.webhookFilters",
        "autoCreation.webhookMethod",
        "autoCreation.webhookUrl",
        "friendlyName",
        "type",
      ],
    });
    expect(requests()).toEqual([
      {
        method: "POST",
        path: LIST,
        body: {
          Type: "sms",
          Address: "+15551234567",
          FriendlyName: "Support line",
          "AutoCreation.Enabled": "true",
          "AutoCreation.Type": "webhook",
          "AutoCreation.ConversationServiceSid": serviceSid,
          "AutoCreation.WebhookUrl": "https://example.com/inbound",
          "AutoCreation.WebhookMethod": "POST",
          "AutoCreation.WebhookFilters": ["onMessageAdded", "onParticipantAdded"],
        },
        status: 201,
      },
    ]);

    stack.emulator.clearRequests();
    const read = await provider.read(id, state);
    expect(read).toEqual({ id, props: outs, inputs });
    expect(requests()).toEqual([{ method: "GET", path: `${LIST}/${id}`, body: undefined, status: 200 }]);

    // The same program spelled differently: no change.
    const respelled = await checkedInputs(
      provider,
      program({
        address: " +15551234567 ",
        autoCreation: { ...program().autoCreation, webhookMethod: "Post", webhookFilters: ["onParticipantAdded", "onMessageAdded"] },
      }),
    );
    expect(await provider.diff(id, state, respelled)).toMatchObject({ changes: false, replaces: [] });

    // A switch to Studio: in place, sending the settings the update takes (never Type, Address or AddressCountry).
    const studio = await checkedInputs(
      provider,
      program({ friendlyName: "Studio line", autoCreation: { enabled: false, type: "studio", studioFlowSid: FW, studioRetryCount: 2 } }),
    );
    expect(await provider.diff(id, state, studio)).toMatchObject({ changes: true, replaces: [] });
    stack.emulator.clearRequests();
    const updated = await provider.update(id, state, { __provider: SHIM, ...studio });
    expect(requests()).toEqual([
      {
        method: "POST",
        path: `${LIST}/${id}`,
        body: {
          FriendlyName: "Studio line",
          "AutoCreation.Enabled": "false",
          "AutoCreation.Type": "studio",
          "AutoCreation.StudioFlowSid": FW,
          "AutoCreation.StudioRetryCount": "2",
        },
        status: 200,
      },
    ]);
    // Twilio reports the settings of the type in use. The service the program stopped naming stays
    // (a SID cannot be emptied), with a warning; the webhook settings left behind are moot, and not warned about.
    expect(updated.outs.autoCreation).toEqual({
      enabled: false,
      type: "studio",
      conversationServiceSid: serviceSid,
      studioFlowSid: FW,
      studioRetryCount: 2,
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^AddressConfiguration sms "\+15551234567": autoCreation\.conversationServiceSid was removed from the program, but Twilio cannot empty a SID field/,
      ),
    ]);

    const updatedState = { ...updated.outs, __provider: SHIM };
    for (const [property, change] of [
      ["type", { type: "whatsapp" }],
      ["address", { address: "+15557654321" }],
      ["addressCountry", { addressCountry: "us" }],
    ] as const) {
      const news = await checkedInputs(provider, { ...studio, ...change });
      expect(await provider.diff(id, updatedState, news)).toMatchObject({
        changes: true,
        replaces: [property],
        // Twilio keeps one configuration per address and type: only a new country must go first.
        deleteBeforeReplace: property === "addressCountry",
      });
    }

    stack.emulator.clearRequests();
    await provider.delete(id, updatedState);
    expect(requests()).toEqual([{ method: "DELETE", path: `${LIST}/${id}`, body: undefined, status: 204 }]);
    expect(await provider.read(id, updatedState)).toEqual({ id: "", props: {} });
  });

  it("takes every address type of the spec, and a country at create", async () => {
    for (const [type, address] of [
      ["whatsapp", "whatsapp:+15551234567"],
      ["messenger", "messenger:1234567890"],
      ["gbm", "gbm:agent"],
      ["email", "support@example.com"],
      ["rcs", "rcs:agent"],
      ["apple", "urn:mbid:AQAAY"],
      ["chat", "chat-address"],
    ]) {
      const { outs } = await create({ type, address, autoCreation: { enabled: true, type: "default" } });
      expect(outs).toMatchObject({ type, address, autoCreation: { enabled: true, type: "default" } });
    }
    const { outs } = await create({ address: "12345", addressCountry: " ca ", autoCreation: undefined });
    expect(outs).toMatchObject({ address: "12345", addressCountry: "CA" });
    expect(requests().at(-1)!.body).toEqual({ Type: "sms", Address: "12345", FriendlyName: "Support line", AddressCountry: "CA" });
  });

  it("leaves a removed property as it is, with a warning, and sends nothing for it", async () => {
    const { id, state } = await create();
    const news = await checkedInputs(
      provider,
      program({ friendlyName: undefined, autoCreation: { ...program().autoCreation, webhookMethod: undefined } }),
    );
    const diff = await provider.diff(id, state, news);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^AddressConfiguration sms "\+15551234567": friendlyName was removed from the program, but Twilio cannot clear a friendly name.* It stays "Support line"\./,
      ),
      expect.stringMatching(
        /autoCreation\.webhookMethod was removed from the program, but a webhook always has a method \(GET or POST\).* It stays "POST"\./,
      ),
    ]);
    stack.emulator.clearRequests();
    const { outs } = await provider.update(id, state, { __provider: SHIM, ...news });
    expect(requests()).toEqual([]);
    expect(outs).toMatchObject({ friendlyName: "Support line", autoCreation: { webhookMethod: "POST" } });
    expect(outs.declaredProperties).not.toContain("friendlyName");
    // Warned once: state no longer claims them.
    warnings.length = 0;
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, news)).toMatchObject({ changes: false });
    expect(warnings).toEqual([]);
  });

  it("shows settings changed outside Pulumi as drift on refresh, and drops a configuration deleted outside Pulumi", async () => {
    const { id, state, inputs } = await create();
    await stack.outOfBand.request({
      method: "POST",
      path: `${LIST}/${id}`,
      form: { "AutoCreation.WebhookUrl": "https://elsewhere.example.com/" },
    });
    const read = await provider.read(id, state);
    expect(read.props).toMatchObject({ autoCreation: { webhookUrl: "https://elsewhere.example.com/" } });
    expect(read.inputs).toMatchObject({ autoCreation: { webhookUrl: "https://elsewhere.example.com/" } });
    expect(await provider.diff(id, read.props!, inputs)).toMatchObject({ changes: true, replaces: [] });

    await stack.outOfBand.request({ method: "DELETE", path: `${LIST}/${id}` });
    expect(await provider.read(id, state)).toEqual({ id: "", props: {} });
    await expect(provider.delete(id, state)).resolves.toBeUndefined();
  });

  it("claims on refresh only what the program declared", async () => {
    const { id, state } = await create({ friendlyName: undefined, autoCreation: { enabled: true, type: "default" } });
    await stack.outOfBand.request({ method: "POST", path: `${LIST}/${id}`, form: { FriendlyName: "Named in the Console" } });
    const read = await provider.read(id, state);
    expect(read.props).toMatchObject({ friendlyName: "Named in the Console" });
    expect(read.inputs).toEqual({ type: "sms", address: "+15551234567", autoCreation: { enabled: true, type: "default" } });
  });
});

describe("AddressConfiguration adoption", () => {
  const existing = async () =>
    (
      await stack.outOfBand.request<{ sid: string }>({
        method: "POST",
        path: LIST,
        form: { Type: "sms", Address: "+15551234567", "AutoCreation.Enabled": "false" },
      })
    ).data.sid;

  it("without adoptExisting, a taken address fails naming the configuration and the flag; nothing is changed", async () => {
    const sid = await existing();
    stack.emulator.clearRequests();
    await expect(create()).rejects.toThrow(
      new RegExp(
        `Cannot create AddressConfiguration sms "\\+15551234567": Twilio already has a configuration of this sms address \\(${sid}\\).*set adoptExisting: true`,
      ),
    );
    expect(requests().map((r) => [r.method, r.status])).toEqual([
      ["POST", 409],
      ["GET", 200],
    ]);
  });

  it("with adoptExisting, takes the configuration of this address and type and updates it to the declared values", async () => {
    const sid = await existing();
    stack.emulator.clearRequests();
    const { id, outs } = await create({ adoptExisting: true });
    expect(id).toBe(sid);
    expect(outs).toMatchObject({ adoptExisting: true, friendlyName: "Support line", autoCreation: { enabled: true, type: "webhook" } });
    expect(requests().map((r) => [r.method, r.path])).toEqual([
      ["GET", LIST],
      ["POST", `${LIST}/${sid}`],
    ]);
    expect(await configurationsOf("+15551234567")).toEqual([sid]);
  });

  it("with adoptExisting and none there, creates one", async () => {
    const { id } = await create({ adoptExisting: true });
    expect(await configurationsOf("+15551234567")).toEqual([id]);
  });

  it("refuses to adopt a configuration of another country (Twilio sets it at create only)", async () => {
    await existing();
    await expect(create({ adoptExisting: true, addressCountry: "US" })).rejects.toThrow(
      /Cannot adopt .* address country null, the program declares "US"/,
    );
  });
});

describe("AddressConfiguration check", () => {
  it.each([
    ["an unknown type", { type: "fax" }, "type"],
    ["no address", { address: undefined }, "address"],
    ["a blank address", { address: "  " }, "address"],
    ["a name over 256 characters", { friendlyName: "n".repeat(257) }, "friendlyName"],
    ["a country that is not two letters", { addressCountry: "USA" }, "addressCountry"],
    ["an unknown setting", { autoCreation: { enabled: true, type: "default", retries: 2 } }, "autoCreation.retries"],
    ["an unknown auto-creation type", { autoCreation: { type: "flex" } }, "autoCreation.type"],
    [
      "a service SID of the wrong kind",
      { autoCreation: { type: "default", conversationServiceSid: FW } },
      "autoCreation.conversationServiceSid",
    ],
    ["a webhook without its URL", { autoCreation: { type: "webhook" } }, "autoCreation.webhookUrl"],
    ["a URL that is not http(s)", { autoCreation: { type: "webhook", webhookUrl: "ftp://example.com" } }, "autoCreation.webhookUrl"],
    [
      "a method that is not GET or POST",
      { autoCreation: { type: "webhook", webhookUrl: "https://x.example", webhookMethod: "PUT" } },
      "autoCreation.webhookMethod",
    ],
    [
      "an unknown event",
      { autoCreation: { type: "webhook", webhookUrl: "https://x.example", webhookFilters: ["onMessageSent"] } },
      "autoCreation.webhookFilters.0",
    ],
    [
      "no events",
      { autoCreation: { type: "webhook", webhookUrl: "https://x.example", webhookFilters: [] } },
      "autoCreation.webhookFilters",
    ],
    ["a Studio auto-creation without its flow", { autoCreation: { type: "studio" } }, "autoCreation.studioFlowSid"],
    ["a retry count over 3", { autoCreation: { type: "studio", studioFlowSid: FW, studioRetryCount: 4 } }, "autoCreation.studioRetryCount"],
    [
      "a webhook setting on a Studio auto-creation",
      { autoCreation: { type: "studio", studioFlowSid: FW, webhookUrl: "https://x.example" } },
      "autoCreation.webhookUrl",
    ],
    ["a Studio setting without a type", { autoCreation: { studioFlowSid: FW } }, "autoCreation.studioFlowSid"],
  ])("refuses %s before sending anything", async (_label, change, property) => {
    const result = await provider.check({}, { __provider: SHIM, ...program(change) });
    expect(result.failures?.map((f) => f.property)).toEqual([property]);
    // Each says what would be valid, never zod's generic "Invalid input".
    expect(result.failures![0]!.reason).not.toMatch(/^Invalid input/);
    await expect(provider.create({ __provider: SHIM, ...program(change) })).rejects.toThrow(/Invalid inputs for AddressConfiguration/);
    expect(stack.emulator.requests()).toEqual([]);
  });
});

describe("AddressConfiguration faults", () => {
  it("finds the configuration a create whose response was lost made: no orphan, no second one", async () => {
    stack.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: LIST } });
    const { id, outs } = await create();
    expect(requests().map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", LIST, 0],
      ["GET", LIST, 200], // Twilio's clock
      ["GET", LIST, 200],
    ]);
    expect(await configurationsOf("+15551234567")).toEqual([id]);
    expect(outs).toMatchObject({ sid: id, friendlyName: "Support line" });
  });

  it("sends a create again when the lost request made nothing (a 5xx before it was applied)", async () => {
    stack.emulator.setFaults({ serverErrorNext: 1 });
    const { id } = await create();
    expect(requests().map((r) => [r.method, r.status])).toEqual([
      ["POST", 500],
      ["GET", 200],
      ["GET", 200],
      ["POST", 201],
    ]);
    expect(await configurationsOf("+15551234567")).toEqual([id]);
  });

  it("rides out 429s on read and retries an update answered 503 (it sets absolute values)", async () => {
    const { id, state, inputs } = await create();
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ rateLimitNext: 2, rateLimitRetryAfterSeconds: 0 });
    expect((await provider.read(id, state)).id).toBe(id);
    stack.emulator.setFaults({ unavailableNext: 1 });
    const next = { ...inputs, friendlyName: "Renamed" };
    expect((await provider.update(id, state, next)).outs).toMatchObject({ friendlyName: "Renamed" });
    expect(requests().map((r) => [r.method, r.status])).toEqual([
      ["GET", 429],
      ["GET", 429],
      ["GET", 200],
      ["POST", 503],
      ["POST", 200],
    ]);
  });

  it("fails an update Twilio answered without applying it, keeping what Twilio holds in state", async () => {
    const { id, state, inputs } = await create();
    const next = { ...inputs, autoCreation: { ...(inputs.autoCreation as object), webhookUrl: "https://new.example.com/" } };
    const rules = { drop: [{ method: "POST", path: new RegExp(`${LIST}/IG`), fields: ["AutoCreation.WebhookUrl"] }] };
    const failure: any = await throughInterposer(stack, rules, () =>
      provider.update(id, state, { __provider: SHIM, ...next }).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    expect(failure.message).toMatch(
      /^Twilio did not apply all of updating AddressConfiguration sms "\+15551234567": autoCreation: sent .*"webhookUrl":"https:\/\/new\.example\.com\/".*Twilio kept .*"webhookUrl":"https:\/\/example\.com\/inbound"/,
    );
    expect(failure.properties).toMatchObject({ __provider: SHIM, sid: id, autoCreation: { webhookUrl: "https://example.com/inbound" } });
    expect(await provider.diff(id, failure.properties, next)).toMatchObject({ changes: true });
  });

  it("refuses to act with credentials of another account", async () => {
    const { id, state } = await create();
    const other = { ...state, accountSid: "AC" + "9".repeat(32) };
    await expect(provider.delete(id, other)).rejects.toThrow(
      /Refusing to delete AddressConfiguration sms "\+15551234567": it belongs to account AC9{32}/,
    );
  });
});

describe("AddressConfiguration export", () => {
  it("writes each configuration keyed by type and address; addresses, webhook URLs and Studio flows become parameters with the account's values as defaults", async () => {
    const post = (form: Record<string, unknown>) => stack.outOfBand.request({ method: "POST", path: LIST, form: form as never });
    await post({
      Type: "sms",
      Address: "+15551234567",
      FriendlyName: "Support line",
      AutoCreation: {
        Enabled: true,
        Type: "webhook",
        ConversationServiceSid: serviceSid,
        WebhookUrl: "https://example.com/inbound",
        WebhookMethod: "GET",
        WebhookFilters: ["onParticipantAdded", "onMessageAdded"],
      },
    });
    await post({
      Type: "whatsapp",
      Address: "whatsapp:+15551234567",
      AutoCreation: { Enabled: false, Type: "studio", StudioFlowSid: FW, StudioRetryCount: 2 },
    });
    await post({ Type: "email", Address: "help@example.com", AddressCountry: "US" });

    const exported = await exportAccount(stack.outOfBand);
    expect(exported.parameters).toEqual({
      // The account configuration's, as every account has one.
      messagingServiceSid: expect.any(Object),
      address: { description: "An address (phone number, WhatsApp sender, ...) of this environment", default: "help@example.com" },
      address2: { description: expect.any(String), default: "+15551234567" },
      webhookUrl: {
        description: "A webhook URL (pre- or post-event, auto-creation) of this environment",
        default: "https://example.com/inbound",
      },
      address3: { description: expect.any(String), default: "whatsapp:+15551234567" },
      studioFlowSid: { description: "A Studio flow SID (FW...) of this environment", default: FW },
    });
    expect(exported.addressConfigurations).toEqual({
      "email-help-example-com": {
        type: "email",
        address: "${address}",
        addressCountry: "US",
        autoCreation: { enabled: false, type: "default" },
      },
      "sms-15551234567": {
        type: "sms",
        address: "${address2}",
        friendlyName: "Support line",
        autoCreation: {
          enabled: true,
          type: "webhook",
          // The service by its key in the document.
          service: "support",
          webhookUrl: "${webhookUrl}",
          webhookMethod: "GET",
          webhookFilters: ["onMessageAdded", "onParticipantAdded"],
        },
      },
      "whatsapp-whatsapp-15551234567": {
        type: "whatsapp",
        address: "${address3}",
        autoCreation: { enabled: false, type: "studio", studioFlowSid: "${studioFlowSid}", studioRetryCount: 2 },
      },
    });
  });
});
