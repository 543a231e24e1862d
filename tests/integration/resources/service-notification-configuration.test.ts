/**
 * ServiceNotificationConfiguration against the emulator, through the provider object exactly as
 * the dynamic-provider host calls it: check, create, read, diff, update, delete, leaf by leaf of
 * the nested settings. Runs against a live account too (tests/support/account.ts): every test makes
 * its own service; what needs the emulator is marked emulatorOnly.
 */
import { PartialFailure } from "../../../provider/shared/partial";
import { emulatorOnly, newService, useAccount } from "../../support/account";
import { checkedInputs, hostProvider, SHIM, throughInterposer, useWarnings } from "../../support/provider-harness";

const provider = hostProvider("ServiceNotificationConfiguration");
const TEMPLATE = "${PARTICIPANT} in ${CONVERSATION}: ${MESSAGE}";

const account = useAccount();
const requests = () => account.requests().map(({ method, path, body, status }) => ({ method, path, body, status }));
const faults = emulatorOnly("injects faults into the emulator");
const interposed = emulatorOnly("edits the emulator's traffic to play a Twilio that ignores a value");
const warnings = useWarnings();

/** What a new service has (Twilio's push notification guide: every flag off; no template or sound of its own). */
const event = { enabled: false, template: null, sound: null };
const FRESH = {
  logEnabled: false,
  newMessage: { ...event, badgeCountEnabled: false, withMedia: { enabled: false, template: null } },
  addedToConversation: event,
  removedFromConversation: event,
};

const pathOf = (service: string) => `/v1/Services/${service}/Configuration/Notifications`;

/** The service's push settings as Twilio holds them now (the response's nested objects). */
async function live(service: string): Promise<Record<string, unknown>> {
  const { data } = await account.outOfBand.request<Record<string, unknown>>({ method: "GET", path: pathOf(service) });
  const { log_enabled, new_message, added_to_conversation, removed_from_conversation } = data;
  return { log_enabled, new_message, added_to_conversation, removed_from_conversation };
}

const checked = (news: Record<string, unknown>, olds?: Record<string, unknown>) => checkedInputs(provider, news, olds);

describe("ServiceNotificationConfiguration lifecycle", () => {
  it("manages only the declared settings of each event: writes, reads, updates, restores and shows drift leaf by leaf", async () => {
    const service = await newService(account);
    const path = pathOf(service);

    // create: GET (record), then POST of the declared leaves only, under Twilio's dotted keys.
    const inputs = await checked({
      chatServiceSid: service,
      logEnabled: true,
      newMessage: { enabled: true, template: TEMPLATE, withMedia: { enabled: true } },
      addedToConversation: { sound: "ring" },
    });
    const { id, outs } = await provider.create({ __provider: SHIM, ...inputs });
    expect(id).toBe(service);
    expect(outs).toEqual({
      chatServiceSid: service,
      logEnabled: true,
      newMessage: { enabled: true, template: TEMPLATE, withMedia: { enabled: true } },
      addedToConversation: { sound: "ring" },
      originalValues: FRESH,
      accountSid: account.accountSid,
      url: `${account.url}${path}`,
    });
    expect(requests()).toEqual([
      { method: "GET", path, body: undefined, status: 200 },
      {
        method: "POST",
        path,
        body: {
          LogEnabled: "true",
          "NewMessage.Enabled": "true",
          "NewMessage.Template": TEMPLATE,
          "NewMessage.WithMedia.Enabled": "true",
          "AddedToConversation.Sound": "ring",
        },
        status: 200,
      },
    ]);

    // read: the managed leaves, live; inputs as declared.
    const read = await provider.read(id, { ...outs, __provider: SHIM });
    expect(read).toEqual({ id, props: outs, inputs });
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, inputs)).toEqual({
      changes: false,
      replaces: [],
      stables: ["chatServiceSid", "logEnabled", "newMessage", "addedToConversation", "removedFromConversation"],
      deleteBeforeReplace: false,
    });

    // update: a leaf changed, a leaf added, two removed (the template goes back to none, the media flag to off).
    account.clearRequests();
    const changed = await checked({
      chatServiceSid: service,
      logEnabled: true,
      newMessage: { enabled: true, badgeCountEnabled: true },
      addedToConversation: { sound: "chime" },
    });
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, changed)).toMatchObject({
      changes: true,
      stables: ["chatServiceSid", "logEnabled", "removedFromConversation"],
    });
    const updated = (await provider.update(id, { ...outs, __provider: SHIM }, changed)).outs!;
    expect(requests()).toEqual([
      { method: "GET", path, body: undefined, status: 200 },
      {
        method: "POST",
        path,
        body: {
          "NewMessage.Template": "",
          "NewMessage.BadgeCountEnabled": "true",
          "NewMessage.WithMedia.Enabled": "false",
          "AddedToConversation.Sound": "chime",
        },
        status: 200,
      },
    ]);
    expect(updated).toEqual({ ...outs, newMessage: { enabled: true, badgeCountEnabled: true }, addedToConversation: { sound: "chime" } });
    expect(await live(service)).toMatchObject({
      new_message: { enabled: true, template: null, badge_count_enabled: true, with_media: { enabled: false, template: null } },
    });

    // Drift in a managed leaf shows; a change to a leaf nobody declared does not.
    await account.outOfBand.request({
      method: "POST",
      path,
      form: { "NewMessage.Enabled": "false", "RemovedFromConversation.Enabled": "true" },
    });
    const drifted = await provider.read(id, { ...updated, __provider: SHIM });
    expect(drifted.props).toEqual({ ...updated, newMessage: { enabled: false, badgeCountEnabled: true } });
    expect(drifted.inputs).toEqual({ ...changed, newMessage: { enabled: false, badgeCountEnabled: true } });
    expect(await provider.diff(id, { ...drifted.props, __provider: SHIM }, changed)).toMatchObject({
      changes: true,
      stables: expect.not.arrayContaining(["newMessage"]),
    });

    // delete: every managed leaf back to what a new service had (flags off, the sound cleared).
    account.clearRequests();
    await provider.delete(id, { ...drifted.props, __provider: SHIM });
    expect(requests()).toEqual([
      {
        method: "POST",
        path,
        body: {
          LogEnabled: "false",
          "NewMessage.Enabled": "false",
          "NewMessage.BadgeCountEnabled": "false",
          "AddedToConversation.Sound": "",
        },
        status: 200,
      },
    ]);
    expect(warnings).toEqual([]);
    expect(await live(service)).toEqual({
      log_enabled: false,
      new_message: {
        enabled: false,
        template: null,
        sound: null,
        badge_count_enabled: false,
        with_media: { enabled: false, template: null },
      },
      added_to_conversation: { enabled: false, template: null, sound: null },
      // Not this resource's: left as someone else set it.
      removed_from_conversation: { enabled: true, template: null, sound: null },
    });
  });

  it("puts back the templates a service had before, and declares null for Twilio's default template", async () => {
    const service = await newService(account);
    await account.outOfBand.request({
      method: "POST",
      path: pathOf(service),
      form: { "AddedToConversation.Enabled": "true", "AddedToConversation.Template": "Welcome to ${CONVERSATION}" },
    });
    account.clearRequests();
    const { id, outs } = await provider.create({
      __provider: SHIM,
      ...(await checked({ chatServiceSid: service, addedToConversation: { enabled: false, template: null } })),
    });
    expect(requests()[1]!.body).toEqual({ "AddedToConversation.Enabled": "false", "AddedToConversation.Template": "" });
    expect(outs).toMatchObject({
      addedToConversation: { enabled: false, template: null },
      originalValues: { addedToConversation: { enabled: true, template: "Welcome to ${CONVERSATION}", sound: null } },
    });
    account.clearRequests();
    await provider.delete(id, { ...outs, __provider: SHIM });
    expect(requests()[0]!.body).toEqual({
      "AddedToConversation.Enabled": "true",
      "AddedToConversation.Template": "Welcome to ${CONVERSATION}",
    });
  });

  it("leaves logging as it is when nothing was recorded for it, with a warning naming it", async () => {
    const service = await newService(account);
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ chatServiceSid: service, logEnabled: true })) });
    // State recorded where Twilio reported no value for logging (its default is not documented).
    const olds = { ...outs, originalValues: { ...(outs.originalValues as object), logEnabled: null }, __provider: SHIM };
    account.clearRequests();
    await provider.delete(id, olds);
    expect(requests()).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^ServiceNotificationConfiguration of chat service ${service}: logEnabled cannot be put back: it had no value before this resource first set it, and Twilio documents no default for notification logging`,
        ),
      ),
    ]);
  });

  it("replaces on a change of service, taking the new one in charge before putting the old one back", async () => {
    const [a, b] = [await newService(account, "A"), await newService(account, "B")];
    const declared = { newMessage: { enabled: true } };
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ chatServiceSid: a, ...declared })) });
    const moved = await checked({ chatServiceSid: b, ...declared });
    expect(await provider.diff(id, { ...outs, __provider: SHIM }, moved)).toMatchObject({
      replaces: ["chatServiceSid"],
      deleteBeforeReplace: false,
    });
    expect((await provider.create({ __provider: SHIM, ...moved })).id).toBe(b);
    await provider.delete(id, { ...outs, __provider: SHIM });
    expect((await live(a)).new_message).toMatchObject({ enabled: false });
    expect((await live(b)).new_message).toMatchObject({ enabled: true });
  });

  it("refuses to create for a service that does not exist, and its delete succeeds once the service is gone", async () => {
    const missing = "IS" + "0123456789abcdef".repeat(2);
    await expect(provider.create({ __provider: SHIM, ...(await checked({ chatServiceSid: missing, logEnabled: true })) })).rejects.toThrow(
      `chat service ${missing} does not exist in account ${account.accountSid}: create it first (ConversationService) or fix chatServiceSid`,
    );
    const service = await newService(account);
    const { id, outs } = await provider.create({ __provider: SHIM, ...(await checked({ chatServiceSid: service, logEnabled: true })) });
    await account.outOfBand.request({ method: "DELETE", path: `/v1/Services/${service}` });
    expect(await provider.read(id, { ...outs, __provider: SHIM })).toEqual({ id: "", props: {} });
    await provider.delete(id, { ...outs, __provider: SHIM });
  });

  it("imports by service SID, taking charge of every setting that has a value", async () => {
    const service = await newService(account);
    const read = await provider.read(service, {});
    expect(read.inputs).toEqual({
      chatServiceSid: service,
      ...FRESH,
      newMessage: { enabled: false, badgeCountEnabled: false, withMedia: { enabled: false } },
      addedToConversation: { enabled: false },
      removedFromConversation: { enabled: false },
    });
    expect(read.props).toMatchObject({ originalValues: FRESH });
  });
});

describe("ServiceNotificationConfiguration write verification", () => {
  interposed("fails a write whose template Twilio did not keep, naming the leaf, and keeps what Twilio holds", async () => {
    const service = await newService(account);
    const inputs = await checked({ chatServiceSid: service, newMessage: { enabled: true, template: TEMPLATE } });
    const rules = { drop: [{ method: "POST", path: /\/Configuration\/Notifications$/, fields: ["NewMessage.Template"] }] };
    const failure: unknown = await throughInterposer(account, rules, () =>
      provider.create({ __provider: SHIM, ...inputs }).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    const partial = failure as PartialFailure;
    expect(partial.message).toMatch(
      /: newMessage\.template: sent "\$\{PARTICIPANT\} in \$\{CONVERSATION\}: \$\{MESSAGE\}", Twilio kept no value\. /,
    );
    expect(partial.properties).toMatchObject({ __provider: SHIM, newMessage: { enabled: true, template: null }, originalValues: FRESH });
    expect(await provider.diff(partial.id, partial.properties, inputs)).toMatchObject({ changes: true });
    expect((await provider.update(partial.id, partial.properties, inputs)).outs).toMatchObject({ newMessage: { template: TEMPLATE } });
  });
});

describe("ServiceNotificationConfiguration check", () => {
  const IS = "IS" + "a".repeat(32);
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing service", { logEnabled: true }, "chatServiceSid", /^is required: a chat service SID/],
    ["a flag as a string", { chatServiceSid: IS, newMessage: { enabled: "yes" } }, "newMessage.enabled", /^must be true or false$/],
    [
      "a blank template",
      { chatServiceSid: IS, addedToConversation: { template: "  " } },
      "addedToConversation.template",
      /^must not be blank: give the notification template, or null for Twilio's default$/,
    ],
    [
      "a misspelt setting, deep down",
      { chatServiceSid: IS, newMessage: { withMedia: { enabeld: true } } },
      "newMessage.withMedia.enabeld",
      /^unknown property "enabeld" in newMessage\.withMedia: it takes enabled, template$/,
    ],
    [
      "a badge count on another event",
      { chatServiceSid: IS, removedFromConversation: { badgeCountEnabled: true } },
      "removedFromConversation.badgeCountEnabled",
      /^unknown property "badgeCountEnabled" in removedFromConversation: it takes enabled, template, sound$/,
    ],
    [
      "an event that is not an object",
      { chatServiceSid: IS, newMessage: true },
      "newMessage",
      /^must be an object \(enabled, template, sound, badgeCountEnabled, withMedia, each optional\)$/,
    ],
    [
      "a misspelt event",
      { chatServiceSid: IS, newMessages: {} },
      "newMessages",
      /^unknown property "newMessages": ServiceNotificationConfiguration takes chatServiceSid, logEnabled, newMessage, /,
    ],
  ];
  it.each(cases)("rejects %s before sending anything", async (_what, news, property, reason) => {
    const result = await provider.check({}, { __provider: SHIM, ...news });
    expect(result.failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
    expect(account.requests()).toEqual([]);
  });
});

describe("ServiceNotificationConfiguration under faults", () => {
  faults("rides out 429s, and sends the create's POST again when its response was lost", async () => {
    const service = await newService(account);
    account.emulator.setFaults({ rateLimitNext: 2, rateLimitRetryAfterSeconds: 0 });
    account.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: pathOf(service) } });
    const { outs } = await provider.create({
      __provider: SHIM,
      ...(await checked({ chatServiceSid: service, newMessage: { enabled: true } })),
    });
    expect(outs).toMatchObject({ newMessage: { enabled: true }, originalValues: FRESH });
    expect(requests().map((r) => `${r.method} ${r.status}`)).toEqual(["GET 429", "GET 429", "GET 200", "POST 0", "POST 200"]);
  });

  faults("keeps the recorded originals, nested, when every attempt at the create's POST loses its response", async () => {
    const service = await newService(account);
    account.emulator.setFaults({ dropAfterEffect: { count: 5, method: "POST", pathPrefix: pathOf(service) } });
    const inputs = await checked({ chatServiceSid: service, newMessage: { withMedia: { enabled: true } } });
    const failure: unknown = await provider.create({ __provider: SHIM, ...inputs }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(PartialFailure);
    const partial = failure as PartialFailure;
    expect(partial.properties).toMatchObject({ newMessage: { withMedia: { enabled: false } }, originalValues: FRESH });
    const { outs } = await provider.update(partial.id, partial.properties, inputs);
    expect(outs).toMatchObject({ newMessage: { withMedia: { enabled: true } }, originalValues: FRESH });
  });
});
