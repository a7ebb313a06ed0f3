// Unit, workflow (time-skipping server) and integration (dev server) suites. Temporal suites start their own
// servers, so suites run one at a time on our 2-core machines (see STYLE.md: reachable within 5 s of spawn).
// PGlite's CommonJS build loads Node built-ins with import(), which Jest's CommonJS runtime cannot run without
// --experimental-vm-modules; swc rewrites those calls to require() for that one package. openid-client and its
// dependencies ship only ES modules, which swc turns into CommonJS for Jest alike (Node itself requires them as they are).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    // Pages are JSX rendered by Hono (tsconfig: jsx react-jsx, jsxImportSource hono/jsx).
    '^.+\\.tsx$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic', importSource: 'hono/jsx' } } } }],
    '/node_modules/(openid-client|oauth4webapi|jose)/.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    '/node_modules/@electric-sql/pglite/dist/.+\\.cjs$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs', ignoreDynamic: false } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@electric-sql/pglite|openid-client|oauth4webapi|jose)/)'],
  testTimeout: 60_000,
  maxWorkers: 1,
  // The CLI and `npm start` the tests spawn are the compiled ones (dist/): rebuilt first if a source changed.
  globalSetup: '<rootDir>/test/helpers/build.js',
  setupFiles: ['<rootDir>/test/helpers/quiet-runtime.ts'],
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
};
