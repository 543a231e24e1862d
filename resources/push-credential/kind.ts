/** A push credential (id: its CR SID). */
import type { z } from "zod";

import { defined } from "../../provider/shared/values";
import type { Exactly } from "../../sdk/type-checks";
import { defineKind, exportPart, type ParameterKind, showOutput } from "../kind";
import { flag, text } from "../spec-fields";
import { listCredentials, type LiveCredential } from "./api";
import { inputsOf, pushCredentialProvider } from "./provider";
import { PushCredential, type PushCredentialEntry } from "./resource";
import { pushCredentialSchema, SECRET_INPUTS } from "./schema";

const secret = (what: string) => text(`${what}: a secret \`\${parameter}\` without a default, set with \`pulumi config set --secret\`.`);

const entry = {
  type: text("apn (Apple) or fcm (Firebase). Changing it replaces the credential."),
  friendlyName: text("A human-readable name, 1 to 64 characters.").optional(),
  certificate: secret("APN: the certificate's PEM text").optional(),
  privateKey: secret("APN: the private key's PEM text").optional(),
  sandbox: flag("APN: send to the sandbox APNs (default false: production).").optional(),
  secret: secret("FCM: the server key").optional(),
};
true satisfies Exactly<PushCredentialEntry, z.output<z.ZodObject<typeof entry>>>;

/** The parameter a secret of a credential becomes (no value: Twilio never returns one). */
function secretParameter(name: string, what: string, credential: LiveCredential): ParameterKind {
  const of =
    credential.friendlyName === undefined
      ? `${credential.type} credential ${credential.sid}`
      : `push credential ${JSON.stringify(credential.friendlyName)}`;
  return { name, description: `${what} of ${of}: a secret, set with pulumi config set --secret` };
}

export const pushCredentialKind = defineKind({
  name: "PushCredential",
  resource: PushCredential,
  provider: pushCredentialProvider,
  schema: pushCredentialSchema,
  probe: {
    livePath: (entry) => `/v1/Credentials/${entry.id}`,
    summary: (outputs) => `${showOutput(outputs, "type")} ${showOutput(outputs, "friendlyName")}`,
  },
  spec: {
    placement: { section: "pushCredentials", shape: "map" },
    noun: "a push credential",
    description: "An APN or FCM push credential (/v1/Credentials). Its secrets are parameters without a default.",
    entry,
    secrets: SECRET_INPUTS,
    idsOutput: "pushCredentialSids",
  },
  export: exportPart<LiveCredential>({
    list: "push credentials",
    // GCM credentials are left out: Google shut GCM down in 2019, and the resource takes apn and fcm only.
    read: async (client, _parent, onPage) =>
      (await listCredentials(client, "listing push credentials", onPage)).filter((c) => c.type !== "gcm"),
    id: (c) => c.sid,
    match: ["type", "friendlyName"],
    key: (c) => ({ name: c.friendlyName ?? c.type, fallback: "credential" }),
    inputs: (c) => ({ ...inputsOf(c) }),
    unread: [...SECRET_INPUTS],
    entry: (c, context) =>
      defined({
        type: c.type,
        friendlyName: c.friendlyName === undefined ? undefined : context.text(c.friendlyName),
        sandbox: c.type === "apn" && c.sandbox ? true : undefined,
        certificate:
          c.type === "apn" ? context.parameter(secretParameter("apnCertificate", "The APN certificate (PEM)", c), undefined) : undefined,
        privateKey:
          c.type === "apn" ? context.parameter(secretParameter("apnPrivateKey", "The APN private key (PEM)", c), undefined) : undefined,
        secret: c.type === "fcm" ? context.parameter(secretParameter("fcmSecret", "The FCM server key", c), undefined) : undefined,
      }),
  }),
});
