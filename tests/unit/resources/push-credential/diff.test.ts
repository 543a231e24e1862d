import { UNKNOWN } from "../../../../provider/shared/check";
import { digestSecret, matchesDigest, pushCredentialProvider } from "../../../../resources/push-credential/provider";

const KEY = "fcm-server-key-0123456789";
const outs = {
  sid: "CR" + "c".repeat(32),
  accountSid: "AC" + "0".repeat(32),
  type: "fcm",
  friendlyName: "Android",
  sandbox: false,
  secretDigests: { secret: digestSecret(KEY) },
  declaredProperties: ["friendlyName", "secret", "type"],
};
const inputs = { type: "fcm", friendlyName: "Android", secret: KEY };
const diff = (change: Record<string, unknown>, olds: Record<string, unknown> = outs) =>
  pushCredentialProvider.diff!(outs.sid, olds, { ...inputs, ...change });

describe("PushCredential secret digests", () => {
  it("are salted: the same secret twice gives two digests, each of which it matches", () => {
    const [a, b] = [digestSecret(KEY), digestSecret(KEY)];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^hmac-sha256:[\w-]{22}:[\w-]{43}$/);
    expect(a).not.toContain(KEY);
    expect([matchesDigest(KEY, a), matchesDigest(KEY, b)]).toEqual([true, true]);
  });

  it.each([
    ["another secret", "fcm-server-key-0123456788", outs.secretDigests.secret],
    ["no digest", KEY, undefined],
    ["a digest of another kind", KEY, "sha256:abc"],
    ["a digest cut short", KEY, outs.secretDigests.secret.slice(0, -2)],
  ])("do not match %s", (_label, value, digest) => {
    expect(matchesDigest(value, digest)).toBe(false);
  });
});

describe("PushCredential diff", () => {
  it.each([
    ["the same inputs", {}],
    ["sandbox false on an FCM credential's state, none declared", { sandbox: undefined }],
  ])("sees no change with %s", async (_label, change) => {
    expect(await diff(change)).toMatchObject({ changes: false, replaces: [] });
  });

  it.each([
    ["a new secret", { secret: "rotated" }],
    ["a secret not known yet (preview)", { secret: UNKNOWN }],
    ["a new friendly name", { friendlyName: "Droid" }],
  ])("updates in place with %s", async (_label, change) => {
    expect(await diff(change)).toMatchObject({ changes: true, replaces: [] });
  });

  it("sees a change when state holds no digest for a declared secret (it is sent again)", async () => {
    expect(await diff({}, { ...outs, secretDigests: {} })).toMatchObject({ changes: true, replaces: [] });
  });

  it("replaces on a new type, creating the new credential first", async () => {
    expect(await diff({ type: "apn", secret: undefined, certificate: "c", privateKey: "k" })).toMatchObject({
      changes: true,
      replaces: ["type"],
      deleteBeforeReplace: false,
    });
  });

  it("APN: removing sandbox: true is a change (back to production), leaving it out of a production one is not", async () => {
    const apn = { ...outs, type: "apn", sandbox: true, secretDigests: { certificate: digestSecret("c"), privateKey: digestSecret("k") } };
    const apnInputs = { type: "apn", friendlyName: "Android", certificate: "c", privateKey: "k", secret: undefined };
    expect(await diff(apnInputs, apn)).toMatchObject({ changes: true, replaces: [] });
    expect(await diff(apnInputs, { ...apn, sandbox: false })).toMatchObject({ changes: false });
  });
});
