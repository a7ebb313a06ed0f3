// One page of a notice a plan owes many recipients at once (its issue, close or cancel to every commune of a national
// plan): a child workflow sends it, so the plan's own history holds a few child events instead of three per
// recipient. The notices keep the plan's keys (exactly once whoever sends them) and links.
import { patched } from '@temporalio/workflow';
import type { Contact, Notification, NotificationData } from '../model/notifications';
import { Mailroom, notificationOf } from './notifications';
import type { Undelivered } from './state';

export interface BroadcastInput {
  /** The workflow that owes the notices (the plan): their keys are its. */
  owner: string;
  plan: Notification['plan'];
  event: string;
  data: NotificationData;
  to: Contact[];
  cycle?: string;
}

/** A notice to more recipients than this goes out from children (up to it, from the plan: small plans stay as they were). */
export const BROADCAST_FROM = 100;

/** At most this many recipients per child: its history stays far below 10,000 events (one to three per notice). */
export const BROADCAST_PAGE = 500;

/** Returns what could never be delivered, for the plan to record. */
export async function broadcast({ owner, plan, event, data, to, cycle }: BroadcastInput): Promise<Undelivered[]> {
  const undeliverable: Undelivered[] = [];
  // Pages recorded before their notices went out inside the workflow task sent each as an activity task. Nobody waits
  // on a page (no Update, no query), so its notices all go out within its tasks (workflows/notifications.ts).
  const inTask = patched('broadcast-in-task');
  const mail = new Mailroom((n, reason) => undeliverable.push({ to: n.to.id, event: n.data.event, reason, at: Date.now() }), () => inTask);
  mail.post(to.map((contact) => notificationOf(owner, plan, contact, event, data, undefined, cycle)));
  await mail.drain();
  return undeliverable;
}
