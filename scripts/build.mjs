// `npm run build`: planflow's TypeScript compiled to dist/ (one .js per source, the same tree, by esbuild: no type
// check here, `npm run typecheck` does that), the files read at run time copied beside them, and the workflow bundle
// made once (dist/workflow-bundle.js) so workers and `planflow simulate` start without webpack. The bundle is
// remade only when its inputs (workflows/, model/, the lock file) change. `--if-stale` skips the JavaScript too when
// no source is newer than the last build (jest's globalSetup uses it, so CLI tests run what the sources say).
// The CLI is also bundled whole into dist/client/cli.bundle.js, with its V8 code cache made by one run of it, for
// `planflow status`'s start-up (client/code-cache.ts).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);
/** What runs in production: everything but tests, the benchmark and install scripts. */
const SOURCES = ['codec', 'model', 'workflows', 'activities', 'store', 'worker', 'client'];
/** Read at run time beside the code (migrations, the portal's stylesheet, the binaries' pins). */
const ASSETS = ['store/migrations', 'client/http/assets', 'scripts/temporal-binaries.json'];
const BUNDLE_INPUTS = ['workflows', 'model', 'worker/bundle-options.ts', 'package-lock.json'];
const STAMP = join(dist, '.built');

const filesUnder = (path) => (statSync(join(root, path)).isDirectory()
  ? readdirSync(join(root, path), { recursive: true }).map((f) => join(path, String(f))).filter((f) => statSync(join(root, f)).isFile())
  : [path]);
const sources = () => SOURCES.flatMap(filesUnder).filter((f) => /\.tsx?$/.test(f));

function stale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return [...sources(), ...ASSETS.flatMap(filesUnder), 'package-lock.json'].some((f) => statSync(join(root, f)).mtimeMs > built);
}

async function compile() {
  const { build } = require('esbuild');
  await build({
    entryPoints: sources().map((f) => join(root, f)),
    outdir: dist,
    outbase: root,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'warning',
  });
  for (const asset of ASSETS.flatMap(filesUnder)) {
    mkdirSync(dirname(join(dist, asset)), { recursive: true });
    copyFileSync(join(root, asset), join(dist, asset));
  }
}

const CLI_BUNDLE = join(dist, 'client', 'cli.bundle.js');

/**
 * What the bundle leaves to Node at run time: the modules client/lazy.ts requires for the commands that need them
 * (docx, the importer and its readers of .docx and .pdf, the store…: their compiled files beside the bundle, hence
 * its place in dist/client/), and @grpc/proto-loader, which grpc-js loads only for its own admin services. An
 * `import()` in the bundle is refused: run by `vm.Script` from the code cache, it would find no module loader.
 */
const leftToNode = {
  name: 'planflow-left-to-node',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'dynamic-import') return { errors: [{ text: `import("${args.path}") in the CLI bundle: load it from a module client/lazy.ts requires` }] };
      const lazy = args.kind === 'require-call' && args.importer === join(root, 'client', 'lazy.ts');
      if (lazy || args.path === '@grpc/proto-loader') return { path: args.path, external: true };
      return undefined;
    });
  },
};

/**
 * Temporal's protocol descriptions without the two parts a client never sends or receives: the worker's own
 * messages (`coresdk`) and Temporal Cloud's operations API (`temporal.api.cloud`, which has its own client package).
 * Every `planflow` start builds these descriptions (protobufjs reads them whole, then resolves the features of every
 * type before its first message): the pair is a third of them, 30 ms of a `planflow status`'s 280 (50 ms of its CPU,
 * medians of 11 interleaved calls). Nothing outside them refers to them, which the build checks by resolving every
 * remaining type.
 */
const CLIENT_PROTOS = /[\\/]@temporalio[\\/]proto[\\/]protos[\\/]json-module\.js$/;

function clientProtos(source) {
  const start = source.indexOf('.addJSON(') + '.addJSON('.length;
  const end = source.lastIndexOf('});') + 1;
  if (start < '.addJSON('.length || end <= start) throw new Error('@temporalio/proto: json-module.js is not the shape the CLI bundle prunes');
  const json = JSON.parse(source.slice(start, end));
  delete json.coresdk;
  delete json.temporal.nested.api.nested.cloud;
  // Fails the build if anything left refers to what was taken out.
  new (require('protobufjs/light').Root)().addJSON(json).resolveAll();
  return `${source.slice(0, start)}${JSON.stringify(json)}${source.slice(end)}`;
}

const prunedProtos = {
  name: 'planflow-client-protos',
  setup(build) {
    build.onLoad({ filter: CLIENT_PROTOS }, (args) => ({ contents: clientProtos(readFileSync(args.path, 'utf8')), loader: 'js' }));
  },
};

/**
 * The CLI in one file with the packages it loads at every start (Temporal's client, gRPC, zod, commander): Node
 * resolves, reads and compiles one file instead of some 400, and its code cache covers them all. The cache is made
 * by running `planflow --help` once (building the program loads every module a command's start needs).
 */
async function bundleCli() {
  const { build } = require('esbuild');
  await build({
    entryPoints: [join(root, 'client', 'cli.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    plugins: [leftToNode, prunedProtos],
    logLevel: 'warning',
  });
  rmSync(`${CLI_BUNDLE}.cache`, { force: true });
  execFileSync(process.execPath, [join(root, 'bin', 'planflow.cjs'), '--help'], { stdio: 'ignore' });
}

async function bundleWorkflows() {
  const hash = createHash('sha256');
  for (const f of BUNDLE_INPUTS.flatMap(filesUnder).sort()) hash.update(f).update(readFileSync(join(root, f)));
  const digest = hash.digest('hex');
  const digestFile = join(dist, 'workflow-bundle.sha256');
  if (existsSync(join(dist, 'workflow-bundle.js')) && existsSync(digestFile) && readFileSync(digestFile, 'utf8') === digest) return false;
  const { bundleWorkflowCode } = require('@temporalio/worker');
  const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
  // The options as the worker's own (compiled just before): the sources' paths, with the modules workflows share.
  const { planflowBundleOptions } = require(join(dist, 'worker', 'bundle-options.js'));
  const { code } = await bundleWorkflowCode({ ...planflowBundleOptions(root), logger: quiet });
  writeFileSync(join(dist, 'workflow-bundle.js'), code);
  writeFileSync(digestFile, digest);
  return true;
}

async function main() {
  const started = Date.now();
  if (process.argv.includes('--if-stale') && !stale()) return;
  // A source deleted or renamed must not survive as an old .js in dist/; the bundle is kept (it has its own hash).
  for (const folder of SOURCES) rmSync(join(dist, folder), { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await compile();
  await bundleCli();
  const bundled = await bundleWorkflows();
  writeFileSync(STAMP, new Date().toISOString());
  console.error(`planflow: built ${relative(root, dist)}/ in ${Date.now() - started} ms${bundled ? ' (workflow bundle remade)' : ''}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
