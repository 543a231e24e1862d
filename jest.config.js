/** Tests run from TypeScript sources; the dynamic-provider host loads the built dist/ (npm test builds first). */
const live = process.env.TWILIO_LIVE_TESTS === "1";

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // The package's own name resolves to its sources in tests (Node resolves it to dist/ at run time).
  moduleNameMapper: {
    "^pulumi-twilio-conversations$": "<rootDir>/sdk/index.ts",
    "^pulumi-twilio-conversations/provider$": "<rootDir>/provider/index.ts",
    "^pulumi-twilio-conversations/emulator$": "<rootDir>/emulator/index.ts",
  },
  reporters: ["default", "<rootDir>/tests/support/jest-summary-reporter.js"],
  testTimeout: 60000,
  // Servers and host processes are per test file; two workers match the two cores CI has.
  maxWorkers: 2,
  // Every test file loads @pulumi/pulumi, zod and the sources into a fresh vm context, and a worker
  // keeps growing (measured: 1.5-1.8 GB RSS after the unit tests alone). Tearing such a heap down
  // at the end takes longer than the 500 ms jest-worker waits for a worker to exit, so jest killed
  // it and printed "A worker process has failed to exit gracefully" with no handle left open.
  // Recycling a worker past this size keeps each one smaller and the run faster (300 s, not 363 s).
  // https://jestjs.io/docs/configuration#workeridlememorylimit-numberstring
  workerIdleMemoryLimit: "600MB",
  // And a worker whose work is done exits without tearing its heap down (see the file).
  setupFiles: ["<rootDir>/tests/support/worker-exit.ts"],
  // TWILIO_LIVE_TESTS=1 (npm run test:live): the files that can run against a real account, with a
  // global setup that snapshots the account and a teardown that puts it back (tests/support/account.ts).
  ...(live
    ? {
        testMatch: require("./tests/support/live-manifest.js").live.map((file) => `<rootDir>/${file}`),
        globalSetup: "<rootDir>/tests/support/live-global-setup.ts",
        globalTeardown: "<rootDir>/tests/support/live-global-teardown.ts",
      }
    : {}),
};
