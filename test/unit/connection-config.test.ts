// Where the worker and the CLI find Temporal: the standard TEMPORAL_* variables and profiles (envconfig), mTLS
// certificates included, or with no address anywhere the embedded server on PLANFLOW_DEV_SERVER_PORT.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, temporalTarget } from '../../worker/config';

const dir = mkdtempSync(join(tmpdir(), 'planflow-envconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** No user config file: every case says what it reads. */
const env = (vars: Record<string, string>) => ({ TEMPORAL_CONFIG_FILE: join(dir, 'none.toml'), ...vars });
const targetOf = (vars: Record<string, string>) => temporalTarget(loadConfig(env(vars)), env(vars));

test('nothing configured: the embedded server of npm start, on its port', () => {
  expect(targetOf({ PLANFLOW_DEV_SERVER_PORT: '17233' })).toEqual({ kind: 'embedded', namespace: 'default', address: 'localhost:17233' });
});

test('TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and TEMPORAL_API_KEY: that cluster, with TLS', () => {
  const target = targetOf({ TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_NAMESPACE: 'ubnd', TEMPORAL_API_KEY: 'k' });
  expect(target).toMatchObject({ kind: 'cluster', namespace: 'ubnd', connection: { address: 'temporal.internal:7233', apiKey: 'k', tls: true } });
});

test('a profile from TEMPORAL_CONFIG_FILE with mTLS certificates, chosen by TEMPORAL_PROFILE', () => {
  writeFileSync(join(dir, 'cert.pem'), 'CERT');
  writeFileSync(join(dir, 'key.pem'), 'KEY');
  writeFileSync(join(dir, 'temporal.toml'), [
    '[profile.tinh]', 'address = "temporal.tinh.example:7233"', 'namespace = "ke-hoach"',
    '[profile.tinh.tls]', `client_cert_path = "${join(dir, 'cert.pem')}"`, `client_key_path = "${join(dir, 'key.pem')}"`, 'server_name = "temporal.tinh.example"',
  ].join('\n'));
  const vars = { TEMPORAL_CONFIG_FILE: join(dir, 'temporal.toml'), TEMPORAL_PROFILE: 'tinh' };
  const target = temporalTarget(loadConfig(vars), vars);
  if (target.kind !== 'cluster') throw new Error('expected a cluster');
  expect(target.namespace).toBe('ke-hoach');
  expect(target.connection.address).toBe('temporal.tinh.example:7233');
  expect(target.connection.tls).toMatchObject({ serverNameOverride: 'temporal.tinh.example', clientCertPair: { crt: Buffer.from('CERT'), key: Buffer.from('KEY') } });
});

test('a profile that does not exist stops start-up with a Vietnamese message', () => {
  const vars = { TEMPORAL_CONFIG_FILE: join(dir, 'temporal.toml'), TEMPORAL_PROFILE: 'khong-co' };
  expect(() => temporalTarget(loadConfig(vars), vars)).toThrow(/không đọc được cấu hình kết nối Temporal/);
});
