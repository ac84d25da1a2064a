/**
 * Two projects, so that `npm test` runs everything while `npx jest test/<area>` never builds the
 * page: the end-to-end tests (test/e2e/, headless Chromium) build dist/addin/ once in their
 * globalSetup, which jest runs only when an e2e test is selected.
 */
const shared = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true }] },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: "unit",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
    },
    {
      ...shared,
      displayName: "e2e",
      roots: ["<rootDir>/test/e2e"],
      testMatch: ["**/*.test.ts"],
      globalSetup: "<rootDir>/test/e2e/globalSetup.ts",
    },
  ],
};
