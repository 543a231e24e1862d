/**
 * "An account" for the integration and e2e tests: the bundled emulator by default, or a real Twilio
 * account when the user opts in. One switch, read here and nowhere else:
 *
 *   TWILIO_LIVE_TESTS=1  TWILIO_ACCOUNT_SID=AC...  TWILIO_AUTH_TOKEN=...  (or TWILIO_API_KEY + TWILIO_API_SECRET)
 *
 * In live mode every request goes through a loopback recording proxy (recording-proxy.ts), which
 * gives the tests the same request log the emulator keeps and records every object created; names
 * the tests give go through {@link TestAccount.name}, which prefixes them with the run's id; each
 * test file deletes what it created in its `afterAll`, and the run's global teardown puts the
 * singletons back and deletes anything left with the run prefix (live-cleanup.ts). Tests that need
 * what only the emulator has (fault injection, its clock, a fresh account, its state dump) are
 * declared with {@link emulatorOnly}, which skips them live and prints why.
 */
import type { EmulatorOptions } from "../../emulator/context";
import type { RunningEmulator } from "../../emulator/server";
import { configureFromStack, resolveSettings } from "../../provider/config";
import { TwilioClient } from "../../provider/http/client";
import { type EmulatorStack, startEmulatorStack } from "./emulator-stack";
import { cleanUp, fileRegistry } from "./live-cleanup";
import { type CreatedObject, type RecordingProxy, startRecordingProxy } from "./recording-proxy";

/** The environment variable that switches the suites to a real account. */
export const LIVE_SWITCH = "TWILIO_LIVE_TESTS";
/** Set by the global setup of a live run: the run's name prefix, and the folder with its registry and snapshot. */
export const RUN_ID_VARIABLE = "TWILIO_LIVE_RUN_ID";
export const RUN_DIR_VARIABLE = "TWILIO_LIVE_RUN_DIR";

/** Whether this run is against a real account. */
export function isLive(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[LIVE_SWITCH] === "1";
}

/** The run's prefix for every name a test gives: `tc` + the run id + `-` (short: orchestrator display names stop at 32). */
export function runPrefix(runId: string): string {
  return `tc${runId}-`;
}

/**
 * The live account's settings from the environment, as the provider reads them (`TWILIO_ACCOUNT_SID`,
 * `TWILIO_AUTH_TOKEN` or `TWILIO_API_KEY` + `TWILIO_API_SECRET`, `TWILIO_REGION`, `TWILIO_EDGE`,
 * `TWILIO_CONVERSATIONS_BASE_URL`). Throws, saying what to set, when they are missing.
 */
export function liveSettings(env: NodeJS.ProcessEnv = process.env) {
  try {
    return resolveSettings(undefined, env);
  } catch (e) {
    throw new Error(
      `${LIVE_SWITCH}=1 runs the tests against a real Twilio account, and needs its credentials in the environment: ` +
        `TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET). ${(e as Error).message}`,
      { cause: e },
    );
  }
}

/** A request as tests assert it: what was sent and the status that came back (0: dropped). */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
  status: number;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
}

/** What a test file gets: the emulator or a live account behind the same interface. */
export interface TestAccount {
  readonly live: boolean;
  /** The origin the code under test talks to (the emulator, or the live run's recording proxy). */
  readonly url: string;
  readonly accountSid: string;
  /** Stack config as `pulumi config` would hold it, for the in-process providers or the engine stand-in. */
  readonly config: Record<string, string>;
  /** Keys of {@link config} that are secret. */
  readonly secretKeys: string[];
  /** A client on the same account, for changes made (and state read) behind Pulumi's back. */
  readonly outOfBand: TwilioClient;
  /** A name for something the test creates: unchanged on the emulator, with the run prefix live. */
  name(base: string): string;
  /** The requests sent since the last clear (the emulator's log, or the live run's proxy log). */
  requests(): SentRequest[];
  clearRequests(): void;
  /** The emulator itself; only in emulator mode (tests using it are {@link emulatorOnly}). */
  readonly emulator: RunningEmulator;
}

/**
 * `it` on the emulator; live, `it.skip`, with the reason printed when the file is collected. For
 * tests that need what only the emulator has: `emulatorOnly("injects faults")("retries a 503", ...)`.
 */
export function emulatorOnly(reason: string): jest.It {
  if (!isLive()) return it;
  const skip = ((name: string, fn?: jest.ProvidesCallback, timeout?: number) => {
    console.log(`skipped against a live account: "${name}": ${reason}`);
    return it.skip(name, fn, timeout);
  }) as jest.It;
  return Object.assign(skip, {
    each: it.skip.each,
    only: it.only,
    skip: it.skip,
    todo: it.todo,
    concurrent: it.concurrent,
    failing: it.failing,
  });
}

/** The emulator in the default mode: what `useEmulatorStack` did, behind the account interface. */
function emulatorAccount(started: () => EmulatorStack, outOfBand: () => TwilioClient): TestAccount {
  return {
    live: false,
    get url() {
      return started().emulator.url;
    },
    get accountSid() {
      return started().emulator.accountSid;
    },
    get config() {
      return started().config;
    },
    secretKeys: ["twilio:password"],
    get outOfBand() {
      return outOfBand();
    },
    name: (base) => base,
    requests: () =>
      started()
        .emulator.requests()
        .map((r) => ({ method: r.method, path: r.path, body: r.parsedBody, status: r.status, headers: r.headers })),
    clearRequests: () => started().emulator.clearRequests(),
    get emulator() {
      return started().emulator;
    },
  };
}

/** Stack config for the live account, pointed at the recording proxy. */
function liveConfig(env: NodeJS.ProcessEnv, proxyUrl: string): { config: Record<string, string>; secretKeys: string[] } {
  const settings = liveSettings(env);
  const config: Record<string, string> = {
    "twilio-conversations:accountSid": settings.accountSid,
    "twilio-conversations:baseUrl": proxyUrl,
  };
  if (settings.username.startsWith("SK")) {
    config["twilio-conversations:apiKey"] = settings.username;
    config["twilio-conversations:apiSecret"] = settings.password;
    return { config, secretKeys: ["twilio-conversations:apiSecret"] };
  }
  config["twilio-conversations:authToken"] = settings.password;
  return { config, secretKeys: ["twilio-conversations:authToken"] };
}

/**
 * A new service made behind Pulumi's back (with Twilio's default roles, as every new service), its
 * name run-prefixed live; the request log is cleared after, so a test sees only its own requests.
 */
export async function newService(account: TestAccount, friendlyName = "Support"): Promise<string> {
  const created = await account.outOfBand.request<{ sid: string }>({
    method: "POST",
    path: "/v1/Services",
    form: { FriendlyName: account.name(friendlyName) },
  });
  account.clearRequests();
  return created.data.sid;
}

/**
 * The account for a test file. Call it once, at the top level. On the emulator: starts one for the
 * file, configures the in-process providers for it, resets it before each test (a fresh account
 * every time) and closes it after the file. Live: starts the file's recording proxy, configures the
 * providers for it, and deletes what the file created when it ends (the run's teardown does the
 * rest). Live tests cannot assume a fresh account: they create what they use and read values
 * relative to what they find.
 */
export function useAccount(options: EmulatorOptions = {}): TestAccount {
  if (!isLive()) {
    let stack: EmulatorStack | undefined;
    let client: TwilioClient | undefined;
    const started = () => {
      if (!stack) throw new Error("the account is ready in beforeAll: use it inside a hook or a test");
      return stack;
    };
    beforeAll(async () => {
      stack = await startEmulatorStack(options);
      const config = stack.config;
      client = new TwilioClient(resolveSettings({ get: (k) => config[k] }, {}));
    });
    afterAll(() => stack?.emulator.close());
    beforeEach(() => started().emulator.reset());
    return emulatorAccount(started, () => {
      started();
      return client!;
    });
  }

  const env = process.env;
  const runId = env[RUN_ID_VARIABLE];
  const runDir = env[RUN_DIR_VARIABLE];
  if (!runId || !runDir) {
    throw new Error(`${LIVE_SWITCH}=1 needs the run's global setup (jest.config.js globalSetup): run the tests with npm run test:live`);
  }
  const registry = fileRegistry(`${runDir}/created.jsonl`);
  const mine: CreatedObject[] = [];
  let proxy: RecordingProxy | undefined;
  let config: Record<string, string> = {};
  let secretKeys: string[] = [];
  let client: TwilioClient | undefined;
  const ready = () => {
    if (!proxy || !client) throw new Error("the account is ready in beforeAll: use it inside a hook or a test");
    return { proxy, client };
  };
  beforeAll(async () => {
    const upstream = liveSettings(env).baseUrl;
    proxy = await startRecordingProxy(upstream, (created) => {
      mine.push(created);
      registry.record(created);
    });
    ({ config, secretKeys } = liveConfig(env, proxy.url));
    configureFromStack({ get: (key) => config[key] });
    client = new TwilioClient(resolveSettings({ get: (k) => config[k] }, {}));
  });
  // As the emulator's reset does: each test starts with an empty request log.
  beforeEach(() => proxy?.clearRequests());
  afterAll(async () => {
    if (client) {
      const report = await cleanUp(client, { created: mine });
      for (const problem of report.problems) console.warn(`live clean-up: ${problem}`);
    }
    await proxy?.close();
  });
  return {
    live: true,
    get url() {
      return ready().proxy.url;
    },
    get accountSid() {
      return liveSettings(env).accountSid;
    },
    get config() {
      return config;
    },
    get secretKeys() {
      return secretKeys;
    },
    get outOfBand() {
      return ready().client;
    },
    name: (base) => `${runPrefix(runId)}${base}`,
    requests: () =>
      ready()
        .proxy.requests()
        .map((r) => ({ method: r.method, path: r.path, body: r.parsedBody, status: r.status, headers: r.headers })),
    clearRequests: () => ready().proxy.clearRequests(),
    get emulator(): RunningEmulator {
      throw new Error("this test uses the emulator itself: declare it with emulatorOnly(reason)");
    },
  };
}
