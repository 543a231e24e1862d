/**
 * Settings and credentials for the provider: stack config first, then environment.
 *
 * Credentials are never resource inputs: the dynamic-provider host receives the stack config
 * through `configure()` (see {@link configureFromStack}) and everything else comes from its
 * environment. The password is kept off every enumerable surface so that no log line, error or
 * JSON dump of the settings can carry it.
 *
 * Where the keys live (README "Settings"). A stack may also hold a Terraform-bridged Twilio
 * provider (pulumiverse-style `twilio` packages bridging twilio/terraform-provider-twilio), which
 * owns the `twilio:` namespace and rejects every key there that it does not know ("`twilio:x` is
 * not a valid configuration key for the twilio provider", pulumi-terraform-bridge
 * pkg/tfbridge/provider_test.go). Its keys are `accountSid`, `username`, `password`, `region` and
 * `edge` (the bridge's schema.json, e.g. nellisauction/pulumi-twilio
 * provider/cmd/pulumi-resource-twilio/schema.json). So:
 * - this package's own settings live in its own namespace, `twilio-conversations:` (Pulumi's
 *   convention: a package's config namespace is its name);
 * - the credentials can be the bridge's: `twilio:username` (the account SID, or an API key SID)
 *   and `twilio:password` (the auth token, or the API key's secret), with `twilio:accountSid`,
 *   `twilio:region` and `twilio:edge`, so one set serves both providers;
 * - the keys this package used to read in `twilio:` (`authToken`, `apiKey`, `apiSecret`,
 *   `baseUrl`, `operationTimeout`, `maxConcurrentRequests`) still work, with a deprecation
 *   warning, because a stack without the bridge is not broken by them.
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
/** This package's own stack config namespace: `pulumi config set twilio-conversations:baseUrl ...`. */
export const CONFIG_NAMESPACE = "twilio-conversations";
const DEFAULT_OPERATION_TIMEOUT_SECONDS = 300;
const DEFAULT_MAX_CONCURRENT_REQUESTS = 10;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
// Long enough to ride out another program's burst on the same account, short enough that a
// deploy against an account that stays full fails with a clear message within minutes.
const DEFAULT_RETRY_TIMEOUT_SECONDS = 120;

const own = (key: string) => `${CONFIG_NAMESPACE}:${key}`;

/**
 * Each setting's places, in order of precedence: this package's namespace, the key it shares with
 * a bridged Twilio provider, the deprecated `twilio:` key, then the environment variable.
 */
interface KeySpec {
  readonly own: string;
  readonly shared?: string;
  readonly deprecated?: string;
  readonly env: string;
}

const KEYS = {
  accountSid: { own: own("accountSid"), shared: "twilio:accountSid", env: "TWILIO_ACCOUNT_SID" },
  authToken: { own: own("authToken"), deprecated: "twilio:authToken", env: "TWILIO_AUTH_TOKEN" },
  apiKey: { own: own("apiKey"), deprecated: "twilio:apiKey", env: "TWILIO_API_KEY" },
  apiSecret: { own: own("apiSecret"), deprecated: "twilio:apiSecret", env: "TWILIO_API_SECRET" },
  region: { own: own("region"), shared: "twilio:region", env: "TWILIO_REGION" },
  edge: { own: own("edge"), shared: "twilio:edge", env: "TWILIO_EDGE" },
  baseUrl: { own: own("baseUrl"), deprecated: "twilio:baseUrl", env: "TWILIO_CONVERSATIONS_BASE_URL" },
  operationTimeout: { own: own("operationTimeout"), deprecated: "twilio:operationTimeout", env: "TWILIO_OPERATION_TIMEOUT" },
  maxConcurrentRequests: {
    own: own("maxConcurrentRequests"),
    deprecated: "twilio:maxConcurrentRequests",
    env: "TWILIO_MAX_CONCURRENT_REQUESTS",
  },
  retryTimeout: { own: own("retryTimeout"), env: "TWILIO_RETRY_TIMEOUT" },
} as const satisfies Record<string, KeySpec>;

/** The bridge's credential pair: the Basic-auth user and password (twilio-go's `Username`, `Password`). */
const SHARED_USERNAME = "twilio:username";
const SHARED_PASSWORD = "twilio:password";

type KeyName = keyof typeof KEYS;

/** Where a value was found; a lower rank wins. */
const Rank = { own: 0, shared: 1, deprecated: 2, env: 3 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

/** A value found for a setting, with the name it was found under (for messages). */
interface Found {
  readonly value: string;
  readonly source: string;
  readonly rank: Rank;
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;
// Region and edge become part of a host name: letters, digits and inner hyphens only, so no
// value can smuggle a different host in ("evil.com/", "x@y").
const HOST_LABEL = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const MISSING_CREDENTIALS_HELP =
  "Set them in the stack config (the keys a Terraform-bridged Twilio provider reads too):\n" +
  "  pulumi config set twilio:accountSid AC...\n" +
  "  pulumi config set twilio:username SK...            (an API key; or the account SID AC... to use the auth token)\n" +
  "  pulumi config set --secret twilio:password ...     (the API key's secret, or the auth token)\n" +
  `or in this package's own namespace (${own("accountSid")} with --secret ${own("authToken")}, or ${own("apiKey")} with --secret ${own("apiSecret")}),\n` +
  "or in the environment: TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY with TWILIO_API_SECRET).";

/**
 * Resolves and validates the settings from `config` (stack config), then `env`. For each setting
 * the first place that has a value wins: `twilio-conversations:<key>`, then the `twilio:` key a
 * bridged Twilio provider shares (`accountSid`, `region`, `edge`, and `username`/`password` for the
 * credentials), then the deprecated `twilio:<key>`, then the environment variable.
 *
 * Credentials: an API key (`apiKey` + `apiSecret`) or an auth token, always with the account SID.
 * When both an API key and an auth token are present, the one found in the higher-precedence place
 * wins; in the same place the API key wins, as Twilio recommends keys. `twilio:username` is an API
 * key when it starts with `SK`, else the account SID whose auth token `twilio:password` holds.
 *
 * @param config stack config; omitted means environment only
 * @param env defaults to `process.env`
 * @throws SettingsError naming the key at fault and how to fix it
 */
export function resolveSettings(config?: ConfigSource, env: NodeJS.ProcessEnv = process.env): Settings {
  const find = (name: KeyName): Found | undefined => lookup(name, config, env);
  const shared = sharedCredentials(config);

  const accountSid = best(find("accountSid"), shared?.kind === "token" ? shared.user : undefined);
  const authToken = best(find("authToken"), shared?.kind === "token" ? shared.password : undefined);
  const apiKey = best(find("apiKey"), shared?.kind === "key" ? shared.user : undefined);
  const apiSecret = best(find("apiSecret"), shared?.kind === "key" ? shared.password : undefined);

  if (!accountSid && !authToken && !apiKey && !apiSecret) {
    throw new SettingsError(`No Twilio credentials found. ${MISSING_CREDENTIALS_HELP}`);
  }
  if (!accountSid) {
    throw new SettingsError(`The Twilio account SID is missing (it is required with an API key too). ${MISSING_CREDENTIALS_HELP}`);
  }
  validateAccountSid(accountSid);

  let username: string;
  let password: string;
  const useApiKey = apiKey !== undefined && (authToken === undefined || apiKey.rank <= authToken.rank);
  if (useApiKey && apiKey) {
    validateApiKey(apiKey);
    if (!apiSecret) {
      throw new SettingsError(
        `${apiKey.source} is set but its secret is missing: run pulumi config set --secret ${own("apiSecret")} ... ` +
          `or set TWILIO_API_SECRET (or remove the API key and use an auth token).`,
      );
    }
    username = apiKey.value;
    password = apiSecret.value;
  } else if (authToken) {
    if (shared?.kind === "token" && authToken === shared.password && accountSid.value !== shared.user.value) {
      // The bridge reads twilio:accountSid as a subaccount reached with the parent's credentials,
      // which works for the 2010 API only; the Conversations API acts on the credentials' own
      // account (https://www.twilio.com/docs/iam/api/subaccounts). Refuse rather than write to
      // the parent account while recording the subaccount.
      throw new SettingsError(
        `${SHARED_USERNAME} is the account ${shared.user.value} but ${accountSid.source} is ${accountSid.value}: ` +
          `the Conversations API acts on the account whose auth token is used, so it cannot reach another account ` +
          `(a subaccount) with it. Use that account's own auth token or an API key created in it: ` +
          `pulumi config set twilio:username SK... and pulumi config set --secret twilio:password ... ` +
          `(or ${own("accountSid")} with --secret ${own("authToken")}).`,
      );
    }
    username = accountSid.value;
    password = authToken.value;
  } else if (apiSecret) {
    throw new SettingsError(
      `${apiSecret.source} is set but no API key SID goes with it: run pulumi config set ${own("apiKey")} SK... ` +
        `or set TWILIO_API_KEY.`,
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

/** Every stack config key the settings may come from. */
const STACK_KEYS: readonly string[] = [
  ...Object.values(KEYS as Record<string, KeySpec>).flatMap((k) => [k.own, k.shared, k.deprecated].filter((x): x is string => !!x)),
  SHARED_USERNAME,
  SHARED_PASSWORD,
];

let stackConfig: ConfigSource | undefined;

/**
 * Records the stack config handed to a provider's `configure()`. The values of the known keys are
 * copied, so the result does not depend on the lifetime of Pulumi's object. A deprecated key that
 * is set is reported once through `warn` (by default to stderr, which the Pulumi CLI shows among
 * the stack's diagnostics); the message names the key and its replacement, never the value.
 */
export function configureFromStack(config: ConfigSource, warn: (message: string) => void = (m) => console.error(m)): void {
  const values = new Map<string, string>();
  for (const key of STACK_KEYS) {
    const value = config.get(key);
    if (value !== undefined && value !== null) values.set(key, String(value));
  }
  stackConfig = { get: (key) => values.get(key) };
  for (const message of deprecationWarnings(stackConfig)) warn(message);
}

/**
 * One message per deprecated `twilio:` key set in `config`, naming the key to use instead.
 * Values are never included (some are secrets).
 */
export function deprecationWarnings(config: ConfigSource): string[] {
  const messages: string[] = [];
  for (const spec of Object.values(KEYS as Record<string, KeySpec>)) {
    if (!spec.deprecated || clean(config.get(spec.deprecated)) === undefined) continue;
    const secret = spec.deprecated === KEYS.authToken.deprecated || spec.deprecated === KEYS.apiSecret.deprecated;
    const instead =
      spec === KEYS.authToken
        ? `twilio:password (with twilio:username set to the account SID), or ${spec.own}`
        : spec === KEYS.apiKey
          ? `twilio:username (with twilio:password set to its secret), or ${spec.own}`
          : spec === KEYS.apiSecret
            ? `twilio:password (with twilio:username set to the API key), or ${spec.own}`
            : spec.own;
    messages.push(
      `warning: stack config ${spec.deprecated} is deprecated and still read for now: a Terraform-bridged Twilio provider ` +
        `in the same stack rejects keys it does not know in the twilio: namespace. Use ${instead}: ` +
        `pulumi config rm ${spec.deprecated} && pulumi config set${secret ? " --secret" : ""} ${spec.own} <value>`,
    );
  }
  return messages;
}

/**
 * The settings now: stack config recorded by {@link configureFromStack}, else the environment.
 * Resolved on every call (it is cheap) so a changed environment is seen at once.
 */
export function currentSettings(): Settings {
  return resolveSettings(stackConfig, process.env);
}

function lookup(name: KeyName, config: ConfigSource | undefined, env: NodeJS.ProcessEnv): Found | undefined {
  const spec: KeySpec = KEYS[name];
  const places: [string | undefined, Rank][] = [
    [spec.own, Rank.own],
    [spec.shared, Rank.shared],
    [spec.deprecated, Rank.deprecated],
  ];
  for (const [key, rank] of places) {
    const value = key ? clean(config?.get(key)) : undefined;
    if (key && value !== undefined) return { value, source: key, rank };
  }
  const fromEnv = clean(env[spec.env]);
  if (fromEnv !== undefined) return { value: fromEnv, source: spec.env, rank: Rank.env };
  return undefined;
}

/** The better-ranked of two finds (the first on a tie). */
function best(a: Found | undefined, b: Found | undefined): Found | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.rank < a.rank ? b : a;
}

/** The bridge's `twilio:username` + `twilio:password`, as an auth token pair or an API key pair. */
type SharedCredentials = { kind: "token" | "key"; user: Found; password: Found };

function sharedCredentials(config: ConfigSource | undefined): SharedCredentials | undefined {
  const value = (key: string) => clean(config?.get(key));
  const user = value(SHARED_USERNAME);
  const password = value(SHARED_PASSWORD);
  if (user === undefined && password === undefined) return undefined;
  if (user === undefined) {
    throw new SettingsError(
      `${SHARED_PASSWORD} is set but ${SHARED_USERNAME} is not: set it to the account SID (with the auth token as the password) ` +
        `or to an API key SID (with its secret): pulumi config set ${SHARED_USERNAME} AC... (or SK...).`,
    );
  }
  if (password === undefined) {
    throw new SettingsError(
      `${SHARED_USERNAME} is set but ${SHARED_PASSWORD} is not: pulumi config set --secret ${SHARED_PASSWORD} ... ` +
        `(the auth token when the username is the account SID, the API key's secret when it is an API key).`,
    );
  }
  const found = (v: string, source: string): Found => ({ value: v, source, rank: Rank.shared });
  if (ACCOUNT_SID.test(user)) return { kind: "token", user: found(user, SHARED_USERNAME), password: found(password, SHARED_PASSWORD) };
  if (API_KEY_SID.test(user)) return { kind: "key", user: found(user, SHARED_USERNAME), password: found(password, SHARED_PASSWORD) };
  throw new SettingsError(
    `${SHARED_USERNAME} must be an Account SID ("AC" followed by 32 hex characters, with the auth token in ${SHARED_PASSWORD}) ` +
      `or an API key SID ("SK" followed by 32 hex characters, with its secret), got ${describe(user)}.`,
  );
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
    ? ` It looks like an API key SID: put it in twilio:username (with its secret in twilio:password) or TWILIO_API_KEY, and the Account SID in ${found.source}.`
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
      `Set an API key SID (SK...) there (or TWILIO_API_KEY), or remove it to use an auth token.`,
  );
}

/**
 * The base URL: an explicit override wins over region and edge (an emulator or a proxy decides
 * its own routing); otherwise Twilio's regional host rules.
 */
/**
 * The edge each Twilio region is reached through when only the region is set, as Twilio's own SDKs
 * map them since regional processing (twilio-java `Twilio.regionMap`, twilio-csharp
 * `TwilioRestClient.RegionToEdgeMap`, both of November 2025). A region alone no longer names a host:
 * the `<product>.<region>.twilio.com` pattern stopped working on April 28, 2026, and the form is
 * `<product>.<edge>.<region>.twilio.com` (https://www.twilio.com/docs/global-infrastructure/edge-locations/legacy-regions,
 * https://www.twilio.com/docs/global-infrastructure/using-the-twilio-rest-api-in-a-non-us-region).
 */
const DEFAULT_EDGE_OF_REGION: Readonly<Record<string, string>> = {
  au1: "sydney",
  br1: "sao-paulo",
  de1: "frankfurt",
  ie1: "dublin",
  jp1: "tokyo",
  jp2: "osaka",
  sg1: "singapore",
  us1: "ashburn",
  us2: "umatilla",
};

function resolveBaseUrl(override: Found | undefined, region: Found | undefined, edge: Found | undefined): string {
  if (override) return validateBaseUrl(override);
  const regionName = region ? hostLabel(region, "a Twilio region such as us1, ie1 or au1") : undefined;
  const edgeName = edge ? hostLabel(edge, "a Twilio edge location such as ashburn, dublin or sydney") : undefined;
  // An edge without a region means us1 (Twilio's SDKs and the docs' examples do the same).
  if (edgeName) return `https://conversations.${edgeName}.${regionName ?? "us1"}.twilio.com`;
  if (regionName) {
    const defaultEdge = DEFAULT_EDGE_OF_REGION[regionName];
    if (defaultEdge === undefined) {
      throw new SettingsError(
        `${region!.source} is ${regionName}, a region this package knows no edge for, and a region goes with an edge ` +
          `(the <product>.<region>.twilio.com hosts stopped working on April 28, 2026): set twilio:edge (TWILIO_EDGE) ` +
          `to the region's edge location as well (https://www.twilio.com/docs/global-infrastructure/edge-locations).`,
      );
    }
    return `https://conversations.${defaultEdge}.${regionName}.twilio.com`;
  }
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
    throw new SettingsError(
      `${found.source} must not hold credentials: set twilio:username and twilio:password (or TWILIO_AUTH_TOKEN, TWILIO_API_KEY/TWILIO_API_SECRET) instead.`,
    );
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
