// A consolidated report from the command line: `planflow consolidate` prints the report it made and `planflow status`
// lists it as a summary, naming how to read it whole (`--consolidation`), as real processes on a Temporal dev server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsolidationDetail } from '../../workflows/state';
import { planflow } from '../helpers/cli';
import { ROOT } from '../helpers/files';
import { usePlanflowWorker } from '../helpers/planflow';
import { createDevServerEnv } from '../helpers/temporal-env';

const worker = usePlanflowWorker(createDevServerEnv);
const data = mkdtempSync(join(tmpdir(), 'planflow-consolidation-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

const LEAD = 'phong-ldtbxh-dt';
const ROUND = 'tong-hop-huyen-2021';

it('consolidate prints the report; status lists its summary; status --consolidation prints it whole, or as JSON', async () => {
  await worker.run(async ({ env, taskQueue }) => {
    const cli = (...args: string[]) => planflow(args, { TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default', PLANFLOW_TASK_QUEUE: taskQueue, PLANFLOW_DATA_DIR: data });
    const started = await cli('start', join(ROOT, 'examples', 'van-quan-2021-tre-em.yaml'), '--rebase', 'today');
    const planId = /Đã khởi chạy kế hoạch: (\S+)/.exec(started.stdout)?.[1] ?? '';
    expect((await cli('approve', planId, '--as', 'trieu-duc-dung', '--stage', 'ban-hanh')).code).toBe(0);

    // Nobody has reported yet: the office consolidates on request, and the report says so plainly.
    const made = await cli('consolidate', planId, '--as', LEAD);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toContain(`Báo cáo tổng hợp ${ROUND}`);
    expect(made.stdout).toContain('chưa có đơn vị nào gửi báo cáo');
    expect(made.stdout).toContain('## Đơn vị chưa báo cáo');

    const status = await cli('status', planId, '--limit', '0');
    expect(status.code).toBe(0);
    const line = /Tổng hợp: 0\/(\d+) đơn vị đã báo cáo; chưa báo cáo: (.*)/.exec(status.stdout);
    const expected = Number(line?.[1]);
    expect(expected).toBeGreaterThan(5);
    expect(line?.[2]).toContain(`và ${expected - 5} đơn vị khác`); // the first five by name, the rest counted
    expect(status.stdout).toContain(`planflow status ${planId} --consolidation ${ROUND}`);

    const whole = await cli('status', planId, '--consolidation', ROUND);
    expect(whole.code).toBe(0);
    expect(whole.stdout.match(/^- UBND /gm)).toHaveLength(expected); // every missing commune named
    const json = JSON.parse((await cli('status', planId, '--consolidation', `${ROUND}#0`, '--json')).stdout) as ConsolidationDetail;
    expect(json).toMatchObject({ id: ROUND, supplement: false, included: [], index: 0, count: 1 });
    expect(json.result.missing).toHaveLength(expected);

    const none = await cli('status', planId, '--consolidation', `${ROUND}#1`);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`chưa có lần tổng hợp "${ROUND}" thứ 1`);
    const malformed = await cli('status', planId, '--consolidation', 'Tổng hợp/2021');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('consolidation: cần dạng MÃ, MÃ/KỲ hoặc MÃ/KỲ#N');
  });
}, 180_000);
