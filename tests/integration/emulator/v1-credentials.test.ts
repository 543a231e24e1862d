import { emulatorForFile, twilioError } from "./http";

let clock = new Date("2030-01-01T00:00:00.000Z");
const { emu, api } = emulatorForFile({ now: () => clock });
beforeEach(() => {
  clock = new Date("2030-01-01T00:00:00.000Z");
});

const LIST = "/v1/Credentials";
const CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIFnTCCBIWgAwIBAgIIAjy9H849+E8wDQYJKoZIhvcNAQEF\n-----END CERTIFICATE-----";
const PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpQIBAAKCAQEAuyf/lNrH9ck8DmNyo3fG\n-----END RSA PRIVATE KEY-----";
const FCM_SECRET = "fcm-server-key-0123456789";

const apn = (overrides: Record<string, string | undefined> = {}) => ({
  Type: "apn",
  FriendlyName: "iOS app",
  Certificate: CERTIFICATE,
  PrivateKey: PRIVATE_KEY,
  Sandbox: "true",
  ...overrides,
});

/** No response, dump or log entry may hold a secret value. */
async function expectNoSecretAnywhere(...texts: string[]): Promise<void> {
  const everywhere = [...texts, JSON.stringify(emu.state()), JSON.stringify(emu.requests())].join("\n");
  for (const secret of [CERTIFICATE, PRIVATE_KEY, FCM_SECRET, "MIIFnTCCBIWgAwIBAgIIAjy9H849", "MIIEpQIBAAKCAQEAuyf", "fcm-server-key"]) {
    expect(everywhere).not.toContain(secret);
    expect(everywhere).not.toContain(encodeURIComponent(secret));
  }
}

describe("create, fetch, update, delete", () => {
  test("create 201 in the spec's shape: no secret in it, sandbox as the string True/False", async () => {
    const res = await api.post(LIST, apn());
    expect(res.status).toBe(201);
    expect(res.data).toEqual({
      sid: expect.stringMatching(/^CR[0-9a-f]{32}$/),
      account_sid: emu.accountSid,
      friendly_name: "iOS app",
      type: "apn",
      sandbox: "True",
      date_created: "2030-01-01T00:00:00Z",
      date_updated: "2030-01-01T00:00:00Z",
      url: `${emu.url}${LIST}/${res.data.sid}`,
    });
    const fcm = await api.post(LIST, { Type: "FcM", Secret: FCM_SECRET });
    expect(fcm.data).toMatchObject({ type: "fcm", friendly_name: null, sandbox: "False" });
    await expectNoSecretAnywhere(res.text, fcm.text);
  });

  test("the log and the state dump keep fingerprints of what was sent, never the values", async () => {
    const sid = (await api.post(LIST, apn())).data.sid;
    const [entry] = emu.requests();
    expect(entry.body).toMatch(/Certificate=%5Bredacted%20sha256%3A[0-9a-f]{12}%5D/);
    expect(entry.parsedBody).toMatchObject({
      Type: "apn",
      Certificate: expect.stringMatching(/^\[redacted sha256:[0-9a-f]{12}\]$/),
      PrivateKey: expect.stringMatching(/^\[redacted sha256:[0-9a-f]{12}\]$/),
    });
    const before = (emu.state() as { v1: { credentials: { sid: string; secretFingerprints: Record<string, string> }[] } }).v1.credentials;
    expect(before).toEqual([
      expect.objectContaining({
        sid,
        secretFingerprints: { Certificate: expect.stringMatching(/^sha256:/), PrivateKey: expect.stringMatching(/^sha256:/) },
      }),
    ]);
    // A new certificate changes its fingerprint (and only its).
    await api.post(`${LIST}/${sid}`, { Certificate: CERTIFICATE.replace("MIIF", "MIIG") });
    const after = (emu.state() as { v1: { credentials: { secretFingerprints: Record<string, string> }[] } }).v1.credentials[0];
    expect(after.secretFingerprints.Certificate).not.toBe(before[0].secretFingerprints.Certificate);
    expect(after.secretFingerprints.PrivateKey).toBe(before[0].secretFingerprints.PrivateKey);
    await expectNoSecretAnywhere();
  });

  test("fetch, update keeps what is not sent, list, delete 204, then 404", async () => {
    const created = (await api.post(LIST, apn())).data;
    expect((await api.get(`${LIST}/${created.sid}`)).data).toEqual(created);
    clock = new Date("2030-01-01T00:01:00.000Z");
    const updated = await api.post(`${LIST}/${created.sid}`, { FriendlyName: "iOS prod", Sandbox: "false" });
    expect(updated.data).toEqual({ ...created, friendly_name: "iOS prod", sandbox: "False", date_updated: "2030-01-01T00:01:00Z" });
    // FriendlyName= is ignored, as Twilio ignores it on conversations.
    expect((await api.post(`${LIST}/${created.sid}`, { FriendlyName: "" })).data.friendly_name).toBe("iOS prod");

    const list = await api.get(LIST);
    expect(list.data.credentials).toEqual([(await api.get(`${LIST}/${created.sid}`)).data]);
    expect(list.data.meta).toMatchObject({ key: "credentials", page: 0, page_size: 50, next_page_url: null });

    expect((await api.del(`${LIST}/${created.sid}`)).status).toBe(204);
    expect((await api.get(`${LIST}/${created.sid}`)).data).toEqual(twilioError(404, 20404));
    expect((await api.get(`${LIST}/not-a-sid`)).data).toEqual(twilioError(404, 20404));
  });

  test("changing the type needs the new type's secret; the old type's are dropped", async () => {
    const sid = (await api.post(LIST, apn())).data.sid;
    expect((await api.post(`${LIST}/${sid}`, { Type: "fcm" })).data).toEqual(twilioError(400, 20001));
    const res = await api.post(`${LIST}/${sid}`, { Type: "fcm", Secret: FCM_SECRET });
    expect(res.data.type).toBe("fcm");
    const state = emu.state() as { v1: { credentials: { secretFingerprints: Record<string, string> }[] } };
    expect(Object.keys(state.v1.credentials[0].secretFingerprints)).toEqual(["Secret"]);
  });

  test("list pages with next_page_url (PageSize at most 100)", async () => {
    const sids: string[] = [];
    for (let i = 0; i < 3; i++) sids.push((await api.post(LIST, { Type: "gcm", ApiKey: `key-${i}` })).data.sid);
    const first = await api.get(`${LIST}?PageSize=2`);
    const second = await api.get(first.data.meta.next_page_url);
    expect([...first.data.credentials, ...second.data.credentials].map((c: { sid: string }) => c.sid)).toEqual(sids);
    expect((await api.get(`${LIST}?PageSize=101`)).status).toBe(400);
  });
});

describe("rules and error codes", () => {
  test.each([
    ["no Type", { Type: undefined }, 20001],
    ["an unknown Type", { Type: "webpush" }, 20001],
    ["a 65-character FriendlyName", { FriendlyName: "x".repeat(65) }, 20002],
    ["no Certificate", { Certificate: undefined }, 20001],
    ["no PrivateKey", { PrivateKey: undefined }, 20001],
    ["a Certificate that is not PEM", { Certificate: "not a certificate" }, 52005],
    ["a PrivateKey that is not PEM", { PrivateKey: CERTIFICATE }, 52005],
    ["a non-boolean Sandbox", { Sandbox: "maybe" }, 20001],
  ])("%s: 400 code %i, nothing created, and the message holds no secret", async (_label, overrides, code) => {
    const res = await api.post(LIST, apn(overrides));
    expect(res.data).toEqual(twilioError(400, code));
    expect((await api.get(LIST)).data.credentials).toEqual([]);
    await expectNoSecretAnywhere(res.text);
  });

  test("FCM needs Secret, GCM needs ApiKey, an empty secret is invalid content", async () => {
    expect((await api.post(LIST, { Type: "fcm" })).data).toEqual(twilioError(400, 20001));
    expect((await api.post(LIST, { Type: "gcm" })).data).toEqual(twilioError(400, 20001));
    expect((await api.post(LIST, { Type: "fcm", Secret: " " })).data).toEqual(twilioError(400, 52005));
    const sid = (await api.post(LIST, { Type: "fcm", Secret: FCM_SECRET })).data.sid;
    expect((await api.post(`${LIST}/${sid}`, { Secret: "" })).data).toEqual(twilioError(400, 52005));
  });

  test("reset removes every credential", async () => {
    await api.post(LIST, apn());
    emu.reset();
    expect((await api.get(LIST)).data.credentials).toEqual([]);
  });
});
