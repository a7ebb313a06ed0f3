// Runs the bundled CLI (dist/client/cli.bundle.js, made by scripts/build.mjs) from V8's code cache beside it, so a
// `planflow status` does not parse and compile its 4 MB of JavaScript again on every call: with the cache, compiling
// the bundle and the functions the previous run compiled is a deserialisation (Node 20 has no
// `module.enableCompileCache`, hence `vm.Script` with `cachedData`). A missing or rejected cache (another Node, a
// rebuilt bundle) is written again when the process exits; a cache that cannot be written is simply not kept.
import { closeSync, fstatSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * V8 checks a cache against its source's length only, so the cache carries the bundle's size and modification time
 * too: a bundle rebuilt to the same length must not run another bundle's compiled code.
 */
const keyOf = (size: number, mtimeMs: number) => Buffer.from(`planflow-cache ${process.version} ${size} ${mtimeMs}\n`);

export const cachePathOf = (bundle: string) => `${bundle}.cache`;

function readSource(bundle: string): { source: string; key: Buffer } {
  const fd = openSync(bundle, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    return { source: readFileSync(fd, 'utf8'), key: keyOf(size, mtimeMs) };
  } finally {
    closeSync(fd);
  }
}

/** The V8 data of a cache made for this bundle, or undefined. */
function readCache(path: string, key: Buffer): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    return undefined;
  }
  return data.subarray(0, key.length).equals(key) ? data.subarray(key.length) : undefined;
}

/** Written beside and renamed over, so a run reading it at the same moment sees the old cache or the new one whole. */
function writeCache(path: string, key: Buffer, data: Buffer): void {
  const temporary = `${path}.${process.pid}`;
  try {
    writeFileSync(temporary, Buffer.concat([key, data]));
    renameSync(temporary, path);
  } catch {
    // A read-only installation runs without a cache, as before there was one.
  }
}

/**
 * Runs `bundle` as the CommonJS module it was built as, compiled from its code cache when that fits. `parent` is
 * the launcher's module; the startup snapshot, which falls back to this, has none.
 */
export function runCached(bundle: string, parent?: NodeModule): void {
  const { source, key } = readSource(bundle);
  const cachePath = cachePathOf(bundle);
  const cachedData = readCache(cachePath, key);
  // No `importModuleDynamically`: the bundle has no `import()` (scripts/build.mjs refuses one); its ES modules are
  // imported by the files client/lazy.ts requires, which Node loads itself.
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  // Made at exit, not now: by then it holds every function this run compiled, not only the top level.
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCache(cachePath, key, script.createCachedData()));
  const module = new Module(bundle, parent);
  module.filename = bundle;
  module.loaded = true;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}
