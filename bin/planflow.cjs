#!/usr/bin/env node
// The `planflow` command: the compiled CLI in dist/ (`npm run build`, which `npm install` and `npm ci` run through
// `prepare`), so no TypeScript compiler loads at run time. In development `npx tsx client/cli.ts` runs the sources.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'client', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('planflow: chưa biên dịch — chạy "npm run build" (hoặc "npm install") trong thư mục dự án.\n');
  process.exit(1);
}
require(cli);
