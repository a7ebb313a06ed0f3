// The `require` of the modules the CLI's startup snapshot leaves outside it (client/lazy.ts's modules beside the
// bundle in dist/, @grpc/proto-loader). Node 20 builds a snapshot from one file whose `require` loads built-in modules
// only, and that is the `require` the snapshot keeps; scripts/build.mjs therefore sends these requires here, and
// client/cli-snapshot.ts sets the real one when the snapshot is restored, from where the bundle is at that moment.

let current: NodeJS.Require | undefined;

export function setRuntimeRequire(require: NodeJS.Require): void {
  current = require;
}

export function runtimeRequire(id: string): unknown {
  if (!current) throw new Error(`planflow: "${id}" is loaded at run time only, not while the startup snapshot is built`);
  return current(id);
}
