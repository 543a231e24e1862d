/**
 * Settings and credentials for the provider: stack config (`twilio:*`) first, then environment.
 *
 * Credentials are never resource inputs: the dynamic-provider host receives the stack config
 * through `configure()` (see {@link configureFromStack}) and everything else comes from its
 * environment. The password is kept off every enumerable surface so that no log line, error or
 * JSON dump of the settings can carry it.
 */
import { TwilioConversationsError } from "./error";

/** Where stack config is read from. Pulumi's dynamic-provider `Config` object fits. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Resolved, validated settings. Build them with {@link resolveSettings} or {@link currentSettings}. */
export interface Settings {
  /** The account: `AC` + 32 hex. Required with an API key too. */
  readonly accountSid: string;
  /** Basic-auth user: the account SID (with an auth token) or the API key SID (`SK...`). */
  readonly username: string;
  /** Basic-auth password. A NON-ENUMERABLE property: never in JSON, `util.inspect` or logs. */
  readonly password: string;
  /** `https://conversations.twilio.com`, its regional form, or an override; never a trailing slash. */
  readonly baseUrl: string;
  /** Seconds to wait for a v2 operation. Default 300. */
  readonly operationTimeoutSeconds: number;
  /** Requests in flight at once per client. Default 10. */
  readonly maxConcurrentRequests: number;
  /** Per-request timeout in milliseconds. Default 30000. */
  readonly requestTimeoutMs: number;
  /**
   * Seconds one request may keep being retried (429s, 5xx, connection failures), counted from its
   * first send. 429s are retried until it runs out; other failures also stop after 5 attempts.
   * Default 120.
   */
  readonly retryTimeoutSeconds: number;
}

/** A setting is missing or malformed. The message names the key and how to fix it. */
export class SettingsError extends TwilioConversationsError {}

/** Twilio's public Conversations host. */
export const DEFAULT_BASE_URL = "https://conversations.twilio.com";
const DEFAULT_OPERATION_TIMEOUT_SECONDS = 300;
const DEFAULT_MAX_CONCURRENT_REQUESTS = 10;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
// Long enough to ride out another program's burst on the same account, short enough that a
// deploy against an account that stays full fails with a clear message within minutes.
const DEFAULT_RETRY_TIMEOUT_SECONDS = 120;

/** Each setting: its stack config key and its environment variable, in that order of precedence. */
const KEYS = {
  accountSid: { stack: "twilio:accountSid", env: "TWILIO_ACCOUNT_SID" },
  authToken: { stack: "twilio:authToken", env: "TWILIO_AUTH_TOKEN" },
  apiKey: { stack: "twilio:apiKey", env: "TWILIO_API_KEY" },
  apiSecret: { stack: "twilio:apiSecret", env: "TWILIO_API_SECRET" },
  region: { stack: "twilio:region", env: "TWILIO_REGION" },
  edge: { stack: "twilio:edge", env: "TWILIO_EDGE" },
  baseUrl: { stack: "twilio:baseUrl", env: "TWILIO_CONVERSATIONS_BASE_URL" },
  operationTimeout: { stack: "twilio:operationTimeout", env: "TWILIO_OPERATION_TIMEOUT" },
  maxConcurrentRequests: { stack: "twilio:maxConcurrentRequests", env: "TWILIO_MAX_CONCURRENT_REQUESTS" },
  retryTimeout: { stack: "twilio:retryTimeout", env: "TWILIO_RETRY_TIMEOUT" },
} as const;

type KeyName = keyof typeof KEYS;

/** A value found for a setting, with the name it was found under (for messages). */
interface Found {
  readonly value: string;
  readonly source: string;
  readonly fromStack: boolean;
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;
// Region and edge become part of a host name: letters, digits and inner hyphens only, so no
// value can smuggle a different host in ("evil.com/", "x@y").
const HOST_LABEL = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const MISSING_CREDENTIALS_HELP =
  "Set them in the stack config:\n" +
  "  pulumi config set twilio:accountSid AC...\n" +
  "  pulumi config set --secret twilio:authToken ...\n" +
  "(or an API key: pulumi config set twilio:apiKey SK... and pulumi config set --secret twilio:apiSecret ...),\n" +
  "or in the environment: TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY with TWILIO_API_SECRET).";

/**
 * Resolves and validates the settings: `twilio:<key>` from `config` first, then `env`.
 *
 * Credentials: an API key (`apiKey` + `apiSecret`) or an auth token, always with the account SID.
 * When both an API key and an auth token are present, the one from the higher-precedence source
 * wins (stack config over env); at the same level the API key wins, as Twilio recommends keys.
 *
 * @param config stack config; omitted means environment only
 * @param env defaults to `process.env`
 * @throws SettingsError naming the key at fault and how to fix it
 */
export function resolveSettings(config?: ConfigSource, env: NodeJS.ProcessEnv = process.env): Settings {
  const find = (name: KeyName): Found | undefined => lookup(name, config, env);

  const accountSid = find("accountSid");
  const authToken = find("authToken");
  const apiKey = find("apiKey");
  const apiSecret = find("apiSecret");

  if (!accountSid && !authToken && !apiKey && !apiSecret) {
    throw new SettingsError(`No Twilio credentials found. ${MISSING_CREDENTIALS_HELP}`);
  }
  if (!accountSid) {
    throw new SettingsError(`The Twilio account SID is missing (it is required with an API key too). ${MISSING_CREDENTIALS_HELP}`);
  }
  validateAccountSid(accountSid);

  let username: string;
  let password: string;
  const useApiKey = apiKey !== undefined && (authToken === undefined || apiKey.fromStack || !authToken.fromStack);
  if (useApiKey && apiKey) {
    validateApiKey(apiKey);
    if (!apiSecret) {
      throw new SettingsError(
        `${apiKey.source} is set but its secret is missing: run pulumi config set --secret twilio:apiSecret ... ` +
          `or set TWILIO_API_SECRET (or remove the API key and use an auth token).`,
      );
    }
    username = apiKey.value;
    password = apiSecret.value;
  } else if (authToken) {
    username = accountSid.value;
    password = authToken.value;
  } else if (apiSecret) {
    throw new SettingsError(
      `${apiSecret.source} is set but no API key SID goes with it: run pulumi config set twilio:apiKey SK... ` + `or set TWILIO_API_KEY.`,
    );
  } else {
    throw new SettingsError(`No Twilio auth token or API key found for ${accountSid.source}. ${MISSING_CREDENTIALS_HELP}`);
  }

  const settings = {
    accountSid: accountSid.value,
    username,
    baseUrl: resolveBaseUrl(find("baseUrl"), find("region"), find("edge")),
    operationTimeoutSeconds: positiveNumber(find("operationTimeout"), DEFAULT_OPERATION_TIMEOUT_SECONDS, "seconds"),
    maxConcurrentRequests: positiveInteger(find("maxConcurrentRequests"), DEFAULT_MAX_CONCURRENT_REQUESTS),
    requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
    retryTimeoutSeconds: positiveNumber(find("retryTimeout"), DEFAULT_RETRY_TIMEOUT_SECONDS, "seconds"),
  };
  // Non-enumerable: JSON.stringify, util.inspect, object spread and structured logging all skip it.
  Object.defineProperty(settings, "password", { value: password, enumerable: false, writable: false });
  return Object.freeze(settings) as Settings;
}

let stackConfig: ConfigSource | undefined;

/**
 * Records the stack config handed to a provider's `configure()`. The values of the known
 * `twilio:*` keys are copied, so the result does not depend on the lifetime of Pulumi's object.
 */
export function configureFromStack(config: ConfigSource): void {
  const values = new Map<string, string>();
  for (const { stack } of Object.values(KEYS)) {
    const value = config.get(stack);
    if (value !== undefined && value !== null) values.set(stack, String(value));
  }
  stackConfig = { get: (key) => values.get(key) };
}

/**
 * The settings now: stack config recorded by {@link configureFromStack}, else the environment.
 * Resolved on every call (it is cheap) so a changed environment is seen at once.
 */
export function currentSettings(): Settings {
  return resolveSettings(stackConfig, process.env);
}

function lookup(name: KeyName, config: ConfigSource | undefined, env: NodeJS.ProcessEnv): Found | undefined {
  const { stack, env: envName } = KEYS[name];
  const fromStack = clean(config?.get(stack));
  if (fromStack !== undefined) return { value: fromStack, source: stack, fromStack: true };
  const fromEnv = clean(env[envName]);
  if (fromEnv !== undefined) return { value: fromEnv, source: envName, fromStack: false };
  return undefined;
}

/** Blank counts as unset: `export TWILIO_REGION=` is a common way to "unset" in CI files. */
function clean(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

/** Describes a bad value without echoing it: a misplaced auth token must not land in a log. */
function describe(value: string): string {
  return `${value.length} characters starting with "${value.slice(0, 2)}"`;
}

function validateAccountSid(found: Found): void {
  if (ACCOUNT_SID.test(found.value)) return;
  const hint = found.value.startsWith("SK")
    ? ` It looks like an API key SID: put it in twilio:apiKey (TWILIO_API_KEY) and the Account SID in ${found.source}.`
    : "";
  throw new SettingsError(
    `${found.source} is not an Account SID: expected "AC" followed by 32 hex characters, got ${describe(found.value)}.${hint} ` +
      `Copy the Account SID from the Twilio Console, then run pulumi config set twilio:accountSid AC... ` +
      `(or set TWILIO_ACCOUNT_SID).`,
  );
}

function validateApiKey(found: Found): void {
  if (API_KEY_SID.test(found.value)) return;
  const hint = found.value.startsWith("AC")
    ? " It looks like an Account SID: put it in twilio:accountSid (TWILIO_ACCOUNT_SID) instead."
    : "";
  throw new SettingsError(
    `${found.source} is not an API key SID: expected "SK" followed by 32 hex characters, got ${describe(found.value)}.${hint} ` +
      `Run pulumi config set twilio:apiKey SK... (or set TWILIO_API_KEY), or remove it to use an auth token.`,
  );
}

/**
 * The base URL: an explicit override wins over region and edge (an emulator or a proxy decides
 * its own routing); otherwise Twilio's regional host rules.
 */
function resolveBaseUrl(override: Found | undefined, region: Found | undefined, edge: Found | undefined): string {
  if (override) return validateBaseUrl(override);
  const regionName = region ? hostLabel(region, "a Twilio region such as us1, ie1 or au1") : undefined;
  const edgeName = edge ? hostLabel(edge, "a Twilio edge location such as ashburn, dublin or sydney") : undefined;
  if (edgeName) return `https://conversations.${edgeName}.${regionName ?? "us1"}.twilio.com`;
  if (regionName) return `https://conversations.${regionName}.twilio.com`;
  return DEFAULT_BASE_URL;
}

function hostLabel(found: Found, expected: string): string {
  const value = found.value.toLowerCase();
  if (!HOST_LABEL.test(value)) {
    throw new SettingsError(`${found.source} must be ${expected} (letters, digits and hyphens only).`);
  }
  return value;
}

function validateBaseUrl(found: Found): string {
  let url: URL;
  try {
    url = new URL(found.value);
  } catch {
    throw new SettingsError(`${found.source} is not a URL: expected something like https://conversations.twilio.com.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SettingsError(`${found.source} must be an https:// URL (got ${url.protocol}).`);
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    throw new SettingsError(
      `${found.source} uses plain http:// to ${url.hostname}, which would send the credentials unencrypted. ` +
        `Use https://, or http:// only to a loopback host (127.0.0.1, localhost, [::1]) such as the local emulator.`,
    );
  }
  if (url.username || url.password) {
    throw new SettingsError(`${found.source} must not hold credentials: set twilio:authToken or twilio:apiKey/twilio:apiSecret instead.`);
  }
  if (url.search || url.hash) {
    throw new SettingsError(`${found.source} must not have a query or fragment: give the origin and an optional path prefix.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** 127.0.0.0/8, localhost and ::1. `URL` has already normalised `127.1` and friends to dotted quads. */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function positiveNumber(found: Found | undefined, fallback: number, unit: string): number {
  if (!found) return fallback;
  const value = Number(found.value);
  if (!Number.isFinite(value) || value <= 0) {
    throw new SettingsError(`${found.source} must be a positive number of ${unit} (got "${found.value}").`);
  }
  return value;
}

function positiveInteger(found: Found | undefined, fallback: number): number {
  if (!found) return fallback;
  const value = Number(found.value);
  if (!Number.isInteger(value) || value < 1) {
    throw new SettingsError(`${found.source} must be a whole number of at least 1 (got "${found.value}").`);
  }
  return value;
}
