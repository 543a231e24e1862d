/**
 * PushCredential against the emulator, through the provider objects exactly as the dynamic-provider
 * host calls them, and as the exporter writes the credentials it finds. Every secret is a fresh
 * value no one else uses, so finding it in outputs, a message, a document or the request log means
 * it leaked; the emulator logs only a fingerprint of each secret field, which is how the tests see
 * which value was sent.
 */
import { randomUUID } from "node:crypto";

import { exportAccount, formatSpec } from "../../../cli/export";
import { redactedSecret } from "../../../emulator/secret-fingerprint";
import { checkSpec } from "../../../sdk/spec/check";
import { formatPath } from "../../../sdk/spec/issues";
import { checkedInputs, hostProvider, SHIM, throughInterposer, useEmulatorStack, useWarnings } from "../../support/provider-harness";

const provider = hostProvider("PushCredential");
/** The emulator's clock (its dates and its Date header): tests move it instead of waiting. */
let clock = new Date("2025-01-01T00:00:00Z");
const stack = useEmulatorStack({ now: () => clock });
const warnings = useWarnings();
const { requests } = stack;
const LIST = "/v1/Credentials";

const pem = (label: string, body: string) => `-----BEGIN ${label}-----\nMII${body}\n-----END ${label}-----`;
/** Secrets made for one test: everything seen afterwards is searched for them. */
function secrets() {
  return {
    fcm: `fcm-server-key-${randomUUID()}`,
    fcm2: `fcm-server-key-${randomUUID()}`,
    certificate: pem("CERTIFICATE", randomUUID()),
    privateKey: pem("RSA PRIVATE KEY", randomUUID()),
    privateKey2: pem("PRIVATE KEY", randomUUID()),
  };
}
let s: ReturnType<typeof secrets>;
beforeEach(() => {
  s = secrets();
});

/** Whether any secret of the test appears in a value (as JSON text). */
const leaks = (value: unknown) =>
  Object.values(s).filter((secret) => JSON.stringify(value ?? null).includes(JSON.stringify(secret).slice(1, -1)));

const fcm = (change: Record<string, unknown> = {}) => ({ type: "fcm", friendlyName: "Android", secret: s.fcm, ...change });
const apn = (change: Record<string, unknown> = {}) => ({
  type: "apn",
  friendlyName: "iOS",
  certificate: s.certificate,
  privateKey: s.privateKey,
  sandbox: true,
  ...change,
});

async function create(news: Record<string, unknown>) {
  const inputs = await checkedInputs(provider, news);
  const created = await provider.create({ __provider: SHIM, ...inputs });
  return { ...created, inputs, state: { ...created.outs, __provider: SHIM } };
}

afterEach(() => {
  // Nothing the emulator logged holds a secret (its log keeps fingerprints only).
  expect(leaks(stack.emulator.requests())).toEqual([]);
});

describe("PushCredential lifecycle", () => {
  it("FCM: creates, keeps a digest and never the secret, sees no change for the same secret, updates a new one in place, deletes", async () => {
    const { id, outs, inputs, state } = await create(fcm({ secret: `  ${s.fcm}\r\n` }));
    expect(inputs).toEqual({ type: "fcm", friendlyName: "Android", secret: s.fcm });
    expect(id).toMatch(/^CR[0-9a-f]{32}$/);
    expect(outs).toEqual({
      sid: id,
      accountSid: stack.emulator.accountSid,
      type: "fcm",
      friendlyName: "Android",
      sandbox: false,
      secretDigests: { secret: expect.stringMatching(/^hmac-sha256:[\w-]{22}:[\w-]{43}$/) },
      dateCreated: expect.stringMatching(/Z$/),
      dateUpdated: expect.stringMatching(/Z$/),
      url: `${stack.emulator.url}${LIST}/${id}`,
      declaredProperties: ["friendlyName", "secret", "type"],
    });
    expect(leaks(outs)).toEqual([]);
    expect(requests()).toEqual([
      { method: "POST", path: LIST, body: { FriendlyName: "Android", Secret: redactedSecret(s.fcm), Type: "fcm" }, status: 201 },
    ]);

    // Refresh: Twilio returns no secret, and the inputs it records hold none.
    stack.emulator.clearRequests();
    const read = await provider.read(id, state);
    expect(read).toEqual({ id, props: outs, inputs: { type: "fcm", friendlyName: "Android" } });
    expect(await provider.diff(id, { ...read.props, __provider: SHIM }, inputs)).toMatchObject({ changes: false, replaces: [] });

    // A new server key: an in-place update that sends it (and what else is declared), a new digest.
    const rotated = await checkedInputs(provider, fcm({ secret: s.fcm2 }));
    expect(await provider.diff(id, state, rotated)).toMatchObject({ changes: true, replaces: [] });
    stack.emulator.clearRequests();
    const updated = await provider.update(id, state, { __provider: SHIM, ...rotated });
    expect(requests()).toEqual([
      { method: "POST", path: `${LIST}/${id}`, body: { FriendlyName: "Android", Secret: redactedSecret(s.fcm2) }, status: 200 },
    ]);
    expect(updated.outs.secretDigests.secret).not.toBe(outs.secretDigests.secret);
    expect(leaks(updated.outs)).toEqual([]);
    const updatedState = { ...updated.outs, __provider: SHIM };
    expect(await provider.diff(id, updatedState, rotated)).toMatchObject({ changes: false });
    // The old key is a change again: the digest is of the value, not of "some value".
    expect(await provider.diff(id, updatedState, inputs)).toMatchObject({ changes: true });

    // A new type replaces it, creating the new one first.
    const asApn = await checkedInputs(provider, apn({ friendlyName: "Android" }));
    expect(await provider.diff(id, updatedState, asApn)).toMatchObject({ changes: true, replaces: ["type"], deleteBeforeReplace: false });

    stack.emulator.clearRequests();
    await provider.delete(id, updatedState);
    expect(requests()).toEqual([{ method: "DELETE", path: `${LIST}/${id}`, body: undefined, status: 204 }]);
    expect(await provider.read(id, updatedState)).toEqual({ id: "", props: {} });
  });

  it("APN: sends the certificate and key together, sandbox as declared; a new key sends the pair again; removing sandbox sets production", async () => {
    const { id, outs, state } = await create(apn());
    expect(outs).toMatchObject({
      type: "apn",
      sandbox: true,
      secretDigests: { certificate: expect.any(String), privateKey: expect.any(String) },
    });
    expect(requests()[0]!.body).toEqual({
      Type: "apn",
      FriendlyName: "iOS",
      Sandbox: "true",
      Certificate: redactedSecret(s.certificate),
      PrivateKey: redactedSecret(s.privateKey),
    });

    const newKey = await checkedInputs(provider, apn({ privateKey: s.privateKey2, sandbox: undefined }));
    expect(await provider.diff(id, state, newKey)).toMatchObject({ changes: true, replaces: [] });
    stack.emulator.clearRequests();
    const updated = await provider.update(id, state, { __provider: SHIM, ...newKey });
    expect(requests()[0]!.body).toEqual({
      FriendlyName: "iOS",
      Sandbox: "false",
      Certificate: redactedSecret(s.certificate),
      PrivateKey: redactedSecret(s.privateKey2),
    });
    expect(updated.outs).toMatchObject({ sandbox: false });
    expect(updated.outs.secretDigests.privateKey).not.toBe(outs.secretDigests.privateKey);
    expect(leaks(updated.outs)).toEqual([]);
  });

  it("leaves a removed friendly name as it is, with a warning, and sends nothing", async () => {
    const { id, state } = await create(fcm());
    const news = await checkedInputs(provider, fcm({ friendlyName: undefined }));
    expect(await provider.diff(id, state, news)).toMatchObject({ changes: true, replaces: [] });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^PushCredential "Android": friendlyName was removed from the program, but Twilio cannot clear a friendly name/,
      ),
    ]);
    stack.emulator.clearRequests();
    const { outs } = await provider.update(id, state, { __provider: SHIM, ...news });
    expect(requests()).toEqual([]);
    expect(outs).toMatchObject({ friendlyName: "Android", declaredProperties: ["secret", "type"] });
  });

  it("shows a sandbox or name changed outside Pulumi as drift on refresh, and drops a credential deleted outside Pulumi", async () => {
    const { id, state, inputs } = await create(apn());
    await stack.outOfBand.request({ method: "POST", path: `${LIST}/${id}`, form: { Sandbox: "false", FriendlyName: "Renamed" } });
    const read = await provider.read(id, state);
    expect(read.props).toMatchObject({ sandbox: false, friendlyName: "Renamed" });
    expect(await provider.diff(id, read.props!, inputs)).toMatchObject({ changes: true, replaces: [] });
    await stack.outOfBand.request({ method: "DELETE", path: `${LIST}/${id}` });
    expect(await provider.read(id, state)).toEqual({ id: "", props: {} });
    await expect(provider.delete(id, state)).resolves.toBeUndefined();
  });
});

describe("PushCredential check", () => {
  it.each([
    ["gcm (shut down)", { type: "gcm" }, ["type"], /Google shut GCM down in 2019; use "fcm"/],
    ["an FCM credential without its key", { secret: undefined }, ["secret"], /is required for an fcm credential/],
    ["a blank key", { secret: "  " }, ["secret"], /must not be blank/],
    ["APN fields on an FCM credential", { certificate: "x", sandbox: true }, ["certificate", "certificate", "sandbox"], /./],
    ["a name over 64 characters", { friendlyName: "n".repeat(65) }, ["friendlyName"], /at most 64/],
  ])("refuses %s before sending anything", async (_label, change, properties, reason) => {
    const result = await provider.check({}, { __provider: SHIM, ...fcm(change) });
    expect(result.failures?.map((f) => f.property).sort()).toEqual(properties);
    expect(result.failures![0]!.reason).toMatch(reason);
    await expect(provider.create({ __provider: SHIM, ...fcm(change) })).rejects.toThrow(/Invalid inputs for PushCredential/);
    expect(stack.emulator.requests()).toEqual([]);
  });

  it("refuses an APN certificate or key that is not PEM text (a file name, say), without quoting it", async () => {
    const path = `/home/me/${randomUUID()}.pem`;
    const result = await provider.check({}, { __provider: SHIM, ...apn({ certificate: path, privateKey: "not a key" }) });
    expect(result.failures?.map((f) => f.property)).toEqual(["certificate", "privateKey"]);
    expect(result.failures![0]!.reason).toMatch(/must be the PEM text of the certificate .*not a file name: read the file/);
    expect(JSON.stringify(result.failures)).not.toContain(path);
    const missing = await provider.check({}, { __provider: SHIM, ...apn({ privateKey: undefined }) });
    expect(missing.failures).toEqual([{ property: "privateKey", reason: "is required for an apn credential" }]);
  });
});

describe("PushCredential faults and secrets", () => {
  it("never quotes a secret in an error, even when Twilio's message echoes it", async () => {
    const inputs = await checkedInputs(provider, apn());
    const rules = {
      refuse: [
        {
          method: "POST",
          path: /^\/v1\/Credentials$/,
          status: 400,
          code: 52005,
          count: 1,
          message: `Invalid credential content: ${s.privateKey}`,
        },
      ],
    };
    const failure = await throughInterposer(stack, rules, () =>
      provider.create({ __provider: SHIM, ...inputs }).then(
        () => undefined,
        (e: Error) => e,
      ),
    );
    expect(failure?.message).toMatch(
      /^Twilio API 400 \(code 52005\) creating PushCredential "iOS": Invalid credential content: \[redacted\]/,
    );
    expect(leaks(failure?.message)).toEqual([]);
    expect(leaks(failure?.stack)).toEqual([]);
  });

  it("finds the credential a create whose response was lost made: no orphan, no second one", async () => {
    stack.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: LIST } });
    const { id } = await create(fcm());
    expect(requests().map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", LIST, 0],
      ["GET", LIST, 200], // Twilio's clock
      ["GET", LIST, 200],
    ]);
    const all = (await stack.outOfBand.request<{ credentials: { sid: string }[] }>({ method: "GET", path: LIST })).data.credentials;
    expect(all.map((c) => c.sid)).toEqual([id]);
  });

  it("does not take a credential of the same name made before the request for the one it made", async () => {
    await stack.outOfBand.request({ method: "POST", path: LIST, form: { Type: "fcm", FriendlyName: "Android", Secret: "another" } });
    stack.emulator.clearRequests();
    const older = (await stack.outOfBand.request<{ credentials: { sid: string }[] }>({ method: "GET", path: LIST })).data.credentials[0]!
      .sid;
    // Twilio's dates have whole seconds: the older one is a few seconds older.
    clock = new Date(clock.getTime() + 5000);
    stack.emulator.setFaults({ dropAfterEffect: { count: 1, method: "POST", pathPrefix: LIST } });
    const { id } = await create(fcm());
    expect(id).not.toBe(older);
    const all = (await stack.outOfBand.request<{ credentials: { sid: string }[] }>({ method: "GET", path: LIST })).data.credentials;
    expect(all.map((c) => c.sid).sort()).toEqual([older, id].sort());
  });

  it("retries an update answered 503 (absolute values) and refuses another account's credentials", async () => {
    const { id, state, inputs } = await create(fcm());
    stack.emulator.clearRequests();
    stack.emulator.setFaults({ unavailableNext: 1 });
    await provider.update(id, state, { ...inputs, secret: s.fcm2 });
    expect(requests().map((r) => [r.method, r.status])).toEqual([
      ["POST", 503],
      ["POST", 200],
    ]);
    await expect(provider.delete(id, { ...state, accountSid: "AC" + "9".repeat(32) })).rejects.toThrow(
      /Refusing to delete PushCredential "Android": it belongs to account AC9{32}/,
    );
  });
});

describe("PushCredential export", () => {
  it("writes each credential with its secrets as parameters without a default, never their values; a GCM one not at all", async () => {
    const post = (form: Record<string, unknown>) => stack.outOfBand.request({ method: "POST", path: LIST, form: form as never });
    await post({ Type: "apn", FriendlyName: "iOS", Sandbox: true, Certificate: s.certificate, PrivateKey: s.privateKey });
    await post({ Type: "fcm", FriendlyName: "Android", Secret: s.fcm });
    // Google shut GCM down in 2019: such a credential is not exported.
    await post({ Type: "gcm", FriendlyName: "Legacy", ApiKey: "legacy" });

    const exported = await exportAccount(stack.outOfBand);
    expect(exported.parameters).toEqual({
      // The account configuration's, as every account has one.
      messagingServiceSid: expect.any(Object),
      apnCertificate: { description: 'The APN certificate (PEM) of push credential "iOS": a secret, set with pulumi config set --secret' },
      apnPrivateKey: { description: 'The APN private key (PEM) of push credential "iOS": a secret, set with pulumi config set --secret' },
      fcmSecret: { description: 'The FCM server key of push credential "Android": a secret, set with pulumi config set --secret' },
    });
    expect(exported.pushCredentials).toEqual({
      android: { type: "fcm", friendlyName: "Android", secret: "${fcmSecret}" },
      ios: { type: "apn", friendlyName: "iOS", sandbox: true, certificate: "${apnCertificate}", privateKey: "${apnPrivateKey}" },
    });
    const text = formatSpec(exported, "yaml");
    expect(leaks(text)).toEqual([]);

    // validate, without the secrets: each named where it is used, with the command that sets it as a secret.
    expect(checkSpec(text).issues.map((i) => `${formatPath(i.path)}: ${i.message}`)).toEqual(
      [
        ["android.secret", "fcmSecret"],
        ["ios.certificate", "apnCertificate"],
        ["ios.privateKey", "apnPrivateKey"],
      ].map(
        ([at, name]) =>
          `pushCredentials.${at}: uses secret parameter "${name}", which has no value for this stack and no default: ` +
          `set it for this stack with \`pulumi config set --secret ${name} <value>\``,
      ),
    );
    const withSecrets = checkSpec(text, { parameters: { fcmSecret: s.fcm2, apnCertificate: s.certificate, apnPrivateKey: s.privateKey2 } });
    expect(withSecrets.issues).toEqual([]);
  });
});
