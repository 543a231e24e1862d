/**
 * Public entry of the emulator (`pulumi-twilio-conversations/emulator`): a local, stateful
 * Twilio Conversations API (v1 and the v2 control plane) with faults on demand, for tests and CI.
 */
export { startEmulator, type RunningEmulator } from "./server";
export {
  DEFAULT_ACCOUNT_SID,
  DEFAULT_AUTH_TOKEN,
  noFaults,
  type EmulatorApiKey,
  type EmulatorContext,
  type EmulatorOptions,
  type FaultSettings,
  type LoggedRequest,
} from "./context";
