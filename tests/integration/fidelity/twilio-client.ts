/**
 * The fidelity suites' fixture: one emulator per test file and the OFFICIAL twilio-node client
 * pointed at it, reset before each test.
 */
import twilio from "twilio";

import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../../emulator";
import { lateBound } from "../emulator/http";

export function twilioForFile(options: Omit<EmulatorOptions, "port" | "host"> = {}): { emu: RunningEmulator; client: twilio.Twilio } {
  let running: { emu: RunningEmulator; client: twilio.Twilio } | undefined;
  beforeAll(async () => {
    const emu = await startEmulator({ host: "127.0.0.1", port: 0, ...options });
    const client = twilio(emu.accountSid, emu.authToken);
    // Only the base URL: edge or region would rewrite the host name.
    client.conversations.baseUrl = emu.url;
    running = { emu, client };
  });
  afterAll(() => running?.emu.close());
  beforeEach(() => running!.emu.reset());
  return { emu: lateBound("the emulator", () => running?.emu), client: lateBound("the twilio client", () => running?.client) };
}
