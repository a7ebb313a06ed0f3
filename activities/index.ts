// Every activity the planflow workflows call. Workflows import this module's type only.
import { createNotify, type NotifyDeps } from './notify';

export type ActivityDeps = NotifyDeps;

export function createActivities(deps: ActivityDeps) {
  return { notify: createNotify(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
