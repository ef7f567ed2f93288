/** One Jest run: engine/kubectl/scenario unit tests beside the code, e2e tests in test/. */
module.exports = {
  testEnvironment: "node",
  rootDir: ".",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testRegex: ".*\\.spec\\.ts$",
  moduleFileExtensions: ["js", "json", "ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/test/tsconfig.jest.json" }] },
  globalSetup: "<rootDir>/test/global-setup.js",
  globalTeardown: "<rootDir>/test/global-teardown.js",
  testTimeout: 30000,
  // The default (cores − 1) is a single worker on a 2-core machine; the suite is CPU-bound, so use every core.
  maxWorkers: "100%",
};
