// Unit, workflow (time-skipping server) and integration (dev server) suites. Temporal suites start their own
// servers, so suites run one at a time on our 2-core machines (see STYLE.md: reachable within 5 s of spawn).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testTimeout: 60_000,
  maxWorkers: 1,
  setupFiles: ['<rootDir>/test/helpers/quiet-runtime.ts'],
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
};
