// How workflows hand notifications to the notify activity: one per recipient, keyed for exactly-once delivery.
// Transient failures are retried by Temporal without limit (a reminder is never lost); a permanent one comes
// back as 'undeliverable' for the workflow to record and escalate.
import { ActivityFailure, ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { Contact, Notification, NotificationData } from '../../model/notifications';

const { notify } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes', nonRetryableErrorTypes: ['undeliverable'] },
});

/** A notification to one recipient; `event` names the occurrence (e.g. `reminder-3@v0`) within this workflow. */
export function notification(
  plan: Notification['plan'], to: Contact, event: string, data: NotificationData, plannedAt?: number,
): Notification {
  return { key: `${workflowInfo().workflowId}/${event}/${to.id}`, to, plan, createdAt: Date.now(), plannedAt, data };
}

export interface Undeliverable {
  notification: Notification;
  reason: string;
}

/** Sends them all; returns those that can never be delivered. */
export async function send(notifications: Notification[]): Promise<Undeliverable[]> {
  const results = await Promise.allSettled(notifications.map((n) => notify(n)));
  return results.flatMap((result, i): Undeliverable[] => {
    if (result.status === 'fulfilled') return [];
    const cause = result.reason instanceof ActivityFailure ? result.reason.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === 'undeliverable') return [{ notification: notifications[i]!, reason: cause.message }];
    throw result.reason;
  });
}
