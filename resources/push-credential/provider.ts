/**
 * The PushCredential lifecycle. Twilio never returns a credential's secrets, and state must never
 * hold them: outputs keep a salted digest of each secret last sent (HMAC-SHA-256 keyed with a
 * random salt of its own, {@link digestSecret}), so a changed secret shows up in diff without the
 * value being stored, and a digest in state cannot be checked against guesses without the program's
 * value. The secrets themselves travel only as inputs, which the SDK class marks as Pulumi secrets.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import type * as pulumi from "@pulumi/pulumi";

import { containsUnknown, withoutProvider } from "../../provider/shared/check";
import { defineProvider, type OperationContext } from "../../provider/shared/define";
import { absentMeansAny, changedKeys, type Comparator, type DiffSpec, whenKnown } from "../../provider/shared/diff";
import { CANNOT_CLEAR, DEFAULT_APN_SANDBOX, keptOnRemoval } from "../../provider/shared/twilio-facts";
import { defined } from "../../provider/shared/values";
import { createCredential, type CredentialWrite, deleteCredential, fetchCredential, type LiveCredential, updateCredential } from "./api";
import {
  type PushCredentialInputs,
  type PushCredentialOutputs,
  pushCredentialSchema,
  SECRET_INPUTS,
  type SecretDigests,
  type SecretInput,
  SECRETS_OF,
} from "./schema";

const DIGEST = "hmac-sha256";

/** `hmac-sha256:<salt>:<mac>`, base64url: the HMAC-SHA-256 of the value keyed with a fresh 16-byte salt. */
export function digestSecret(value: string, salt: Buffer = randomBytes(16)): string {
  return `${DIGEST}:${salt.toString("base64url")}:${createHmac("sha256", salt).update(value, "utf8").digest("base64url")}`;
}

/** Whether `value` is the secret `digest` was made from (compared in constant time). */
export function matchesDigest(value: string, digest: unknown): boolean {
  if (typeof digest !== "string") return false;
  const [kind, salt, mac] = digest.split(":");
  if (kind !== DIGEST || !salt || !mac) return false;
  const expected = Buffer.from(digestSecret(value, Buffer.from(salt, "base64url")));
  const recorded = Buffer.from(digest);
  return expected.length === recorded.length && timingSafeEqual(expected, recorded);
}

/**
 * The secrets of the new inputs that differ from the digests recorded (all of them when unknown
 * yet). `olds` holding the value itself is `plan`'s case (cli/plan.ts passes the document's value
 * for what Twilio does not report); state never holds one.
 */
function changedSecrets(
  olds: { readonly [key: string]: unknown; secretDigests?: SecretDigests },
  news: Partial<PushCredentialInputs>,
): SecretInput[] {
  return SECRET_INPUTS.filter((field) => {
    const value = news[field];
    if (value === undefined || (olds[field] === value && !containsUnknown(value))) return false;
    return containsUnknown(value) || !matchesDigest(value, olds.secretDigests?.[field]);
  });
}

/** `PushCredential "iOS"`, or by type and SID. */
function describe(props: Partial<PushCredentialInputs> | Partial<PushCredentialOutputs>, id?: string): string {
  if (typeof props.friendlyName === "string" && props.friendlyName !== "") return `PushCredential ${JSON.stringify(props.friendlyName)}`;
  return `PushCredential ${[props.type, id].filter((v) => typeof v === "string").join(" ") || "(new)"}`;
}

const text: Comparator = (a, b) => a === b;

const pushCredentialDiff: DiffSpec = {
  properties: {
    type: whenKnown(text),
    friendlyName: whenKnown(absentMeansAny(text)),
    // Absent means production APNs (twilio-facts.ts DEFAULT_APN_SANDBOX), so removing `true` sets it back.
    sandbox: whenKnown((a, b) => (a ?? DEFAULT_APN_SANDBOX) === (b ?? DEFAULT_APN_SANDBOX)),
  },
  // Twilio's Terraform providers keep one resource per type and never change a credential's type
  // (RJPearson94/terraform-provider-twilio, resource_conversations_push_credential_apn.go and _fcm.go);
  // whether Twilio's update takes a new Type (the spec lists it) is UNCONFIRMED, so a new type replaces.
  replaceOnChanges: ["type"],
  // Names are not unique: the new credential is created before the old one is deleted.
  deleteBeforeReplace: false,
};

/** The input properties a program set (secrets included: their names, never their values), sorted. */
function declaredPropertiesOf(inputs: PushCredentialInputs): string[] {
  return Object.keys(defined(inputs)).sort();
}

function toOutputs(live: LiveCredential, secretDigests: SecretDigests, declaredProperties: string[] | undefined): PushCredentialOutputs {
  return defined({ ...live, secretDigests, declaredProperties });
}

/** Inputs matching the live credential, for refresh: never a secret (Twilio returns none), only what the program declared. */
export function inputsOf(outs: LiveCredential & { declaredProperties?: string[] }): Partial<PushCredentialInputs> {
  const claims = (key: string) => outs.declaredProperties === undefined || outs.declaredProperties.includes(key);
  return defined({
    type: outs.type === "gcm" ? undefined : outs.type,
    friendlyName: claims("friendlyName") ? outs.friendlyName : undefined,
    sandbox: outs.type === "apn" && claims("sandbox") ? outs.sandbox : undefined,
  });
}

/** The write that sets the declared values: the secrets given (an APN pair goes together), and the plain fields. */
function writeOf(inputs: PushCredentialInputs, secrets: readonly SecretInput[]): CredentialWrite {
  const send = inputs.type === "apn" && secrets.length > 0 ? SECRETS_OF.apn : secrets;
  return {
    friendlyName: inputs.friendlyName,
    sandbox: inputs.type === "apn" ? (inputs.sandbox ?? DEFAULT_APN_SANDBOX) : undefined,
    secrets: Object.fromEntries(send.map((field) => [field, inputs[field]])),
  };
}

/** Fresh digests of the secrets sent, the recorded ones of the rest. */
function digestsAfter(inputs: PushCredentialInputs, sent: CredentialWrite, recorded: SecretDigests = {}): SecretDigests {
  const digests: SecretDigests = {};
  for (const field of SECRETS_OF[inputs.type]) {
    const value = sent.secrets[field];
    const kept = recorded[field];
    if (value !== undefined) digests[field] = digestSecret(value);
    else if (kept !== undefined) digests[field] = kept;
  }
  return digests;
}

async function create(inputs: PushCredentialInputs, ctx: OperationContext): Promise<{ id: string; outs: PushCredentialOutputs }> {
  const write = { ...writeOf(inputs, SECRETS_OF[inputs.type]), type: inputs.type };
  const live = await createCredential(ctx.client, write, `creating ${describe(inputs)}`);
  return { id: live.sid, outs: toOutputs(live, digestsAfter(inputs, write), declaredPropertiesOf(inputs)) };
}

async function update(
  id: string,
  olds: PushCredentialOutputs,
  news: PushCredentialInputs,
  ctx: OperationContext,
): Promise<PushCredentialOutputs> {
  const secrets = changedSecrets({ ...olds }, news);
  const plainChanged = changedKeys({ ...olds }, { ...news }, pushCredentialDiff).length > 0;
  const declaredProperties = declaredPropertiesOf(news);
  // Only a removal Twilio cannot act on (a friendly name): nothing to send.
  if (secrets.length === 0 && !plainChanged) return toOutputs(olds, olds.secretDigests, declaredProperties);
  const write = writeOf(news, secrets);
  const live = await updateCredential(ctx.client, id, write, `updating ${describe(news, id)}`);
  return toOutputs(live, digestsAfter(news, write, olds.secretDigests), declaredProperties);
}

const base = defineProvider<PushCredentialInputs, PushCredentialOutputs>({
  kind: "PushCredential",
  schema: pushCredentialSchema,
  diff: pushCredentialDiff,
  describe,
  create,
  async read(id, olds, { client }) {
    const live = await fetchCredential(client, id, `reading ${describe(olds, id)}`);
    if (!live) return undefined;
    const outs = toOutputs(live, olds.secretDigests ?? {}, olds.declaredProperties);
    // Refresh cannot read the secrets back: the inputs it records hold none (diff compares digests).
    return { props: outs, inputs: inputsOf(outs) as PushCredentialInputs };
  },
  update,
  keptOnRemoval(olds, news) {
    const declared = olds.declaredProperties ?? [];
    if (!declared.includes("friendlyName") || news.friendlyName !== undefined || olds.friendlyName === undefined) return [];
    return [keptOnRemoval(describe(olds, olds.sid), "friendlyName", CANNOT_CLEAR.friendlyName, olds.friendlyName)];
  },
  async delete(id, olds, { client }) {
    await deleteCredential(client, id, `deleting ${describe(olds, id)}`);
  },
});

/**
 * A push credential. Its diff is the generic one plus the secrets: each declared secret is
 * compared with the digest recorded for it, so a new key is an in-place update.
 */
export const pushCredentialProvider: pulumi.dynamic.ResourceProvider = {
  ...base,
  async diff(id, olds, news) {
    const result = await base.diff!(id, olds, news);
    const secrets = changedSecrets(withoutProvider(olds), withoutProvider(news) as Partial<PushCredentialInputs>);
    return secrets.length > 0 ? { ...result, changes: true } : result;
  },
};
