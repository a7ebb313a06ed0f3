// The binary resolution order: env var, then the project-local install, then the SDK's download.
import { localInstallPath, resolveTemporalExecutable } from '../../worker/temporal-binaries';
import { existsSync } from 'node:fs';

test('an explicit env var wins', () => {
  expect(resolveTemporalExecutable('cli', { TEMPORAL_CLI_PATH: '/opt/temporal' })).toEqual({
    type: 'existing-path',
    path: '/opt/temporal',
  });
  expect(resolveTemporalExecutable('testServer', { TEMPORAL_TEST_SERVER_PATH: '/opt/ts' })).toEqual({
    type: 'existing-path',
    path: '/opt/ts',
  });
});

test('the project-local install comes next, and npm install provided it', () => {
  for (const binary of ['cli', 'testServer'] as const) {
    expect(existsSync(localInstallPath(binary))).toBe(true);
    expect(resolveTemporalExecutable(binary, {})).toEqual({ type: 'existing-path', path: localInstallPath(binary) });
  }
});
