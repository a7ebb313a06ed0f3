// The `planflow` command (client/cli-main.ts), run with the process's arguments: the entry of `npx tsx client/cli.ts`
// and of the bundle bin/planflow.cjs runs (scripts/build.mjs).
import { runCli } from './cli-main';

runCli(process.argv.slice(2));
