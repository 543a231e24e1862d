/**
 * Settings for the commands that read a live account (`export`, `plan`): the provider's own
 * settings and credentials, read from the environment only, with a few flags on top for the
 * non-secret ones. Credentials are never flags, so they stay out of shell history and process lists.
 * Messages speak of what these commands read (environment variables and flags), not of stack config.
 */
import { Command, Option } from "commander";

import { resolveSettings, type Settings } from "../provider/config";
import { TwilioConversationsError } from "../provider/error";

/** The flags that override the environment's non-secret settings. */
export interface AccountFlags {
  baseUrl?: string;
  region?: string;
  edge?: string;
  accountSid?: string;
}

/** Adds the account flags to a command. */
export function withAccountFlags(command: Command): Command {
  return command
    .addOption(new Option("--base-url <url>", "API base URL, e.g. the emulator's (else TWILIO_CONVERSATIONS_BASE_URL)"))
    .addOption(new Option("--region <region>", "Twilio region (else TWILIO_REGION)"))
    .addOption(new Option("--edge <edge>", "Twilio edge (else TWILIO_EDGE)"))
    .addOption(new Option("--account-sid <sid>", "the account (else TWILIO_ACCOUNT_SID); the secret always comes from the environment"));
}

/** The environment the settings are resolved from: the process's, with the flags on top. */
export function settingsEnv(flags: AccountFlags, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  if (flags.baseUrl !== undefined) out.TWILIO_CONVERSATIONS_BASE_URL = flags.baseUrl;
  if (flags.region !== undefined) out.TWILIO_REGION = flags.region;
  if (flags.edge !== undefined) out.TWILIO_EDGE = flags.edge;
  if (flags.accountSid !== undefined) out.TWILIO_ACCOUNT_SID = flags.accountSid;
  return out;
}

/** Credentials missing from the environment, said in terms of what the command reads. */
export class MissingCredentialsError extends TwilioConversationsError {}

const HOW =
  "The command reads credentials from the environment only: TWILIO_ACCOUNT_SID (or --account-sid) with " +
  "TWILIO_AUTH_TOKEN, or with an API key: TWILIO_API_KEY and TWILIO_API_SECRET. " +
  "TWILIO_REGION / --region, TWILIO_EDGE / --edge and TWILIO_CONVERSATIONS_BASE_URL / --base-url choose the host.";

const blank = (value: string | undefined) => value === undefined || value.trim() === "";

/**
 * The settings for `flags` over `env`. Missing credentials are reported here, naming the variables
 * and flags; a malformed value is reported by the provider's own check (which names the variable).
 * @throws MissingCredentialsError, or the provider's SettingsError
 */
export function commandSettings(flags: AccountFlags, env: NodeJS.ProcessEnv): Settings {
  const merged = settingsEnv(flags, env);
  const missing: string[] = [];
  if (blank(merged.TWILIO_ACCOUNT_SID)) missing.push("TWILIO_ACCOUNT_SID (or --account-sid)");
  const key = !blank(merged.TWILIO_API_KEY);
  if (key && blank(merged.TWILIO_API_SECRET)) missing.push("TWILIO_API_SECRET (TWILIO_API_KEY is set)");
  if (!key && !blank(merged.TWILIO_API_SECRET)) missing.push("TWILIO_API_KEY (TWILIO_API_SECRET is set)");
  if (!key && blank(merged.TWILIO_API_SECRET) && blank(merged.TWILIO_AUTH_TOKEN)) {
    missing.push("TWILIO_AUTH_TOKEN (or TWILIO_API_KEY with TWILIO_API_SECRET)");
  }
  if (missing.length > 0) throw new MissingCredentialsError(`Missing in the environment: ${missing.join(", ")}. ${HOW}`);
  return resolveSettings(undefined, merged);
}
