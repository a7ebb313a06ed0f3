// Paths to the example plans and the broken fixtures, with the errors each fixture declares it must produce.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const EXAMPLES_DIR = join(ROOT, 'examples');
export const BROKEN_DIR = join(ROOT, 'test', 'fixtures', 'broken');

export const exampleFiles = (): string[] =>
  readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.yaml')).map((f) => join(EXAMPLES_DIR, f));

export const brokenFiles = (): string[] =>
  readdirSync(BROKEN_DIR).filter((f) => f.endsWith('.yaml')).map((f) => join(BROKEN_DIR, f));

/** The `# expect: path: message` lines at the top of a fixture: every problem it must yield, in English. */
export function expectedProblems(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('# expect: '))
    .map((line) => line.slice('# expect: '.length));
}

export function readExample(name: string): string {
  return readFileSync(join(EXAMPLES_DIR, name), 'utf8');
}
