import * as pulumi from "@pulumi/pulumi";

import { dynamicResourceArgs } from "../../sdk/dynamic-resource";
import type { DeclaredOutputNames, Exactly, OutputMismatches, Resolved, SameKeys } from "../../sdk/type-checks";
import type { PUSH_CREDENTIAL_TYPES, PushCredentialInputs, PushCredentialOutputs, SECRET_INPUTS } from "./schema";

/** The arguments of a {@link PushCredential}: an APN credential (`certificate`, `privateKey`, `sandbox`) or an FCM one (`secret`). */
export interface PushCredentialArgs {
  /**
   * `"apn"` (Apple Push Notification service: give `certificate` and `privateKey`) or `"fcm"`
   * (Firebase Cloud Messaging: give `secret`). Required. **Changing it replaces the credential**
   * (the new one first, then the old one is deleted; apps see a new SID). Twilio's `gcm` is refused:
   * Google shut GCM down in 2019.
   */
  type: pulumi.Input<"apn" | "fcm">;
  /**
   * A human-readable name, 1 to 64 characters. Changes in place. Twilio cannot clear it, so removing
   * it leaves the current name, with a warning. Name credentials: a create whose response was lost
   * is recovered by this name (and type).
   */
  friendlyName?: pulumi.Input<string>;
  /**
   * APN only, required for it: the certificate as PEM text (`-----BEGIN CERTIFICATE-----...`), the
   * file's contents, not its name. **A secret**: wrapped with `pulumi.secret` when given plain, never
   * recorded in outputs, never in state in plain text; state keeps a salted digest, so a new
   * certificate is seen and sent (in place). Line endings and surrounding blanks do not count.
   */
  certificate?: pulumi.Input<string>;
  /**
   * APN only, required for it: the private key as PEM text (`-----BEGIN RSA PRIVATE KEY-----...` or
   * `-----BEGIN PRIVATE KEY-----...`). **A secret**, handled as `certificate` is; a new key is sent
   * with the certificate, in place.
   */
  privateKey?: pulumi.Input<string>;
  /**
   * APN only: `true` sends to the sandbox APNs (development builds), `false` to production. Default
   * `false` (Twilio's): removing `true` sets it back to production. Changes in place.
   */
  sandbox?: pulumi.Input<boolean>;
  /**
   * FCM only, required for it: the server key of the Firebase project (Firebase console, Project
   * settings, Cloud Messaging). **A secret**, handled as `certificate` is; a new key changes in place.
   */
  secret?: pulumi.Input<string>;
}

/**
 * A push credential of the Conversations API (`/v1/Credentials`, SID `CR...`): what Twilio uses to
 * send push notifications to an iOS (APN) or Android (FCM) app. Client apps name its SID in the
 * access tokens they get (`pushCredentialSid` of the Chat/Conversations grant).
 *
 * ```ts
 * const config = new pulumi.Config();
 * const android = new PushCredential("android", {
 *   type: "fcm",
 *   friendlyName: "Android app",
 *   secret: config.requireSecret("fcmServerKey"),
 * });
 * ```
 *
 * The secrets (`certificate`, `privateKey`, `secret`) are Pulumi secrets from end to end: inputs
 * given as plain strings are wrapped with `pulumi.secret`, the provider never returns them as
 * outputs, and state keeps only a salted digest of each (`secretDigests`), so changing a secret
 * in the program is detected and sent, while Twilio never reports them back (refresh cannot see a
 * secret changed in the Console). A credential deleted outside Pulumi drops out of state on refresh.
 * A create whose response was lost finds the credential it made (this type and friendly name,
 * created since the request went out) instead of making a second one.
 */
export class PushCredential extends pulumi.dynamic.Resource {
  /** The credential's SID (`CR` + 32 hex digits); also the resource id. */
  declare public readonly sid: pulumi.Output<string>;
  /** The account (`AC...`) the credential lives in. */
  declare public readonly accountSid: pulumi.Output<string>;
  /** `"apn"` or `"fcm"`, as Twilio reports it (`"gcm"` only if changed outside Pulumi). */
  declare public readonly type: pulumi.Output<"apn" | "fcm" | "gcm">;
  /** The friendly name, as Twilio holds it; undefined when none. */
  declare public readonly friendlyName: pulumi.Output<string | undefined>;
  /** Whether pushes go to the sandbox APNs, as Twilio reports it (`false` for FCM). */
  declare public readonly sandbox: pulumi.Output<boolean>;
  /**
   * A salted digest (`hmac-sha256:<salt>:<mac>`) of each secret last sent, by input name: what lets
   * a changed secret be detected without storing it. A Pulumi secret too.
   */
  declare public readonly secretDigests: pulumi.Output<{ certificate?: string; privateKey?: string; secret?: string }>;
  /** When the credential was created: ISO 8601 UTC, as Twilio reports it. */
  declare public readonly dateCreated: pulumi.Output<string | undefined>;
  /** When the credential last changed: ISO 8601 UTC, as Twilio reports it. */
  declare public readonly dateUpdated: pulumi.Output<string | undefined>;
  /** The credential's absolute API URL. */
  declare public readonly url: pulumi.Output<string | undefined>;

  /**
   * @param name the Pulumi resource name (not sent to Twilio)
   * @param args the credential; its secrets are made Pulumi secrets here if they are not already
   * @param opts resource options (`additionalSecretOutputs` gets the secret names added)
   */
  constructor(name: string, args: PushCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    const secrets = Object.fromEntries(
      SECRETS.filter((key) => args[key] !== undefined).map((key) => [key, pulumi.secret(args[key] as pulumi.Input<string>)]),
    );
    const options: pulumi.CustomResourceOptions = {
      ...opts,
      additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...SECRETS, "secretDigests"])],
    };
    super(...dynamicResourceArgs("PushCredential", OUTPUTS, name, { ...args, ...secrets }, options));
  }
}

/** The inputs that are secrets (schema.ts `SECRET_INPUTS`; this file holds no run-time import of the schema). */
const SECRETS = ["certificate", "privateKey", "secret"] as const;

/** Every output the class declares, passed as an undefined input so the dynamic resource exposes it. */
const OUTPUTS = ["sid", "accountSid", "type", "friendlyName", "sandbox", "secretDigests", "dateCreated", "dateUpdated", "url"] as const;

// Compile-time checks that the SDK's views of the resource agree with the provider's.
true satisfies SameKeys<PushCredentialArgs, PushCredentialInputs>;
({}) as PushCredentialInputs satisfies Resolved<PushCredentialArgs>;
true satisfies Exactly<(typeof OUTPUTS)[number], DeclaredOutputNames<PushCredential>>;
// `declaredProperties` is the provider's own bookkeeping (what refresh may claim as inputs), not for users.
true satisfies Exactly<OutputMismatches<PushCredential, Omit<PushCredentialOutputs, "declaredProperties">>, never>;
true satisfies Exactly<(typeof SECRETS)[number], (typeof SECRET_INPUTS)[number]>;
true satisfies Exactly<(typeof PUSH_CREDENTIAL_TYPES)[number], "apn" | "fcm">;

/**
 * A push credential as the conversations setup document writes it: `pushCredentials.<key>`. Its
 * secrets are `${parameter}`s without a default, set per stack with `pulumi config set --secret`.
 */
export interface PushCredentialEntry {
  /** `apn` or `fcm`. Changing it replaces the credential. */
  type: string;
  /** A human-readable name, 1 to 64 characters. */
  friendlyName?: string;
  /** APN: the certificate's PEM text, as a secret parameter (`${apnCertificate}`). */
  certificate?: string;
  /** APN: the private key's PEM text, as a secret parameter (`${apnPrivateKey}`). */
  privateKey?: string;
  /** APN: sandbox (true) or production (false, the default) APNs. */
  sandbox?: boolean;
  /** FCM: the server key, as a secret parameter (`${fcmSecret}`). */
  secret?: string;
}

/** A `pushCredentials.<key>` entry of the conversations setup document. */
export type SpecPushCredential = PushCredentialEntry;

// Its place in the document, merged into the document's type (see sdk/spec/document.ts).
declare module "../../sdk/spec/document" {
  interface SpecDocument {
    /** Push credentials (APN, FCM), by key; their secrets are parameters without a default. */
    pushCredentials?: Record<string, SpecPushCredential>;
  }
}
