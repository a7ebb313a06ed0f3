// How workflows hand notifications to the notify activity: one per recipient, keyed for exactly-once delivery, sent
// beside the work — a workflow posts mail and goes on deciding; it never waits for a mail server before its next
// step (notices nobody waits on go out inside the workflow task that posts them, which then ends after the send:
// `notifyInTask`). Transient failures are retried by Temporal without limit (a reminder is never lost); a permanent
// one comes back through `onUndeliverable` for the workflow to record and escalate.
import type { Duration, RetryPolicy } from '@temporalio/common';
import { ActivityFailure, ApplicationFailure, condition, proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Contact, Notification, NotificationData } from '../model/notifications';

// SMTP's connection, greeting and socket timeouts (10 + 10 + 30 s by default) end an attempt well inside a minute.
// No heartbeat timeout: with one, the Java time-skipping server rejected workflow task completions ("invalid
// history builder state for action") in a CI run; `notify` heartbeats anyway, ready for one on a real cluster.
const RETRY: RetryPolicy = { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes', nonRetryableErrorTypes: ['undeliverable'] };
const { notify } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry: RETRY });

/**
 * The same activity run inside the workflow task that sends it: no activity task on the server and no workflow task
 * for its result (a commune that never reports got 8 of each from its notice ladder). Only for notices nobody waits
 * on (the clock's: workflows/assignment.ts), since the task ends only once the send has: an Update would wait for the
 * mail server. Every retry waits on a durable timer (the threshold is below the first interval), so a mail server
 * that is down holds no workflow task and loses nothing when the worker stops.
 */
const { notify: notifyInTask } = proxyLocalActivities<Activities>({ startToCloseTimeout: '1 minute', retry: RETRY, localRetryThreshold: '1 second' });

/** A notification to one recipient; `event` names the occurrence (e.g. `reminder-3@v0`) within this workflow. */
export function notification(
  plan: Notification['plan'], to: Contact, event: string, data: NotificationData, plannedAt?: number, cycle?: string,
): Notification {
  return notificationOf(workflowInfo().workflowId, plan, to, event, data, plannedAt, cycle);
}

/**
 * The same for a notice `owner` (a workflow id) owes: its key, and so its exactly-once identity, stays the owner's
 * whichever workflow sends it (a plan's notices to every commune go out from broadcast children).
 */
export function notificationOf(
  owner: string, plan: Notification['plan'], to: Contact, event: string, data: NotificationData, plannedAt?: number, cycle?: string,
): Notification {
  // The reader acts on the assignment's page, or on the plan's for the plan's own notices.
  const page = owner === plan.id ? `/plans/${encodeURIComponent(plan.id)}` : `/assignments/${encodeURIComponent(owner)}`;
  return { key: `${owner}/${event}/${to.id}`, to, plan, createdAt: Date.now(), plannedAt, cycle, page, data };
}

/** At most this many sends at once per workflow: a plan-wide notice must not exceed Temporal's pending-activity cap. */
const WINDOW = 100;

/**
 * The workflow's outgoing mail. `post` queues and starts sends without waiting; `idle` says when every send has
 * finished (wait for it before the workflow ends); `unsent` is what a continue-as-new carries to the next run.
 */
export class Mailroom {
  private readonly queue: Notification[] = [];
  private readonly inFlight = new Map<string, Notification>();

  /** `inTask`: which notifications go out inside the workflow task that posts them (notifyInTask says which may). */
  constructor(
    private readonly onUndeliverable: (n: Notification, reason: string) => void,
    private readonly inTask: (n: Notification) => boolean = () => false,
  ) {}

  post(notifications: Notification[]): void {
    this.queue.push(...notifications);
    this.pump();
  }

  get idle(): boolean {
    return this.queue.length === 0 && this.inFlight.size === 0;
  }

  get unsent(): Notification[] {
    return [...this.inFlight.values(), ...this.queue];
  }

  /**
   * Before a workflow ends: waits for its last mail, but not for ever — a mailbox refusing for days must not keep a
   * finished plan open. What is still unsent after the grace time is reported as undeliverable and given up.
   */
  async drain(grace: Duration = '3 days'): Promise<void> {
    // Nothing in flight (an assignment's last drain, mostly): no grace timer, whose start and cancellation in the same
    // activation never reach the history anyway, and none of the dozen promises a timed condition makes, each of which
    // the SDK's promise hook pays a stack trace for.
    if (this.idle || (await condition(() => this.idle, grace))) return;
    for (const n of this.unsent) this.onUndeliverable(n, 'Máy chủ thư chưa nhận thư sau 3 ngày thử lại; thư không được gửi.');
  }

  private pump(): void {
    while (this.inFlight.size < WINDOW && this.queue.length) {
      const n = this.queue.shift()!;
      this.inFlight.set(n.key, n);
      (this.inTask(n) ? notifyInTask : notify)(n).then(
        () => this.settle(n),
        (error: unknown) => {
          const cause = error instanceof ActivityFailure ? error.cause : error; // a local activity's comes bare
          // Anything else is a cancellation (the plan closed): the mail is simply no longer due.
          if (cause instanceof ApplicationFailure && cause.type === 'undeliverable') this.onUndeliverable(n, cause.message);
          this.settle(n);
        },
      );
    }
  }

  private settle(n: Notification): void {
    this.inFlight.delete(n.key);
    this.pump();
  }
}
