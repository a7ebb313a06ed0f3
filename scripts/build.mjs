// `npm run build`: planflow's TypeScript compiled to dist/ (one .js per source, the same tree, by esbuild: no type
// check here, `npm run typecheck` does that), the files read at run time copied beside them, and the workflow bundle
// made once (dist/workflow-bundle.js) so workers and `planflow simulate` start without webpack. The bundle is
// remade only when its inputs (workflows/, model/, the lock file) change. `--if-stale` skips the JavaScript too when
// no source is newer than the last build (jest's globalSetup uses it, so CLI tests run what the sources say).
// The CLI is also bundled whole into dist/client/cli.bundle.js, with its V8 code cache made by one run of it, for
// `planflow status`'s start-up (client/code-cache.ts), and made into a V8 startup snapshot (dist/client/cli.blob)
// that bin/planflow runs when it fits the Node at hand.
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

/** How both of the CLI's bundles (the code-cache one and the snapshot's) are made, beside their entries and plugins. */
const CLI_BUNDLE_OPTIONS = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', jsx: 'automatic', jsxImportSource: 'hono/jsx',
};

/**
 * The CLI in one file with the packages it loads at every start (Temporal's client, gRPC, zod, commander): Node
 * resolves, reads and compiles one file instead of some 400, and its code cache covers them all. The cache is made
 * by running `planflow --help` once (building the program loads every module a command's start needs).
 */
async function bundleCli() {
  const { build } = require('esbuild');
  await build({
    ...CLI_BUNDLE_OPTIONS,
    entryPoints: [join(root, 'client', 'cli.ts')],
    outfile: CLI_BUNDLE,
    plugins: [leftToNode, prunedProtos],
    logLevel: 'warning',
  });
  rmSync(`${CLI_BUNDLE}.cache`, { force: true });
  execFileSync(process.execPath, [join(root, 'bin', 'planflow.cjs'), '--help'], { stdio: 'ignore' });
}

const CLI_SNAPSHOT_ENTRY = join(dist, 'client', 'cli.snapshot.js');
const CLI_BLOB = join(dist, 'client', 'cli.blob');
/** The Node that built the blob, whose modification time the file takes too: bin/planflow runs the blob with it only. */
const CLI_BLOB_NODE = `${CLI_BLOB}.node`;

/**
 * Built-in modules the snapshot must not load while it is built (Node 20 cannot serialise their native parts: the
 * build aborts), with the properties gRPC reads from them when its modules load, copied from this Node (the one the
 * blob is for). Anything else loads the real module at its first use, after the snapshot is restored.
 */
const DEFERRED_BUILTINS = { http: [], http2: ['constants'], tls: [] };

/**
 * What the snapshot's bundle does differently from cli.bundle.js: the modules left to Node are required through
 * client/runtime-require.ts (the builder's own `require` knows only built-in modules), and http/http2 are stand-ins.
 */
const snapshotRequires = {
  name: 'planflow-snapshot-requires',
  setup(build) {
    const runtimeRequire = JSON.stringify(join(root, 'client', 'runtime-require.ts'));
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'dynamic-import') return { errors: [{ text: `import("${args.path}") in the CLI bundle: load it from a module client/lazy.ts requires` }] };
      if (args.namespace === 'planflow-deferred') return { path: args.path, external: true };
      const lazy = args.kind === 'require-call' && args.importer === join(root, 'client', 'lazy.ts');
      if (lazy || args.path === '@grpc/proto-loader') return { path: args.path, namespace: 'planflow-runtime' };
      const builtin = args.path.replace(/^node:/, '');
      if (Object.hasOwn(DEFERRED_BUILTINS, builtin)) return { path: builtin, namespace: 'planflow-deferred' };
      return undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'planflow-runtime' }, (args) => ({
      contents: `module.exports = require(${runtimeRequire}).runtimeRequire(${JSON.stringify(args.path)});`, resolveDir: root, loader: 'js',
    }));
    build.onLoad({ filter: /.*/, namespace: 'planflow-deferred' }, (args) => {
      const real = require(args.path);
      const eager = Object.fromEntries(DEFERRED_BUILTINS[args.path].map((name) => [name, real[name]]));
      return {
        contents: `const eager = ${JSON.stringify(eager)}; let real;
module.exports = new Proxy(eager, { get: (target, key) => (key in target ? target : (real ??= require(${JSON.stringify(args.path)})))[key] });`,
        loader: 'js',
      };
    });
  },
};

/**
 * gRPC's modules that read GRPC_* variables when they load (log verbosity and tracers, TLS roots and ciphers, the
 * resolver and error-detail switches), which in the snapshot is while it is built. They only keep state for
 * functions the other modules call through their exports object, so they are evaluated again, on that same object,
 * when the snapshot is restored: then they read the run's variables. client/cli-snapshot.ts leaves any other
 * GRPC_* variable to the bundle, where gRPC loads at run time.
 */
const GRPC_RELOADED = /[\\/]@grpc[\\/]grpc-js[\\/]build[\\/]src[\\/](logging|tls-helpers|environment)\.js$/;
const GRPC_RELOADED_COUNT = 3;

function reloadedOnRestore(seen) {
  return {
    name: 'planflow-reloaded-on-restore',
    setup(build) {
      build.onLoad({ filter: GRPC_RELOADED }, (args) => {
        seen.add(args.path);
        return {
          contents: `function load(exports) {\n${readFileSync(args.path, 'utf8')}\n}\nload(exports);\n`
            + 'require("node:v8").startupSnapshot.addDeserializeCallback(() => load(exports));\n',
          loader: 'js',
        };
      });
    },
  };
}

/** The snapshot's entry bundled and the blob made from it; throws when it cannot be made or answers unlike the bundle. */
async function makeSnapshot() {
  const { build } = require('esbuild');
  const reloaded = new Set();
  await build({
    ...CLI_BUNDLE_OPTIONS,
    entryPoints: [join(root, 'client', 'cli-snapshot.ts')],
    outfile: CLI_SNAPSHOT_ENTRY,
    plugins: [snapshotRequires, prunedProtos, reloadedOnRestore(reloaded)],
    // The snapshot holds the source for the functions V8 compiles when first called: without comments and
    // indentation it is a quarter smaller (a snapshot is restored at every start, in time growing with its size).
    minifyWhitespace: true,
    charset: 'ascii',
    logLevel: 'warning',
  });
  // A gRPC whose modules moved would keep the builder's variables: no snapshot then, rather than a wrong one.
  if (reloaded.size !== GRPC_RELOADED_COUNT) throw new Error(`gRPC's modules that read GRPC_* are not where the build expects them (${[...reloaded].join(', ')})`);
  // V8 keeps a source holding any character beyond Latin-1 in two bytes per character, the whole bundle (4.7 MB instead
  // of 2.3). esbuild escapes strings and identifiers but not regular expression literals (the 'Đ' of a document
  // symbol's pattern), where \uXXXX means the same.
  const source = readFileSync(CLI_SNAPSHOT_ENTRY, 'utf8');
  writeFileSync(CLI_SNAPSHOT_ENTRY, source.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  // No variables at all while it is built: nothing read then can stand in for what the run has.
  const run = (args) => execFileSync(process.execPath, args, { cwd: root, env: {}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  run(['--snapshot-blob', CLI_BLOB, '--build-snapshot', CLI_SNAPSHOT_ENTRY]);
  if (run(['--snapshot-blob', CLI_BLOB, CLI_BUNDLE, '--help']) !== run([join(root, 'bin', 'planflow.cjs'), '--help'])) {
    throw new Error('its `planflow --help` differs from the bundle\'s');
  }
  writeFileSync(CLI_BLOB_NODE, `${process.execPath}\n`);
  execFileSync('touch', ['-r', process.execPath, CLI_BLOB_NODE]);
}

/**
 * The CLI's startup snapshot, or a warning and none: bin/planflow then runs the bundle from its code cache. The
 * previous build's blob goes first, as it holds the previous bundle.
 */
async function snapshotCli() {
  rmSync(CLI_BLOB, { force: true });
  rmSync(CLI_BLOB_NODE, { force: true });
  try {
    await makeSnapshot();
  } catch (error) {
    rmSync(CLI_BLOB, { force: true });
    rmSync(CLI_BLOB_NODE, { force: true });
    const reason = (error.stderr || error.message || String(error)).trim().split('\n').slice(-3).join(' / ');
    console.error(`planflow: warning: no startup snapshot of the CLI, bin/planflow runs the bundle from its code cache: ${reason}`);
  }
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
  await snapshotCli();
  const bundled = await bundleWorkflows();
  writeFileSync(STAMP, new Date().toISOString());
  console.error(`planflow: built ${relative(root, dist)}/ in ${Date.now() - started} ms${bundled ? ' (workflow bundle remade)' : ''}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
