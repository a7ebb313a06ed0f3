// How long one workflow task of a plan, a step, a page or a cycle may take before Temporal retries it. The default
// (10 s) was too short for a national plan on a loaded machine: a task that always times out is retried from its whole
// history and never ends. Kept free of SDK imports: the CLI starts plans with it.
export const LARGE_WORKFLOW_TASK_TIMEOUT = '1 minute';
