// The entry of the CLI's V8 startup snapshot (dist/client/cli.blob, made by scripts/build.mjs; bin/planflow runs
// it). While the snapshot is built, every module the CLI loads at start is evaluated and Temporal's protobuf
// definitions are resolved with the encoders and decoders protobufjs generates for them: the work that was most of a
// `planflow status` start (reading the definitions, generating the codecs, compiling the bundle). What depends on the
// run (arguments, environment, current directory, standard streams) is read only in the main function, after the
// snapshot is restored.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { roots, Type } from 'protobufjs/light';
import '@temporalio/proto';
import { runCli } from './cli-main';
import { setRuntimeRequire } from './runtime-require';

/**
 * The WorkflowService calls of a `planflow status`: the connection's check (GetSystemInfo), the workflow's type
 * (DescribeWorkflowExecution) and the plan's answer (QueryWorkflow). The plan it was started with
 * (GetWorkflowExecutionHistory, whose events hold most of Temporal's types) is read only from workers before session 15,
 * whose answers do not name the plan's steps.
 */
const STATUS_CALLS = ['GetSystemInfo', 'DescribeWorkflowExecution', 'QueryWorkflow'];

/** `types` and every message type their fields hold, at any depth. */
function withFieldTypes(types: Type[]): Set<Type> {
  const all = new Set<Type>();
  const add = (type: Type): void => {
    if (all.has(type)) return;
    all.add(type);
    for (const field of type.fieldsArray) if (field.resolvedType instanceof Type) add(field.resolvedType);
  };
  types.forEach(add);
  return all;
}

/**
 * Temporal's definitions resolved (protobufjs reads them whole at every start, then resolves each type at its first
 * use), and the codecs generated for every message a status call may send or receive: 80 of the 738 types (160 while
 * it also read the plan's first history event). The
 * others are generated at their first use, as before: all of them would make the snapshot a third bigger, and
 * restoring it slower by more than a status call gains (medians of 12 interleaved status calls: 279 ms with all,
 * 254 with the 31 a status call met, 281 with none).
 */
function warmProtos(): void {
  const root = roots.__temporal;
  if (!root) throw new Error('@temporalio/proto did not register its protobuf root');
  root.resolveAll();
  const service = root.lookupService('temporal.api.workflowservice.v1.WorkflowService');
  const calls = STATUS_CALLS.map((name) => {
    const method = service.methods[name];
    if (!method?.resolvedRequestType || !method.resolvedResponseType) throw new Error(`WorkflowService has no ${name}`);
    return [method.resolvedRequestType, method.resolvedResponseType];
  });
  for (const type of withFieldTypes(calls.flat())) type.setup();
}

warmProtos();

/** The GRPC_* variables read by the gRPC modules that scripts/build.mjs has evaluated again on restore. */
const RELOADED = /^GRPC_(NODE_VERBOSITY|VERBOSITY|NODE_TRACE|TRACE|SSL_CIPHER_SUITES|DEFAULT_SSL_ROOTS_FILE_PATH|NODE_USE_ALTERNATIVE_RESOLVER|NODE_DEBUG_SEND_ERROR_DETAILS)$/;

startupSnapshot.setDeserializeMainFunction(() => {
  // bin/planflow passes the code-cache bundle as the script, so process.argv reads as in a run of that bundle, and
  // the modules left outside the snapshot resolve from its folder wherever the project now is.
  // Node resolves a script's path for process.argv[1], but not in a run from a snapshot.
  const bundle = resolve(process.argv[1] ?? '');
  process.argv[1] = bundle;
  const requireBeside = createRequire(bundle);
  // gRPC reads its GRPC_* variables when its modules load, which here was while the snapshot was built. The modules
  // reading those of RELOADED load again on restore (scripts/build.mjs); with any other set, the CLI runs from the
  // bundle, where gRPC loads now.
  if (Object.keys(process.env).some((name) => name.startsWith('GRPC_') && !RELOADED.test(name))) {
    (requireBeside('./code-cache') as typeof import('./code-cache')).runCached(bundle);
    return;
  }
  setRuntimeRequire(requireBeside);
  runCli(process.argv.slice(2));
});
