/**
 * The wire side of PushCredential: `/v1/Credentials[/{Sid}]` (official v1 spec: create with Type,
 * FriendlyName, Certificate, PrivateKey, Sandbox, Secret; update with the same; fetch, list,
 * delete). The only module that knows these URLs and field names. Twilio never returns a secret;
 * every request that carries one names it for redaction, so no error message can quote it.
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { isNotFound } from "../../provider/http/errors";
import type { FormValue } from "../../provider/http/form";
import { pathSegment } from "../../provider/http/paths";
import { createFindingLostResponse } from "../../provider/shared/lost-response";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import { listAllV1 } from "../../provider/shared/v1-list";
import { defined } from "../../provider/shared/values";
import type { PushCredentialOutputs, SecretInput } from "./schema";

export const CREDENTIALS = "/v1/Credentials";
const credentialUrl = (sid: string) => `${CREDENTIALS}/${pathSegment(sid)}`;

/** A credential as Twilio returns it: only the fields used, extra ones ignored. */
const credentialWire = z.object({
  sid: z.string().regex(/^CR[0-9a-fA-F]{32}$/, "must be a credential SID (CR...)"),
  account_sid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be an account SID (AC...)"),
  friendly_name: z.string().nullish(),
  type: z
    .string()
    .transform((t) => t.toLowerCase())
    .pipe(z.enum(["apn", "fcm", "gcm"])),
  // The spec types it as a string; its examples write "True" / "False".
  sandbox: z.union([z.boolean(), z.string()]).nullish(),
  date_created: z.string().nullish(),
  date_updated: z.string().nullish(),
  url: z.string().nullish(),
});

/** The live credential: what Twilio reports (never a secret). */
export type LiveCredential = Omit<PushCredentialOutputs, "secretDigests" | "declaredProperties">;

const present = (v: string | null | undefined): string | undefined => (v === null || v === "" ? undefined : v);

function fromWire(data: unknown, action: string): LiveCredential {
  const w = parseResponse(credentialWire, data, action);
  return defined({
    sid: w.sid,
    accountSid: w.account_sid,
    type: w.type,
    friendlyName: present(w.friendly_name),
    sandbox: typeof w.sandbox === "boolean" ? w.sandbox : (w.sandbox ?? "").toLowerCase() === "true",
    dateCreated: present(w.date_created),
    dateUpdated: present(w.date_updated),
    url: present(w.url),
  });
}

/** A write: the plain fields, and the secrets to send (each a Pulumi secret upstream). */
export interface CredentialWrite {
  type?: string;
  friendlyName?: string;
  sandbox?: boolean;
  secrets: Partial<Record<SecretInput, string>>;
}

const WIRE_NAMES: Record<SecretInput, string> = { certificate: "Certificate", privateKey: "PrivateKey", secret: "Secret" };

/** The form body of a write. */
export function toWire(write: CredentialWrite): Record<string, FormValue> {
  const body: Record<string, FormValue> = { Type: write.type, FriendlyName: write.friendlyName, Sandbox: write.sandbox };
  for (const [field, value] of Object.entries(write.secrets)) body[WIRE_NAMES[field as SecretInput]] = value;
  return body;
}

/** The values no error message of this request may quote. */
const secretsOf = (write: CredentialWrite): string[] => Object.values(write.secrets).filter((v): v is string => v !== undefined);

/** `GET /v1/Credentials`, every page. */
export async function listCredentials(
  client: TwilioClient,
  action: string,
  onPage?: (itemsSoFar: number) => void,
): Promise<LiveCredential[]> {
  const items = await listAllV1(client, CREDENTIALS, "credentials", { pageSize: 100, action, onPage });
  return items.map((item) => fromWire(item, action));
}

/**
 * `POST /v1/Credentials`. Never repeated blindly (v1 has no idempotency key and names are not
 * unique): when the response is lost, the credential is the account's one of this type, friendly
 * name and sandbox created since the request went out, on Twilio's clock
 * (provider/shared/lost-response.ts). Its secrets cannot be compared: Twilio never returns them.
 */
export async function createCredential(client: TwilioClient, write: CredentialWrite, action: string): Promise<LiveCredential> {
  const name = write.friendlyName === undefined ? "no friendly name" : `friendly name ${JSON.stringify(write.friendlyName)}`;
  return createFindingLostResponse({
    lost: {
      action,
      what: "a push credential",
      howToFind: `list the account's credentials (GET ${CREDENTIALS}, or \`twilio api:conversations:v1:credentials:list\`) and look for a ${write.type} credential with ${name} created just now`,
    },
    send: async () => {
      const res = await client.request({ method: "POST", path: CREDENTIALS, form: toWire(write), redact: secretsOf(write), action });
      return fromWire(res.data, action);
    },
    readClock: () =>
      client.request({ method: "GET", path: CREDENTIALS, query: { PageSize: 1 }, action: `${action} (reading Twilio's clock)` }),
    findSent: async () =>
      (await listCredentials(client, `${action} (looking for the credential the lost request made)`)).filter(
        (c) =>
          c.type === write.type && c.friendlyName === write.friendlyName && (write.sandbox === undefined || c.sandbox === write.sandbox),
      ),
    createdAt: (c) => c.dateCreated ?? null,
    idOf: (c) => c.sid,
  });
}

/** `POST /v1/Credentials/{CR}`: absolute values, so the client may send it again after a 5xx or a lost response. */
export async function updateCredential(client: TwilioClient, sid: string, write: CredentialWrite, action: string): Promise<LiveCredential> {
  const res = await client.request({
    method: "POST",
    path: credentialUrl(sid),
    form: toWire(write),
    redact: secretsOf(write),
    action,
    idempotent: true,
  });
  return fromWire(res.data, action);
}

/** `GET /v1/Credentials/{CR}`; undefined when it is gone (404). */
export async function fetchCredential(client: TwilioClient, sid: string, action: string): Promise<LiveCredential | undefined> {
  return undefinedIfNotFound(async () =>
    fromWire((await client.request({ method: "GET", path: credentialUrl(sid), action })).data, action),
  );
}

/** `DELETE /v1/Credentials/{CR}`; one already gone counts as deleted. */
export async function deleteCredential(client: TwilioClient, sid: string, action: string): Promise<void> {
  try {
    await client.request({ method: "DELETE", path: credentialUrl(sid), action });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}
