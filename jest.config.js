// Unit, workflow (time-skipping server) and integration (dev server) suites. Temporal suites start their own
// servers, so suites run one at a time on our 2-core machines (see STYLE.md: reachable within 5 s of spawn).
// PGlite's CommonJS build loads Node built-ins with import(), which Jest's CommonJS runtime cannot run without
// --experimental-vm-modules; swc rewrites those calls to require() for that one package.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest'],
    '/node_modules/@electric-sql/pglite/dist/.+\\.cjs$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs', ignoreDynamic: false } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
  testTimeout: 60_000,
  maxWorkers: 1,
  setupFiles: ['<rootDir>/test/helpers/quiet-runtime.ts'],
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
};
