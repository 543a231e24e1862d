/**
 * `pulumi-twilio-conversations emulator`: runs the local Conversations API until SIGINT/SIGTERM.
 * Prints exactly one line on start (URL, account SID, auth token) so scripts can read it.
 */
import { InvalidArgumentError } from "commander";

import {
  DEFAULT_ACCOUNT_SID,
  DEFAULT_AUTH_TOKEN,
  type EmulatorApiKey,
  type EmulatorOptions,
  type FaultSettings,
  startEmulator,
} from "../emulator";
import { CommandError } from "./export-command";
import type { CliIo } from "./io";
import type { SubcommandFactory } from "./program";

function integer(min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`expected an integer >= ${min}`);
    return Number(value);
  };
}

function fraction(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError("expected a number between 0 and 1");
  return n;
}

function apiKey(value: string, previous: EmulatorApiKey[] = []): EmulatorApiKey[] {
  const colon = value.indexOf(":");
  const sid = colon < 0 ? "" : value.slice(0, colon);
  if (!/^SK[0-9a-fA-F]{32}$/.test(sid)) throw new InvalidArgumentError("expected SK<32 hex>:<secret>");
  return [...previous, { sid, secret: value.slice(colon + 1) }];
}

/** An origin for the URLs the emulator writes into its answers: an absolute http(s) URL, without a path. */
export function publicUrl(value: string): string {
  const notAUrl = new InvalidArgumentError("expected an absolute http:// or https:// URL, such as http://localhost:4010");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw notAUrl;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw notAUrl;
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new InvalidArgumentError(`expected an origin only (scheme, host and port), such as ${url.origin}`);
  }
  return url.origin;
}

/** Starts the emulator, saying plainly when its port is taken. */
async function start(options: EmulatorOptions) {
  try {
    return await startEmulator(options);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new CommandError(
        `Port ${options.port} on ${options.host} is already in use (another emulator?): stop what holds it, or pick another port with --port (0 picks a free one).`,
      );
    }
    throw e;
  }
}

interface EmulatorFlags {
  port: number;
  host: string;
  accountSid: string;
  authToken: string;
  apiKey?: EmulatorApiKey[];
  publicUrl?: string;
  operationDelayMs?: number;
  operationRetryAfter?: number;
  latencyMs?: number;
  rateLimitFraction?: number;
  rateLimitRetryAfter?: number;
  maxInFlight?: number;
  verbose?: boolean;
}

/** Maps parsed flags to {@link startEmulator} options (exported for tests). */
export function emulatorOptionsFromFlags(flags: EmulatorFlags): EmulatorOptions {
  const faults: Partial<FaultSettings> = {};
  if (flags.latencyMs !== undefined) faults.latencyMs = flags.latencyMs;
  if (flags.rateLimitFraction !== undefined) faults.rateLimitFraction = flags.rateLimitFraction;
  if (flags.rateLimitRetryAfter !== undefined) faults.rateLimitRetryAfterSeconds = flags.rateLimitRetryAfter;
  if (flags.maxInFlight !== undefined) faults.maxInFlight = flags.maxInFlight;
  return {
    port: flags.port,
    host: flags.host,
    accountSid: flags.accountSid,
    authToken: flags.authToken,
    apiKeys: flags.apiKey,
    publicUrl: flags.publicUrl,
    operationDelayMs: flags.operationDelayMs,
    operationRetryAfterSeconds: flags.operationRetryAfter,
    faults,
    verbose: flags.verbose,
  };
}

/** Adds the `emulator` subcommand to the program. */
export function registerEmulatorCommand(command: SubcommandFactory, io: CliIo): void {
  command("emulator")
    .description("Run a local emulator of the Twilio Conversations API (v1 and the v2 control plane)")
    .option("--port <port>", "port to listen on (0 picks a free one)", integer(0), 4010)
    .option("--host <host>", "interface to bind", "127.0.0.1")
    .option("--account-sid <sid>", "account SID the emulator serves", DEFAULT_ACCOUNT_SID)
    .option("--auth-token <token>", "auth token it accepts", DEFAULT_AUTH_TOKEN)
    .option("--api-key <sid:secret>", "an API key it also accepts (repeatable)", apiKey)
    .option("--public-url <url>", "origin to put in absolute URLs when clients use another host name", publicUrl)
    .option("--operation-delay-ms <ms>", "how long v2 operations stay PENDING", integer(0))
    .option("--operation-retry-after <seconds>", "Retry-After sent with v2 202 responses", integer(0))
    .option("--latency-ms <ms>", "latency added to every response", integer(0))
    .option("--rate-limit-fraction <0..1>", "fraction of requests answered 429", fraction)
    .option("--rate-limit-retry-after <seconds>", "Retry-After sent with injected 429s", integer(0))
    .option("--max-in-flight <n>", "answer 429 beyond this many concurrent requests (0: no cap)", integer(0))
    .option("--verbose", "log each request to stderr")
    .action(async (flags: EmulatorFlags) => {
      if (flags.accountSid && !/^AC[0-9a-fA-F]{32}$/.test(flags.accountSid)) {
        throw new InvalidArgumentError("--account-sid must be AC followed by 32 hex characters");
      }
      const emulator = await start(emulatorOptionsFromFlags(flags));
      io.stdout.write(
        `Twilio Conversations emulator listening on ${emulator.url} (account ${emulator.accountSid}, auth token ${emulator.authToken})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          resolve();
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      await emulator.close();
    });
}
