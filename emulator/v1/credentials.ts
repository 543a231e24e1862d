/**
 * Push credentials, `/v1/Credentials[/{Sid}]` (`CR` SIDs): create 201, list, fetch, update 200,
 * delete 204.
 *
 * Rules and their sources (codes in `api-error.ts`):
 * - `Type` is required on create (400 / 20001) and one of `apn`, `gcm`, `fcm` in any case (the spec's
 *   examples send `GcM`, `FcM`), stored lower case;
 * - `FriendlyName` at most 64 characters ("It can be up to 64 characters long", the spec), else 20002;
 *   `FriendlyName=` on update is ignored, as Twilio ignores it on conversations (inference);
 * - the secret of the type is required when the credential gets that type (create, or an update that
 *   changes the type): `Certificate` and `PrivateKey` for APN, `Secret` (the FCM server key) for FCM,
 *   `ApiKey` for GCM (400 / 20001); secrets of other types are ignored;
 * - an APN certificate or private key that is not PEM text (the spec's examples are
 *   `-----BEGIN CERTIFICATE-----...`, `-----BEGIN RSA PRIVATE KEY-----...`), or an empty secret,
 *   is 52005 "Invalid credential content" (UNCONFIRMED that Twilio checks this on write);
 * - `Sandbox` is a boolean, answered as the spec's examples write it: the string `"True"` / `"False"`.
 * Secrets are write-only: no response carries them, and the emulator keeps only their fingerprints
 * (`secret-fingerprint.ts`), so its state dump and request log never hold them either.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";

import type { EmulatorContext } from "../context";
import type { FormFields } from "../form-body";
import { secretFingerprint, type SecretFormField } from "../secret-fingerprint";
import { ApiError, CODES, invalid, notFound } from "./api-error";
import { formatDate } from "./dates";
import { paramsOf, queryOf, v1 } from "./handler";
import { paginate } from "./paging";
import { newSid, SID_PATTERNS } from "./sids";
import { CREDENTIAL_TYPES, type CredentialRecord, type CredentialType, type V1Store } from "./store";
import { checkEnumIgnoringCase, checkFriendlyName, formOf, param, parseBoolean } from "./validation";

const LIST = "/v1/Credentials";

/** The secrets each type takes; all are required when a credential gets that type. */
const SECRETS_OF: Record<CredentialType, readonly SecretFormField[]> = {
  apn: ["Certificate", "PrivateKey"],
  fcm: ["Secret"],
  gcm: ["ApiKey"],
};

/** PEM shapes of an APN certificate and private key (any key kind: RSA, EC, PKCS#8). */
const PEM: Partial<Record<SecretFormField, RegExp>> = {
  Certificate: /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/,
  PrivateKey: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]+-----END (?:[A-Z]+ )?PRIVATE KEY-----/,
};

function credentialJson(ctx: EmulatorContext, c: CredentialRecord): Record<string, unknown> {
  return {
    sid: c.sid,
    account_sid: ctx.accountSid,
    friendly_name: c.friendlyName,
    type: c.type,
    sandbox: c.sandbox ? "True" : "False",
    date_created: formatDate(c.dateCreated),
    date_updated: formatDate(c.dateUpdated),
    url: `${ctx.origin()}${LIST}/${c.sid}`,
  };
}

/** Applies a create or an update onto `next` (`typeChanged`: the type is new, so its secrets are required); nothing is stored here. */
function applyCredential(form: FormFields, next: CredentialRecord, typeChanged: boolean): void {
  const friendlyName = param(form, "FriendlyName");
  if (friendlyName !== undefined && friendlyName !== "") next.friendlyName = checkFriendlyName(friendlyName, 64);
  const sandbox = param(form, "Sandbox");
  if (sandbox !== undefined) next.sandbox = parseBoolean("Sandbox", sandbox);

  for (const field of SECRETS_OF[next.type]) {
    const value = param(form, field);
    if (value === undefined) {
      if (typeChanged) throw invalid(`Missing required parameter ${field} in the post body: a ${next.type} credential needs it`);
      continue;
    }
    const pem = PEM[field];
    if (value.trim() === "" || (pem && !pem.test(value))) {
      throw new ApiError(
        400,
        CODES.invalidCredentialContent,
        `Invalid ${field}: ${value.trim() === "" ? "must not be empty" : "is not PEM text (-----BEGIN ...-----)"}`,
      );
    }
    next.secretFingerprints[field] = secretFingerprint(value);
  }
}

export function registerCredentialRoutes(app: FastifyInstance, ctx: EmulatorContext, store: V1Store): void {
  const find = (req: FastifyRequest): CredentialRecord => {
    const sid = paramsOf(req).Sid;
    const found = SID_PATTERNS.CR.test(sid) ? store.credentials.get(sid) : undefined;
    if (!found) throw notFound(req.url);
    return found;
  };

  app.post(
    LIST,
    v1((req) => {
      const form = formOf(req.body);
      const typeRaw = param(form, "Type");
      if (typeRaw === undefined || typeRaw === "") throw invalid("Missing required parameter Type in the post body");
      const at = store.timestamp();
      const created: CredentialRecord = {
        seq: 0,
        sid: newSid("CR"),
        type: checkEnumIgnoringCase("Type", typeRaw, CREDENTIAL_TYPES),
        friendlyName: null,
        sandbox: false,
        secretFingerprints: {},
        dateCreated: at,
        dateUpdated: at,
      };
      applyCredential(form, created, true);
      created.seq = store.nextSeq();
      store.credentials.set(created.sid, created);
      return { status: 201, body: credentialJson(ctx, created) };
    }),
  );

  app.get(
    LIST,
    v1((req) => {
      const page = paginate([...store.credentials.values()], {
        listUrl: `${ctx.origin()}${LIST}`,
        key: "credentials",
        query: queryOf(req),
      });
      return { status: 200, body: { credentials: page.items.map((c) => credentialJson(ctx, c)), meta: page.meta } };
    }),
  );

  app.get(
    `${LIST}/:Sid`,
    v1((req) => ({ status: 200, body: credentialJson(ctx, find(req)) })),
  );

  app.post(
    `${LIST}/:Sid`,
    v1((req) => {
      const existing = find(req);
      const form = formOf(req.body);
      const typeRaw = param(form, "Type");
      const type = typeRaw === undefined ? existing.type : checkEnumIgnoringCase("Type", typeRaw, CREDENTIAL_TYPES);
      const typeChanged = type !== existing.type;
      // A new type starts without the old type's secrets; checked on a copy so a 400 changes nothing.
      const next: CredentialRecord = {
        ...existing,
        type,
        secretFingerprints: typeChanged ? {} : { ...existing.secretFingerprints },
      };
      applyCredential(form, next, typeChanged);
      next.dateUpdated = store.timestamp();
      store.credentials.set(next.sid, next);
      return { status: 200, body: credentialJson(ctx, next) };
    }),
  );

  app.delete(
    `${LIST}/:Sid`,
    v1((req) => {
      store.credentials.delete(find(req).sid);
      return { status: 204 };
    }),
  );
}
