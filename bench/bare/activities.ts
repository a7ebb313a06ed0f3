// The baseline's one activity: a stand-in for planflow's notify activity that delivers nothing, like the
// benchmark's planflow worker, so both sides pay only for scheduling and completing an activity.
export const bareActivities = {
  work: (_agency: string): Promise<{ delivered: boolean }> => Promise.resolve({ delivered: true }),
};

export type BareActivities = typeof bareActivities;
