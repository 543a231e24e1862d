/** Tests run from TypeScript sources; the dynamic-provider host loads the built dist/ (npm test builds first). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }] },
  testTimeout: 60000,
  // Servers and host processes are per test file; two workers match the two cores CI has.
  maxWorkers: 2,
};
