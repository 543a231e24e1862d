/**
 * Public entry of the emulator (`pulumi-twilio-conversations/emulator`): a local, stateful
 * Twilio Conversations API (v1 and the v2 control plane) with faults on demand, for tests and CI.
 */
export {
  DEFAULT_ACCOUNT_SID,
  DEFAULT_AUTH_TOKEN,
  type EmulatorApiKey,
  type EmulatorContext,
  type EmulatorOptions,
  type FaultSettings,
  type LoggedRequest,
  noFaults,
} from "./context";
export { type RunningEmulator, startEmulator } from "./server";
