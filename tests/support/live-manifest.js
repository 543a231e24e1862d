/**
 * Which test files run against a live Twilio account (TWILIO_LIVE_TESTS=1), and why the others do
 * not. jest.config.js runs only `live` then; the live run's global setup prints `notLive`, so a
 * live run says what it left out. A file goes into `live` once it takes its account from
 * tests/support/account.ts (`useAccount`), names what it creates with `account.name`, and marks
 * what needs the emulator with `emulatorOnly`.
 */
module.exports = {
  live: [
    "tests/integration/resources/conversation.test.ts",
    "tests/integration/resources/global-configuration.test.ts",
    "tests/integration/resources/service-configuration.test.ts",
    "tests/e2e/resources/removal-and-replace.test.ts",
  ],
  /** Path prefix -> reason, in the order printed. */
  notLive: {
    "tests/unit/": "no account involved (runs in the default mode)",
    "tests/integration/emulator": "tests the emulator itself",
    "tests/integration/emulator-v2/": "tests the emulator itself",
    "tests/integration/fidelity/": "checks the emulator against the official twilio client",
    "tests/integration/http/": "fault injection and the emulator's in-flight counters",
    "tests/integration/export/": "seeds and compares whole accounts (a live account is not empty)",
    "tests/integration/resources/": "asserts a fresh account or injects faults throughout; not converted to the account switch yet",
    "tests/e2e/": "runs against the emulator it starts (fresh account, state dumps, faults); not converted to the account switch yet",
  },
};
