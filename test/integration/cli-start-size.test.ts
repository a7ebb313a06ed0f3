// A plan file too large to travel as its workflow's input (issue 12): `planflow start` refuses it in Vietnamese before
// connecting to Temporal, which would refuse it in English ("Failed to start Workflow") at its 2 MiB blob limit.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { basePlan, throughputPlan } from '../../bench/plans';
import { checkPlanInputSize } from '../../client/planflow';
import { planflow } from '../helpers/cli';
import { ROOT } from '../helpers/files';

const dir = mkdtempSync(join(tmpdir(), 'planflow-start-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a 25,000-commune plan is refused before Temporal; a 12,000-commune plan is not', async () => {
  const base = basePlan(ROOT, Date.now());
  expect(() => checkPlanInputSize(throughputPlan(base, 12_000, 'vua-du'))).not.toThrow();
  const file = join(dir, 'qua-lon.yaml');
  writeFileSync(file, stringify(throughputPlan(base, 25_000, 'qua-lon')));
  // Nothing listens on port 1: had the CLI tried to connect, it would say so instead.
  const result = await planflow(['start', file], { TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_CONFIG_FILE: join(dir, 'no-profile.toml') });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^planflow: \(kế hoạch\): quá lớn để khởi chạy \(3 MB khi gửi đi, tối đa 1,5 MB\)/);
}, 120_000);
