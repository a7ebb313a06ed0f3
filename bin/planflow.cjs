#!/usr/bin/env node
// The `planflow` command: runs the TypeScript CLI through tsx, so there is no build step to forget.
require('tsx/cjs');
require('../client/cli.ts');
