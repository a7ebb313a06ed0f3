// jest globalSetup: the tests spawn the compiled CLI and worker (bin/planflow, dist/worker/main.js), so dist/ is
// rebuilt first whenever a source is newer than it (about 3 s with the CLI's startup snapshot; the workflow bundle
// only when workflows change).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = () => {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
};
