import type { EmulatorOptions } from "../../emulator/context";
import { type RunningEmulator, startEmulator } from "../../emulator/server";
import { configureFromStack } from "../../provider/config";

/** An emulator on a loopback port, and the stack config that points a provider at it. */
export interface EmulatorStack {
  emulator: RunningEmulator;
  /** Stack config as `pulumi config` would hold it (`twilio:username`, `twilio:password`, `twilio-conversations:baseUrl`). */
  config: Record<string, string>;
}

/**
 * Starts an emulator and configures the in-process providers for it, exactly as the
 * dynamic-provider host's configure() would with this stack config.
 */
export async function startEmulatorStack(options: EmulatorOptions = {}, extraConfig: Record<string, string> = {}): Promise<EmulatorStack> {
  const emulator = await startEmulator({ port: 0, operationDelayMs: 20, operationRetryAfterSeconds: 0, ...options });
  const config: Record<string, string> = {
    "twilio:username": emulator.accountSid,
    "twilio:password": emulator.authToken,
    "twilio-conversations:baseUrl": emulator.url,
    ...extraConfig,
  };
  configureFromStack({ get: (key) => config[key] });
  return { emulator, config };
}
