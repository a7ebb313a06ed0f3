// How long a plan naming a group of N communes takes to load, validate and expand into assignments
// (issue 12: 60,000 communes in ≤ 10 s). Run: npx tsx bench/large-group.ts [N]
// Recorded 2026-11-25 on the shared 2-core dev VM, 60,000 communes (7.5 MB of YAML, 180,052 assignments):
//   load average 14.6: load + validate 15.13 s (CPU 5.44 s), expand 0.47 s (CPU 0.20 s);
//   load average 3.5:  load + validate 7.31 s, expand 0.20 s. Most of it is yaml parsing the text.
import { parse, stringify } from 'yaml';
import { loadPlanText } from '../model/load';
import { stepsOf } from '../model/work';
import { readExample } from '../test/helpers/files';

const communes = Number(process.argv[2] ?? 60_000);
const plan = parse(readExample('van-quan-2021-tre-em.yaml')) as Record<string, unknown> & {
  agencies: { id: string }[];
  groups: { id: string; members: string[] }[];
};
const ids = Array.from({ length: communes }, (_, i) => `xa-so-${i + 1}`);
plan.agencies.push(...ids.map((id, i) => ({ id, name: `UBND xã số ${i + 1}`, kind: 'commune', emails: [`${id}@huyen.example`] })));
plan.groups = plan.groups.map((g) => (g.id === 'ubnd-cac-xa' ? { ...g, members: [...g.members, ...ids] } : g));
const text = stringify(plan);

// Wall time, and CPU time, which stays true on a machine shared with other work.
const timed = <T>(label: string, run: () => T): T => {
  const [start, cpu] = [performance.now(), process.cpuUsage()];
  const result = run();
  const { user, system } = process.cpuUsage(cpu);
  console.log(`${label.padEnd(20)} ${((performance.now() - start) / 1000).toFixed(2)} s (CPU ${((user + system) / 1e6).toFixed(2)} s)`);
  return result;
};
console.log(`${communes} communes, ${(text.length / 1024 / 1024).toFixed(1)} MB of YAML`);
const loaded = timed('load + validate', () => loadPlanText(text));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
const steps = timed('expand (stepsOf)', () => stepsOf(loaded.plan, 'plan/bench', '2021-03-15'));
console.log(`assignments: ${steps.reduce((n, s) => n + s.assignees.length, 0)}`);
