// The modules a worker evaluates once and shares between all its workflows (worker/bundle-options.ts): the model
// the workflows import, zod with it, and the workflows' own modules. The SDK deep-freezes what a shared module exports, meant for modules that
// never change; zod computes parts of a schema on first use and stores them on it (prototype getters, a parser that
// replaces itself), which a frozen schema refuses. So each of these modules' exports object is frozen here, shallowly:
// the SDK skips what is already frozen, and the schemas behave as in any Node process — computed once, for everyone,
// the same way, which keeps replay deterministic. What keeps per-workflow data may not live in these modules'
// variables (model/calendar/holidays.ts keeps the official decisions on each workflow's own globalThis).
import '../model/actions';
import '../model/calendar';
import '../model/consolidate';
import '../model/digest';
import '../model/ids';
import '../model/messages';
import '../model/notice-context';
import '../model/notifications';
import '../model/plan';
import '../model/plan-text';
import '../model/report';
import '../model/status';
import '../model/step-title';
import '../model/work';
// The workflows' own schemas (status signals, the frozen v1 plan shapes): built at load, the same for every workflow.
import './status-check';
import './v1/work';
// The workflows themselves: their modules hold functions, message definitions and the SDK's proxies (which find the
// running workflow when called), no state of one workflow.
import './index';

/** webpack's table of every module in the bundle, by id ("./model/plan.ts", "./node_modules/zod/v4/core/core.js"). */
declare const __webpack_modules__: Record<string, unknown>;

/** The SDK's module cache for the shared context (a global of the workflow context): the modules loaded so far. */
type ModuleCache = Record<string, { exports?: unknown } | undefined>;

const SHARED = /^\.\/(model|workflows|node_modules\/zod)\//;

const cache = (globalThis as { __webpack_module_cache__?: ModuleCache }).__webpack_module_cache__;
for (const id of Object.keys(__webpack_modules__)) {
  const exports = SHARED.test(id) ? cache?.[id]?.exports : undefined;
  if (typeof exports === 'object' && exports !== null) Object.freeze(exports);
}
