// Keeps worker logs to warnings so test output shows test results, not worker state changes.
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });
