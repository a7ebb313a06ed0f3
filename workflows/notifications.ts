// How workflows hand notifications to the notify activity: one per recipient, keyed for exactly-once delivery.
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Contact, Notification, NotificationData } from '../model/notifications';

const { notify } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/** A notification to one recipient; `event` names the occurrence (e.g. `reminder-3@v0`) within this workflow. */
export function notification(
  plan: Notification['plan'], to: Contact, event: string, data: NotificationData, plannedAt?: number,
): Notification {
  return { key: `${workflowInfo().workflowId}/${event}/${to.id}`, to, plan, createdAt: Date.now(), plannedAt, data };
}

export async function send(notifications: Notification[]): Promise<void> {
  await Promise.all(notifications.map((n) => notify(n)));
}
