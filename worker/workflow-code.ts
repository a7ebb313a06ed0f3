// Where a worker gets the workflow code: the bundle `npm run build` made beside the compiled code (no webpack at
// start-up), else the sources, bundled at start (running from TypeScript with tsx, in development and tests).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';
import { planflowBundleOptions } from './bundle-options';

/** dist/workflow-bundle.js as seen from dist/worker/; from worker/ in the sources it does not exist. */
const PREBUILT = join(__dirname, '..', 'workflow-bundle.js');

export function prebuiltWorkflowBundle(): { codePath: string } | undefined {
  return existsSync(PREBUILT) ? { codePath: PREBUILT } : undefined;
}

export function workflowCode(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  const workflowBundle = prebuiltWorkflowBundle();
  if (workflowBundle) return { workflowBundle };
  const { workflowsPath, preloadModules } = planflowBundleOptions();
  return { workflowsPath, bundlerOptions: { preloadModules } };
}
