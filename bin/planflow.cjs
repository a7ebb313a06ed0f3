#!/usr/bin/env node
// The `planflow` command: the CLI bundled in dist/ (`npm run build`, which `npm install` and `npm ci` run through
// `prepare`), run from its V8 code cache (client/code-cache.ts), so no TypeScript compiler loads at run time and
// a `planflow status` starts in a fraction of what compiling its modules took. In development `npx tsx client/cli.ts`
// runs the sources.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist', 'client');
const bundle = join(dist, 'cli.bundle.js');
if (!existsSync(bundle)) {
  process.stderr.write('planflow: chưa biên dịch — chạy "npm run build" (hoặc "npm install") trong thư mục dự án.\n');
  process.exit(1);
}
require(join(dist, 'code-cache.js')).runCached(bundle, module);
