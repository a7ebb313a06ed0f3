// `planflow <command> --help` for every command, in Vietnamese; typos get a suggestion; misuse exits 2.
import { planflow } from '../helpers/cli';

/** The command names a help page lists under "Lệnh:" (the help command itself aside). */
function listedCommands(help: string): string[] {
  const section = help.split('Lệnh:\n')[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

const ENGLISH = /\b(Usage|Options|Arguments|Commands|display help|default:|choices:|error:)\b/;

test('every command and calendar sub-command has Vietnamese help and exits 0', async () => {
  const root = await planflow(['--help']);
  expect(root.code).toBe(0);
  const commands = listedCommands(root.stdout);
  expect(commands).toEqual(expect.arrayContaining(['validate', 'calendar', 'start', 'status', 'list', 'approve', 'report', 'review', 'extend', 'cancel', 'consolidate', 'outbox']));
  const calendar = await planflow(['calendar', '--help']);
  const all = [...commands.map((c) => [c]), ...listedCommands(calendar.stdout).map((c) => ['calendar', c])];
  expect(all).toContainEqual(['calendar', 'add']);
  for (const command of all) {
    const help = await planflow([...command, '--help']);
    expect({ command, code: help.code }).toEqual({ command, code: 0 });
    expect(help.stdout).toContain(`Cách dùng: planflow ${command.join(' ')}`);
    expect(help.stdout).toContain('hiển thị trợ giúp');
    expect(help.stdout).not.toMatch(ENGLISH);
  }
});

test('planflow alone lists the commands and exits 0', async () => {
  const { code, stdout } = await planflow([]);
  expect(code).toBe(0);
  expect(stdout).toContain('Lệnh:');
});

test('a mistyped command or option gets a Vietnamese suggestion and exit 2', async () => {
  const command = await planflow(['aprove', 'plan/x']);
  expect(command.code).toBe(2);
  expect(command.stderr).toContain('không có lệnh "aprove"');
  expect(command.stderr).toContain('(gợi ý: approve)');
  const option = await planflow(['report', 'plan/x/clause-1/a', '--as', 'a', '--text', 't', '--valeu', 'x=1']);
  expect(option.code).toBe(2);
  expect(option.stderr).toContain('không có tùy chọn --valeu\n(gợi ý: --value)');
  const missing = await planflow(['extend', 'plan/x/clause-1/a', '--as', 'a', '--reason', 'r']);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('thiếu tùy chọn bắt buộc --to <NGÀY>');
  expect(missing.stderr).not.toMatch(ENGLISH);
});

test('a bad date is refused before anything is sent, naming the option', async () => {
  const { code, stderr } = await planflow(['extend', 'plan/x/clause-1/a', '--as', 'a', '--to', '31/6/2025', '--reason', 'r']);
  expect(code).toBe(2);
  expect(stderr).toContain('--to: ngày không hợp lệ');
});

test('what is typed is read as NFC: a decomposed name comes back composed', async () => {
  const decomposed = 'kế-hoạch-không-có.yaml'.normalize('NFD');
  const { code, stdout } = await planflow(['validate', decomposed]);
  expect(code).toBe(1);
  expect(stdout).toContain('"kế-hoạch-không-có.yaml"'.normalize('NFC'));
  expect(stdout).not.toContain(decomposed);
});
