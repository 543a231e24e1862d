import { inspect } from "node:util";

import { Config as DynamicProviderConfig } from "@pulumi/pulumi/cmd/dynamic-provider/config";

import {
  CONFIG_NAMESPACE,
  type ConfigSource,
  configureFromStack,
  currentSettings,
  deprecationWarnings,
  resolveSettings,
  SettingsError,
} from "../../../provider/config";

const AC = "AC0123456789abcdef0123456789abcdef";
const AC2 = "ACfedcba9876543210fedcba9876543210";
const SK = "SK0123456789abcdef0123456789abcdef";
const TOKEN = "0123456789abcdef0123456789abcdef";
const SECRET = "api-secret-value-0123456789abcdef";

const stack = (values: Record<string, string>): ConfigSource => ({ get: (key) => values[key] });
const withToken = { TWILIO_ACCOUNT_SID: AC, TWILIO_AUTH_TOKEN: TOKEN };

/** The SettingsError a resolution throws (fails the test if none). */
function settingsError(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): SettingsError {
  try {
    resolveSettings(config, env);
  } catch (e) {
    expect(e).toBeInstanceOf(SettingsError);
    return e as SettingsError;
  }
  throw new Error("expected a SettingsError");
}

describe("resolveSettings: credentials", () => {
  it("reads an account SID and auth token from the environment, with the defaults", () => {
    const s = resolveSettings(undefined, withToken);
    expect({ ...s }).toEqual({
      accountSid: AC,
      username: AC,
      baseUrl: "https://conversations.twilio.com",
      operationTimeoutSeconds: 300,
      maxConcurrentRequests: 10,
      requestTimeoutMs: 30_000,
      retryTimeoutSeconds: 120,
    });
    expect(s.password).toBe(TOKEN);
  });

  it("prefers stack config to the environment, key by key", () => {
    const s = resolveSettings(stack({ "twilio:accountSid": AC2 }), withToken);
    expect(s.accountSid).toBe(AC2);
    expect(s.password).toBe(TOKEN); // the token still comes from the env
  });

  it("reads Pulumi's dynamic-provider Config object", () => {
    const config = new DynamicProviderConfig({ "twilio:username": AC, "twilio:password": TOKEN, "twilio:region": "au1" }, "proj");
    const s = resolveSettings(config, {});
    expect(s).toMatchObject({ accountSid: AC, baseUrl: "https://conversations.sydney.au1.twilio.com" });
    expect(s.password).toBe(TOKEN);
  });

  it("authenticates with an API key as the user, keeping the account SID", () => {
    const s = resolveSettings(stack({ "twilio:accountSid": AC, "twilio:username": SK, "twilio:password": SECRET }), {});
    expect(s).toMatchObject({ accountSid: AC, username: SK });
    expect(s.password).toBe(SECRET);
  });

  it("lets stack config's auth token win over an API key from the environment", () => {
    const s = resolveSettings(stack({ "twilio-conversations:authToken": TOKEN }), {
      TWILIO_ACCOUNT_SID: AC,
      TWILIO_API_KEY: SK,
      TWILIO_API_SECRET: SECRET,
    });
    expect(s.username).toBe(AC);
    expect(s.password).toBe(TOKEN);
  });

  it("uses the API key when key and token come from the same place", () => {
    const s = resolveSettings(undefined, { ...withToken, TWILIO_API_KEY: SK, TWILIO_API_SECRET: SECRET });
    expect(s.username).toBe(SK);
    expect(s.password).toBe(SECRET);
  });

  it("treats blank values as unset", () => {
    const s = resolveSettings(stack({ "twilio:region": "  " }), { ...withToken, TWILIO_EDGE: "" });
    expect(s.baseUrl).toBe("https://conversations.twilio.com");
  });

  it("names both ways to give credentials when there are none", () => {
    const e = settingsError(undefined, {});
    expect(e.message).toContain("pulumi config set twilio:accountSid");
    expect(e.message).toContain("pulumi config set twilio:username");
    expect(e.message).toContain("pulumi config set --secret twilio:password");
    expect(e.message).toContain("twilio-conversations:authToken");
    expect(e.message).toContain("twilio-conversations:apiKey");
    expect(e.message).toContain("TWILIO_ACCOUNT_SID");
    expect(e.message).toContain("TWILIO_AUTH_TOKEN");
    expect(e.message).toContain("TWILIO_API_KEY");
  });

  it("asks for the account SID when only a token is given", () => {
    const e = settingsError(undefined, { TWILIO_AUTH_TOKEN: TOKEN });
    expect(e.message).toMatch(/account SID is missing/);
    expect(e.message).toContain("TWILIO_ACCOUNT_SID");
  });

  it("asks for a token or key when only the account SID is given", () => {
    const e = settingsError(stack({ "twilio:accountSid": AC }), {});
    expect(e.message).toMatch(/No Twilio auth token or API key/);
    expect(e.message).toContain("pulumi config set --secret twilio:password");
  });

  it("refuses an API key without its secret, even when a token is there", () => {
    const e = settingsError(stack({ "twilio-conversations:apiKey": SK }), withToken);
    expect(e.message).toMatch(/^twilio-conversations:apiKey is set but its secret is missing/);
    expect(e.message).toContain("pulumi config set --secret twilio-conversations:apiSecret");
    expect(e.message).toContain("TWILIO_API_SECRET");
  });

  it("refuses an API secret without a key", () => {
    const e = settingsError(undefined, { TWILIO_ACCOUNT_SID: AC, TWILIO_API_SECRET: SECRET });
    expect(e.message).toMatch(/^TWILIO_API_SECRET is set but no API key SID/);
  });

  it("names the key and the fix for a malformed account SID, without echoing the value", () => {
    // The classic mistake: the token pasted into the SID slot. It must not reach a log.
    const e = settingsError(stack({ "twilio:accountSid": TOKEN, "twilio-conversations:authToken": TOKEN }), {});
    expect(e.message).toMatch(/^twilio:accountSid is not an Account SID: expected "AC" followed by 32 hex characters/);
    expect(e.message).toContain("pulumi config set twilio:accountSid AC...");
    expect(e.message).not.toContain(TOKEN);
  });

  it("spots an API key SID in the account SID slot", () => {
    const e = settingsError(undefined, { TWILIO_ACCOUNT_SID: SK, TWILIO_AUTH_TOKEN: TOKEN });
    expect(e.message).toMatch(/^TWILIO_ACCOUNT_SID is not an Account SID/);
    expect(e.message).toContain("looks like an API key SID");
  });

  it.each(["SK123", "sk0123456789abcdef0123456789abcdef", `${SK}0`, AC])("refuses the API key SID %p", (key) => {
    const e = settingsError(undefined, { TWILIO_ACCOUNT_SID: AC, TWILIO_API_KEY: key, TWILIO_API_SECRET: SECRET });
    expect(e.message).toMatch(/^TWILIO_API_KEY is not an API key SID: expected "SK" followed by 32 hex characters/);
  });
});

describe("resolveSettings: the password stays hidden", () => {
  const s = resolveSettings(undefined, { TWILIO_ACCOUNT_SID: AC, TWILIO_API_KEY: SK, TWILIO_API_SECRET: SECRET });

  it("is readable but not enumerable", () => {
    expect(s.password).toBe(SECRET);
    expect(Object.keys(s)).not.toContain("password");
    expect(Object.getOwnPropertyDescriptor(s, "password")?.enumerable).toBe(false);
  });

  it("appears in no JSON, inspect output or spread copy", () => {
    expect(JSON.stringify(s)).not.toContain(SECRET);
    expect(inspect(s, { depth: 5 })).not.toContain(SECRET);
    expect(JSON.stringify({ ...s })).not.toContain(SECRET);
    expect(`${JSON.stringify([s])} ${inspect({ nested: { s } })}`).not.toContain(SECRET);
  });

  it("cannot be changed", () => {
    expect(Object.isFrozen(s)).toBe(true);
  });
});

describe("resolveSettings: host", () => {
  it.each<[Record<string, string>, string]>([
    [{}, "https://conversations.twilio.com"],
    // A region alone goes with its edge, as Twilio's SDKs map them (region-only hosts were retired in 2026).
    [{ TWILIO_REGION: "ie1" }, "https://conversations.dublin.ie1.twilio.com"],
    [{ TWILIO_REGION: "IE1" }, "https://conversations.dublin.ie1.twilio.com"],
    [{ TWILIO_REGION: "au1" }, "https://conversations.sydney.au1.twilio.com"],
    [{ TWILIO_REGION: "us1" }, "https://conversations.ashburn.us1.twilio.com"],
    [{ TWILIO_REGION: "ie1", TWILIO_EDGE: "frankfurt" }, "https://conversations.frankfurt.ie1.twilio.com"],
    [{ TWILIO_REGION: "au1", TWILIO_EDGE: "sydney" }, "https://conversations.sydney.au1.twilio.com"],
    [{ TWILIO_EDGE: "ashburn" }, "https://conversations.ashburn.us1.twilio.com"],
  ])("%p gives %s", (env, url) => {
    expect(resolveSettings(undefined, { ...withToken, ...env }).baseUrl).toBe(url);
  });

  it("takes region and edge from stack config before the environment", () => {
    const s = resolveSettings(stack({ "twilio:region": "au1", "twilio:edge": "sydney" }), {
      ...withToken,
      TWILIO_REGION: "ie1",
      TWILIO_EDGE: "dublin",
    });
    expect(s.baseUrl).toBe("https://conversations.sydney.au1.twilio.com");
  });

  it.each(["ie1.evil.example", "ie1/", "a b", "x@y", "-ie1"])("refuses the region %p", (region) => {
    expect(settingsError(undefined, { ...withToken, TWILIO_REGION: region }).message).toMatch(/^TWILIO_REGION must be a Twilio region/);
  });

  it("refuses a region it knows no edge for, asking for the edge", () => {
    expect(settingsError(undefined, { ...withToken, TWILIO_REGION: "zz9" }).message).toMatch(
      /^TWILIO_REGION is zz9, a region this package knows no edge for, and a region goes with an edge .*set twilio:edge \(TWILIO_EDGE\)/,
    );
    expect(resolveSettings(undefined, { ...withToken, TWILIO_REGION: "zz9", TWILIO_EDGE: "somewhere" }).baseUrl).toBe(
      "https://conversations.somewhere.zz9.twilio.com",
    );
  });

  it("refuses a malformed edge", () => {
    expect(settingsError(stack({ "twilio:edge": "dub.lin" }), withToken).message).toMatch(/^twilio:edge must be a Twilio edge location/);
  });

  it.each<[string, string]>([
    ["https://proxy.example.com/", "https://proxy.example.com"],
    ["https://proxy.example.com/twilio//", "https://proxy.example.com/twilio"],
    ["http://127.0.0.1:4010/", "http://127.0.0.1:4010"],
    ["http://127.1.2.3:4010", "http://127.1.2.3:4010"],
    ["http://localhost:4010", "http://localhost:4010"],
    ["http://LOCALHOST:4010", "http://localhost:4010"],
    ["http://[::1]:4010", "http://[::1]:4010"],
  ])("accepts the base URL %s as %s", (url, expected) => {
    expect(resolveSettings(undefined, { ...withToken, TWILIO_CONVERSATIONS_BASE_URL: url }).baseUrl).toBe(expected);
  });

  it("lets a base URL override win over region and edge", () => {
    const s = resolveSettings(stack({ "twilio-conversations:baseUrl": "http://127.0.0.1:9" }), { ...withToken, TWILIO_REGION: "ie1" });
    expect(s.baseUrl).toBe("http://127.0.0.1:9");
  });

  it.each(["http://example.com", "http://10.0.0.1:4010", "http://127.0.0.1.evil.example", "http://[::2]:4010", "http://0.0.0.0:4010"])(
    "refuses plain http to the non-loopback %s",
    (url) => {
      const e = settingsError(stack({ "twilio-conversations:baseUrl": url }), withToken);
      expect(e.message).toMatch(/^twilio-conversations:baseUrl uses plain http:\/\/ to .*unencrypted/);
      expect(e.message).toContain("loopback");
    },
  );

  it.each<[string, RegExp]>([
    ["not a url", /is not a URL/],
    ["ftp://conversations.twilio.com", /must be an https:\/\/ URL/],
    ["https://AC1:tok@proxy.example.com", /must not hold credentials/],
    ["https://proxy.example.com/?x=1", /must not have a query/],
  ])("refuses the base URL %p", (url, message) => {
    expect(settingsError(undefined, { ...withToken, TWILIO_CONVERSATIONS_BASE_URL: url }).message).toMatch(
      new RegExp(`^TWILIO_CONVERSATIONS_BASE_URL ${message.source}`),
    );
  });
});

describe("resolveSettings: numbers", () => {
  it("reads the operation timeout and the in-flight limit, stack config first", () => {
    const s = resolveSettings(stack({ "twilio-conversations:operationTimeout": "120" }), {
      ...withToken,
      TWILIO_OPERATION_TIMEOUT: "60",
      TWILIO_MAX_CONCURRENT_REQUESTS: "4",
    });
    expect(s.operationTimeoutSeconds).toBe(120);
    expect(s.maxConcurrentRequests).toBe(4);
  });

  it("reads the retry time budget, stack config first, and refuses a non-positive one", () => {
    expect(
      resolveSettings(stack({ "twilio-conversations:retryTimeout": "30" }), { ...withToken, TWILIO_RETRY_TIMEOUT: "600" })
        .retryTimeoutSeconds,
    ).toBe(30);
    expect(resolveSettings(undefined, { ...withToken, TWILIO_RETRY_TIMEOUT: "0.5" }).retryTimeoutSeconds).toBe(0.5);
    expect(settingsError(undefined, { ...withToken, TWILIO_RETRY_TIMEOUT: "0" }).message).toMatch(
      /^TWILIO_RETRY_TIMEOUT must be a positive number of seconds/,
    );
  });

  it.each(["0", "-5", "soon", "Infinity"])("refuses the operation timeout %p", (value) => {
    expect(settingsError(undefined, { ...withToken, TWILIO_OPERATION_TIMEOUT: value }).message).toMatch(
      /^TWILIO_OPERATION_TIMEOUT must be a positive number of seconds/,
    );
  });

  it.each(["0", "2.5", "many"])("refuses the in-flight limit %p", (value) => {
    expect(settingsError(stack({ "twilio-conversations:maxConcurrentRequests": value }), withToken).message).toMatch(
      /^twilio-conversations:maxConcurrentRequests must be a whole number of at least 1/,
    );
  });
});

describe("configureFromStack and currentSettings", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    configureFromStack(stack({}));
  });

  it("uses the recorded stack config first and the process environment after it, on every call", () => {
    for (const key of Object.keys(process.env)) if (key.startsWith("TWILIO_")) delete process.env[key];
    process.env.TWILIO_ACCOUNT_SID = AC2;
    process.env.TWILIO_AUTH_TOKEN = TOKEN;
    expect(currentSettings().accountSid).toBe(AC2);

    configureFromStack(new DynamicProviderConfig({ "twilio:accountSid": AC, "proj:other": "x" }, "proj"));
    expect(currentSettings().accountSid).toBe(AC);
    expect(currentSettings().password).toBe(TOKEN);

    process.env.TWILIO_REGION = "ie1";
    expect(currentSettings().baseUrl).toBe("https://conversations.dublin.ie1.twilio.com");
  });

  it("keeps its own copy of the stack values", () => {
    for (const key of Object.keys(process.env)) if (key.startsWith("TWILIO_")) delete process.env[key];
    const raw: Record<string, string> = { "twilio:username": AC, "twilio:password": TOKEN };
    configureFromStack(new DynamicProviderConfig(raw, "proj"));
    raw["twilio:username"] = AC2;
    expect(currentSettings().accountSid).toBe(AC);
  });
});

describe("namespaces: beside a Terraform-bridged Twilio provider", () => {
  // The keys the bridge knows in `twilio:` (its schema.json config variables); it rejects any other.
  const BRIDGE_KEYS = ["accountSid", "username", "password", "region", "edge"];

  it("is named after the package", () => {
    expect(CONFIG_NAMESPACE).toBe("twilio-conversations");
  });

  it("runs on the bridge's keys plus its own namespace alone", () => {
    const values = {
      "twilio:accountSid": AC,
      "twilio:username": SK,
      "twilio:password": SECRET,
      "twilio:region": "ie1",
      "twilio-conversations:baseUrl": "http://127.0.0.1:4010",
      "twilio-conversations:operationTimeout": "30",
      "twilio-conversations:maxConcurrentRequests": "3",
    };
    const twilioKeys = Object.keys(values).filter((k) => k.startsWith("twilio:"));
    expect(twilioKeys.every((k) => BRIDGE_KEYS.includes(k.slice("twilio:".length)))).toBe(true);
    const s = resolveSettings(stack(values), {});
    expect(s).toMatchObject({
      accountSid: AC,
      username: SK,
      baseUrl: "http://127.0.0.1:4010",
      operationTimeoutSeconds: 30,
      maxConcurrentRequests: 3,
    });
    expect(s.password).toBe(SECRET);
    expect(deprecationWarnings(stack(values))).toEqual([]);
  });

  it("takes the account from twilio:username with the auth token in twilio:password", () => {
    const s = resolveSettings(stack({ "twilio:username": AC, "twilio:password": TOKEN }), {});
    expect(s).toMatchObject({ accountSid: AC, username: AC });
    expect(s.password).toBe(TOKEN);
  });

  it("accepts twilio:accountSid equal to the account in twilio:username", () => {
    const s = resolveSettings(stack({ "twilio:accountSid": AC, "twilio:username": AC, "twilio:password": TOKEN }), {});
    expect(s.username).toBe(AC);
  });

  it("refuses a parent account's auth token for another account (the bridge's subaccount form)", () => {
    const e = settingsError(stack({ "twilio:accountSid": AC2, "twilio:username": AC, "twilio:password": SECRET }), {});
    expect(e.message).toMatch(/^twilio:username is the account AC0123.* but twilio:accountSid is ACfedc/);
    expect(e.message).toContain("subaccount");
    expect(e.message).not.toContain(SECRET);
  });

  it("lets this package's own namespace win over the shared keys, and those over the deprecated ones", () => {
    const s = resolveSettings(
      stack({
        "twilio-conversations:accountSid": AC2,
        "twilio-conversations:authToken": "own-token",
        "twilio:accountSid": AC,
        "twilio:username": SK,
        "twilio:password": SECRET,
        "twilio-conversations:region": "au1",
        "twilio:region": "ie1",
        "twilio-conversations:baseUrl": "http://127.0.0.1:1",
        "twilio:baseUrl": "http://127.0.0.1:2",
      }),
      {},
    );
    expect(s).toMatchObject({ accountSid: AC2, username: AC2, baseUrl: "http://127.0.0.1:1" });
    expect(s.password).toBe("own-token");
    expect(resolveSettings(stack({ "twilio-conversations:region": "au1", "twilio:region": "ie1" }), withToken).baseUrl).toBe(
      "https://conversations.sydney.au1.twilio.com",
    );
    const shared = resolveSettings(stack({ "twilio:username": AC, "twilio:password": TOKEN, "twilio:authToken": "old" }), {});
    expect(shared.password).toBe(TOKEN);
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ "twilio:password": TOKEN }, /^twilio:password is set but twilio:username is not/],
    [{ "twilio:username": AC }, /^twilio:username is set but twilio:password is not: pulumi config set --secret twilio:password/],
    [
      { "twilio:username": "admin", "twilio:password": TOKEN },
      /^twilio:username must be an Account SID .* or an API key SID .*got 5 characters starting with "ad"/,
    ],
  ])("names the fix for the incomplete or malformed pair %p", (values, message) => {
    const e = settingsError(stack(values), withToken);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain(values["twilio:password"] ?? "never");
  });
});

describe("deprecated twilio: keys", () => {
  const OLD = {
    "twilio:authToken": TOKEN,
    "twilio:apiKey": SK,
    "twilio:apiSecret": SECRET,
    "twilio:baseUrl": "http://127.0.0.1:4010",
    "twilio:operationTimeout": "60",
    "twilio:maxConcurrentRequests": "2",
  };

  it("are still read, below this package's namespace and the shared keys", () => {
    const s = resolveSettings(stack({ "twilio:accountSid": AC, ...OLD }), {});
    expect(s).toMatchObject({
      accountSid: AC,
      username: SK,
      baseUrl: "http://127.0.0.1:4010",
      operationTimeoutSeconds: 60,
      maxConcurrentRequests: 2,
    });
    expect(s.password).toBe(SECRET);
  });

  it("each get one warning naming the replacement, never the value", () => {
    const messages = deprecationWarnings(stack(OLD));
    expect(messages).toHaveLength(6);
    for (const [key, value] of Object.entries(OLD)) {
      const message = messages.find((m) => m.includes(`stack config ${key} is deprecated`))!;
      expect(message).toContain(`pulumi config rm ${key} && pulumi config set`);
      expect(message).toContain(`twilio-conversations:${key.slice("twilio:".length)} <value>`);
      expect(message).not.toContain(value);
    }
    expect(messages.find((m) => m.includes("twilio:authToken"))).toContain("config set --secret twilio-conversations:authToken");
    expect(messages.find((m) => m.includes("twilio:authToken"))).toContain("twilio:password (with twilio:username set to the account SID)");
    expect(messages.find((m) => m.includes("twilio:baseUrl"))).not.toContain("--secret");
    expect(deprecationWarnings(stack({ "twilio:username": AC, "twilio:password": TOKEN, "twilio-conversations:baseUrl": "x" }))).toEqual(
      [],
    );
  });

  it("are reported once by configureFromStack, through the warn function", () => {
    const warn = jest.fn();
    configureFromStack(
      new DynamicProviderConfig({ "twilio:accountSid": AC, "twilio:authToken": TOKEN, "twilio:baseUrl": "http://127.0.0.1:1" }, "p"),
      warn,
    );
    expect(warn.mock.calls.map(([m]) => (m as string).split(" is deprecated")[0])).toEqual([
      "warning: stack config twilio:authToken",
      "warning: stack config twilio:baseUrl",
    ]);
    configureFromStack(stack({}), warn);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
