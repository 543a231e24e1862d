/**
 * The set-up the resource integration tests share: an emulator stack for the test file, the
 * provider objects as the dynamic-provider host holds them, and check/create as the engine calls
 * them. Each file still states its own program and asserts its own requests.
 */
import type * as pulumi from "@pulumi/pulumi";

import type { EmulatorOptions } from "../../emulator/context";
import type { RunningEmulator } from "../../emulator/server";
import { configureFromStack, resolveSettings } from "../../provider/config";
import { TwilioClient } from "../../provider/http/client";
import * as providers from "../../provider/index";
import { setWarningSink } from "../../provider/shared/diagnostics";
import type { KindName } from "../../resources/registry";
import { type EmulatorStack, startEmulatorStack } from "./emulator-stack";
import { type Interposer, type Interposition, startInterposer } from "./interposer";

/** What the engine passes as `__provider` (the serialized shim); the providers must ignore it. */
export const SHIM = "serialized-shim";

/** A provider with every lifecycle method, as the host calls it. */
export type HostProvider = Required<pulumi.dynamic.ResourceProvider>;

/** The provider object the host loads for `kind` (`require("pulumi-twilio-conversations/provider")[kind]`). */
export function hostProvider(kind: KindName): HostProvider {
  return providers[kind] as HostProvider;
}

/** A request as the tests assert it: what was sent and the status that came back (0: dropped). */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
  status: number;
}

/** The test file's emulator stack; readable from the first `beforeAll` on. */
export interface ProviderTestStack extends EmulatorStack {
  /** A client on the same account, for changes made (and state read) behind Pulumi's back. */
  readonly outOfBand: TwilioClient;
  /** The requests the emulator has logged since the last reset or clear. */
  requests(): SentRequest[];
}

/**
 * Starts an emulator stack for the test file (in a `beforeAll`, configuring the in-process
 * providers for it), closes it after the file, and resets its state, faults and request log
 * before each test, so every test starts from a fresh account. Call it once, at the top level,
 * before any `beforeEach` of the file's own (those then run after the reset).
 */
export function useEmulatorStack(options: EmulatorOptions = {}): ProviderTestStack {
  let stack: EmulatorStack | undefined;
  let outOfBand: TwilioClient | undefined;
  const started = (): EmulatorStack => {
    if (!stack) throw new Error("the emulator stack is started in beforeAll: use it inside a hook or a test");
    return stack;
  };
  beforeAll(async () => {
    stack = await startEmulatorStack(options);
    const config = stack.config;
    outOfBand = new TwilioClient(resolveSettings({ get: (k) => config[k] }, {}));
  });
  afterAll(() => stack?.emulator.close());
  beforeEach(() => started().emulator.reset());
  return {
    get emulator(): RunningEmulator {
      return started().emulator;
    },
    get config(): Record<string, string> {
      return started().config;
    },
    get outOfBand(): TwilioClient {
      started();
      return outOfBand!;
    },
    requests: () =>
      started()
        .emulator.requests()
        .map((r) => ({ method: r.method, path: r.path, body: r.parsedBody, status: r.status })),
  };
}

/**
 * check as the engine does (with `__provider` among the news): the failures must be none.
 * Returns the checked inputs as check returned them (no `__provider`).
 */
export async function checkedInputs(
  provider: HostProvider,
  news: Record<string, unknown>,
  olds: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const result = await provider.check(olds, { __provider: SHIM, ...news });
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

/** check, then create with the checked inputs (and `__provider`), as the engine does. */
export async function checkAndCreate(provider: HostProvider, news: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
  return provider.create({ __provider: SHIM, ...(await checkedInputs(provider, news)) });
}

/**
 * The warnings the in-process providers report (what `pulumi preview` would show), collected per
 * test: the array is emptied before each test. Call it once, at the top level of a test file.
 */
export function useWarnings(): string[] {
  const seen: string[] = [];
  let previous: ((message: string) => void) | undefined;
  beforeEach(() => {
    seen.length = 0;
    previous = setWarningSink((message) => seen.push(message));
  });
  afterEach(() => setWarningSink(previous));
  return seen;
}

/**
 * Runs `work` with the in-process providers configured to reach the emulator through an
 * {@link Interposer} (a Twilio that ignores or refuses what `rules` say), then points them back at
 * the emulator and closes the interposer.
 */
export async function throughInterposer<T>(
  stack: ProviderTestStack,
  rules: Interposition,
  work: (interposer: Interposer) => Promise<T>,
): Promise<T> {
  const interposer = await startInterposer(stack.emulator.url, rules);
  const config: Record<string, string> = { ...stack.config, "twilio-conversations:baseUrl": interposer.url };
  configureFromStack({ get: (key) => config[key] });
  try {
    return await work(interposer);
  } finally {
    configureFromStack({ get: (key) => stack.config[key] });
    await interposer.close();
  }
}
