// The embedded Temporal dev server for `npm start` with nothing configured: state in a local SQLite file so a
// restart resumes every plan, and Temporal's UI on. Binaries come from worker/temporal-binaries.ts.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Config } from './config';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { resolveTemporalExecutable } from './temporal-binaries';

export async function startDevServer(config: Config, dataConverter: DataConverter): Promise<TestWorkflowEnvironment> {
  const dataDir = resolve(config.PLANFLOW_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return TestWorkflowEnvironment.createLocal({
    client: { dataConverter },
    server: {
      executable: resolveTemporalExecutable('cli'),
      dbFilename: join(dataDir, 'temporal.db'),
      namespace: config.TEMPORAL_NAMESPACE,
      port: config.PLANFLOW_DEV_SERVER_PORT,
      ui: true,
      uiPort: config.PLANFLOW_DEV_UI_PORT,
      log: { format: 'pretty', level: 'warn' },
      searchAttributes: SEARCH_ATTRIBUTES,
    },
  });
}
