// A logger that drops everything, for the SDK's runtime and bundler where planflow prints its own lines instead: the
// preview (`planflow simulate`), the benchmark's workers and bundler, and the tests' workers.
import type { Logger } from '@temporalio/common';

export const silentLogger: Logger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined,
};
