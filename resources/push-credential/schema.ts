/**
 * Inputs of `PushCredential` (`/v1/Credentials`): what `check` accepts, in the normalised form that
 * is sent. No I/O. The rules are the official v1 spec's (`CreateCredentialRequest`) and Twilio's
 * Credential resource page (https://www.twilio.com/docs/conversations/api/credential-resource).
 *
 * No message here ever quotes a secret's value: check failures reach the CLI's output and logs.
 */
import { z } from "zod";

import { friendlyName, resourceInputs } from "../../provider/shared/fields";

/**
 * The types the provider manages. The spec also lists `gcm`: Google shut Google Cloud Messaging
 * down in 2019 (https://developers.google.com/cloud-messaging/faq), and FCM replaces it.
 */
export const PUSH_CREDENTIAL_TYPES = ["apn", "fcm"] as const;
export type PushCredentialType = (typeof PUSH_CREDENTIAL_TYPES)[number];

/** Twilio's limit on a credential's friendly name (official v1 spec: "up to 64 characters"). */
export const MAX_CREDENTIAL_NAME_LENGTH = 64;

/** The inputs that hold secrets: sent to Twilio, never recorded in outputs, never returned by Twilio. */
export const SECRET_INPUTS = ["certificate", "privateKey", "secret"] as const;
export type SecretInput = (typeof SECRET_INPUTS)[number];

/** The secrets each type takes, all required for it. */
export const SECRETS_OF: Record<PushCredentialType, readonly SecretInput[]> = {
  apn: ["certificate", "privateKey"],
  fcm: ["secret"],
};

/** Line endings as `\n` and no surrounding blanks: the same key read on any system is the same text. */
const normaliseSecret = (text: string) => text.replace(/\r\n?/g, "\n").trim();

/**
 * PEM text (the spec's examples: `-----BEGIN CERTIFICATE-----...`, `-----BEGIN RSA PRIVATE KEY-----...`),
 * anywhere in the value, so an `openssl pkcs12` export with its "Bag Attributes" lines is taken as is.
 */
function pemText(label: RegExp, what: string, example: string) {
  const shape = new RegExp(`-----BEGIN ${label.source}-----[\\s\\S]+-----END ${label.source}-----`);
  const message =
    `must be the PEM text of the ${what} (${example}), not a file name: read the file, such as ` +
    `fs.readFileSync("${what === "certificate" ? "cert" : "key"}.pem", "utf8")`;
  return z
    .string({ error: `must be a string: the PEM text of the ${what}` })
    .transform(normaliseSecret)
    .refine((text) => shape.test(text), message);
}

const certificate = pemText(/CERTIFICATE/, "certificate", "-----BEGIN CERTIFICATE-----...");
const privateKey = pemText(/(?:[A-Z]+ )?PRIVATE KEY/, "private key", "-----BEGIN RSA PRIVATE KEY-----...");

const secret = z
  .string({ error: "must be a string: the FCM server key" })
  .transform(normaliseSecret)
  .refine((text) => text !== "", "must not be blank: the FCM server key (Firebase console, Project settings, Cloud Messaging)");

const credentialType = z.enum(PUSH_CREDENTIAL_TYPES, {
  error: (issue) =>
    issue.input === "gcm" || issue.input === "GCM"
      ? 'gcm is not supported: Google shut GCM down in 2019; use "fcm" with the FCM server key'
      : issue.input === undefined
        ? 'is required: "apn" (Apple) or "fcm" (Firebase)'
        : 'must be "apn" (Apple) or "fcm" (Firebase)',
});

export const pushCredentialSchema = resourceInputs("PushCredential", {
  type: credentialType,
  friendlyName: friendlyName("push credential", MAX_CREDENTIAL_NAME_LENGTH).optional(),
  certificate: certificate.optional(),
  privateKey: privateKey.optional(),
  sandbox: z.boolean({ error: "must be true or false" }).optional(),
  secret: secret.optional(),
}).superRefine((inputs, ctx) => {
  const needs = SECRETS_OF[inputs.type];
  for (const field of SECRET_INPUTS) {
    const given = inputs[field] !== undefined;
    if (needs.includes(field) && !given) {
      ctx.addIssue({ code: "custom", path: [field], message: `is required for an ${inputs.type} credential` });
    } else if (!needs.includes(field) && given) {
      ctx.addIssue({ code: "custom", path: [field], message: `does not apply to an ${inputs.type} credential: remove it` });
    }
  }
  if (inputs.type !== "apn" && inputs.sandbox !== undefined) {
    ctx.addIssue({ code: "custom", path: ["sandbox"], message: "applies to an apn credential only: remove it" });
  }
});

/** Validated inputs, as check returns them (secrets included: they only ever travel as Pulumi secrets). */
export type PushCredentialInputs = z.output<typeof pushCredentialSchema>;

/** Salted digests of the secrets last sent, by input (see provider.ts): a change is seen without keeping the value. */
export type SecretDigests = Partial<Record<SecretInput, string>>;

/** What a PushCredential records in state. No secret: only {@link SecretDigests}. */
export interface PushCredentialOutputs {
  /** The credential's SID (`CR` + 32 hex); also the resource id. */
  sid: string;
  /** The account the credential lives in. */
  accountSid: string;
  /** As Twilio reports it (`gcm` only if changed outside Pulumi). */
  type: PushCredentialType | "gcm";
  friendlyName?: string;
  /** APN: sandbox (true) or production (false) APNs, as Twilio reports it. */
  sandbox: boolean;
  secretDigests: SecretDigests;
  /** ISO 8601 timestamps as Twilio reports them. */
  dateCreated?: string;
  dateUpdated?: string;
  /** The credential's absolute API URL. */
  url?: string;
  /** The input properties the program set at the last create or update, sorted. */
  declaredProperties?: string[];
}
