/**
 * The set-up the resource integration tests share: an emulator stack for the test file, the
 * provider objects as the dynamic-provider host holds them, and check/create as the engine calls
 * them. Each file still states its own program and asserts its own requests.
 */
import type * as pulumi from "@pulumi/pulumi";

import type { EmulatorOptions } from "../../emulator/context";
import type { RunningEmulator } from "../../emulator/server";
import { resolveSettings } from "../../provider/config";
import { TwilioClient } from "../../provider/http/client";
import * as providers from "../../provider/index";
import type { KindName } from "../../resources/registry";
import { type EmulatorStack, startEmulatorStack } from "./emulator-stack";

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
