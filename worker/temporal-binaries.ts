// Where the Temporal CLI (dev server) and the time-skipping test server come from. Order: an explicit env var,
// then the project-local install made by scripts/install-temporal.mjs, then the SDK's own download
// (which needs internet; our machines have none, so the local install is the normal path).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EphemeralServerExecutable } from '@temporalio/testing';
import config from '../scripts/temporal-binaries.json';

export type TemporalBinary = keyof typeof config.binaries;

/** The project's root, from worker/ in the sources or dist/worker/ compiled. */
const projectRoot = existsSync(join(__dirname, '..', 'package.json')) ? join(__dirname, '..') : join(__dirname, '..', '..');

export function localInstallPath(binary: TemporalBinary): string {
  const b = config.binaries[binary];
  return join(projectRoot, config.installDir, `${b.pypi}-${b.version}`, b.file);
}

export function resolveTemporalExecutable(
  binary: TemporalBinary,
  env: NodeJS.ProcessEnv = process.env,
): EphemeralServerExecutable {
  const fromEnv = env[config.binaries[binary].env];
  if (fromEnv) return { type: 'existing-path', path: fromEnv };
  const local = localInstallPath(binary);
  if (existsSync(local)) return { type: 'existing-path', path: local };
  return { type: 'cached-download' };
}
