// How workflows hand notifications to the notify activity: one per recipient, keyed for exactly-once delivery, sent
// beside the work — a workflow posts mail and goes on deciding; it never waits for a mail server before its next
// step (notices nobody waits on go out inside the workflow task that posts them, which then ends after the send:
// `notifyInTask`). Transient failures are retried by Temporal without limit (a reminder is never lost), or for three
// days in a mailroom bounded in time (settled assignments); a permanent one, or a bounded send given up, comes back
// through `onUndeliverable` for the workflow to record and escalate.
import type { Duration, RetryPolicy } from '@temporalio/common';
import { ActivityFailure, ApplicationFailure, condition, proxyActivities, proxyLocalActivities, TimeoutFailure, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Contact, Notification, NotificationData } from '../model/notifications';

// SMTP's connection, greeting and socket timeouts (10 + 10 + 30 s by default) end an attempt well inside a minute.
// No heartbeat timeout: with one, the Java time-skipping server rejected workflow task completions ("invalid
// history builder state for action") in a CI run; `notify` heartbeats anyway, ready for one on a real cluster.
const FIRST_RETRY_SECONDS = 10;
const LONGEST_RETRY_SECONDS = 30 * 60;
const RETRY: RetryPolicy = {
  initialInterval: FIRST_RETRY_SECONDS * 1000, backoffCoefficient: 2, maximumInterval: LONGEST_RETRY_SECONDS * 1000, nonRetryableErrorTypes: ['undeliverable'],
};
const SEND = { startToCloseTimeout: '1 minute', retry: RETRY } as const;
const { notify } = proxyActivities<Activities>(SEND);

/** How long a workflow that has ended its work still gives its last mail to go out (Mailroom.drain). */
const GRACE_SECONDS = 3 * 24 * 3600;
const GRACE: Duration = GRACE_SECONDS * 1000;
const GIVEN_UP = 'Máy chủ thư chưa nhận thư sau 3 ngày thử lại; thư không được gửi.';

/**
 * The same activity run inside the workflow task that sends it: no activity task on the server and no workflow task
 * for its result (a commune that never reports got 8 of each from its notice ladder). Only for notices nobody waits
 * on (the clock's: workflows/assignment.ts), since the task ends only once the send has: an Update would wait for the
 * mail server. Every retry waits on a durable timer (the threshold is below the first interval), so a mail server
 * that is down holds no workflow task and loses nothing when the worker stops.
 */
const IN_TASK = { ...SEND, localRetryThreshold: '1 second' } as const;
const { notify: notifyInTask } = proxyLocalActivities<Activities>(IN_TASK);

/**
 * The same sends, each given up after GRACE (a mailroom `bounded` in time): a workflow whose every send is bounded
 * waits for its last mail without a timer of its own. An assignment's drain timer, started and cancelled at its end
 * because the acceptance notice was still in flight, took 1.1 s of the 16.8 s its thread worked in a profiled quick
 * benchmark (V8 samples, 2026-11-27).
 */
const { notify: notifyWithinGrace } = proxyActivities<Activities>({ ...SEND, scheduleToCloseTimeout: GRACE });
const { notify: notifyInTaskWithinGrace } = proxyLocalActivities<Activities>({
  ...IN_TASK, retry: { ...RETRY, maximumAttempts: attemptsWithin(GRACE_SECONDS) },
});

/**
 * How many attempts RETRY's backoff makes in `seconds`. A local activity is bounded by its attempts: its backoff sleeps
 * are workflow timers, but its schedule-to-close is kept by the worker's own clock, and under the time-skipping server
 * it never ended the retries of a notice that failed for weeks of workflow time (living-plans test 12, 2026-11-27).
 */
function attemptsWithin(seconds: number): number {
  let attempts = 1;
  for (let waited = 0, wait = FIRST_RETRY_SECONDS; waited + wait <= seconds; waited += wait, wait = Math.min(wait * 2, LONGEST_RETRY_SECONDS)) attempts++;
  return attempts;
}

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

  /**
   * `inTask`: which notifications go out inside the workflow task that posts them (notifyInTask says which may).
   * `bounded`: every send is given up after GRACE, whenever it was posted, and reported undeliverable: mail a mailbox
   * refuses for days reaches the lead office's attention while the work still runs, and the end waits on no timer.
   */
  constructor(
    private readonly onUndeliverable: (n: Notification, reason: string) => void,
    private readonly inTask: (n: Notification) => boolean = () => false,
    private readonly bounded = false,
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
  async drain(): Promise<void> {
    // Nothing in flight (an assignment's last drain, mostly): no grace timer, whose start and cancellation in the same
    // activation never reach the history anyway, and none of the dozen promises a timed condition makes, each of which
    // the SDK's promise hook pays a stack trace for.
    if (this.idle) return;
    // Every send in flight ends within GRACE of its posting, given up if it must be (pump).
    if (this.bounded) return void (await condition(() => this.idle));
    if (await condition(() => this.idle, GRACE)) return;
    for (const n of this.unsent) this.onUndeliverable(n, GIVEN_UP);
  }

  private pump(): void {
    while (this.inFlight.size < WINDOW && this.queue.length) {
      const n = this.queue.shift()!;
      this.inFlight.set(n.key, n);
      this.send(n).then(
        () => this.settle(n),
        (error: unknown) => {
          const cause = error instanceof ActivityFailure ? error.cause : error; // a local activity's comes bare
          // Anything else is a cancellation (the plan closed): the mail is simply no longer due.
          if (cause instanceof ApplicationFailure && cause.type === 'undeliverable') this.onUndeliverable(n, cause.message);
          // A bounded send that ran out of time (a timeout) or of attempts (the last attempt's failure).
          else if (this.bounded && (cause instanceof TimeoutFailure || cause instanceof ApplicationFailure)) this.onUndeliverable(n, GIVEN_UP);
          this.settle(n);
        },
      );
    }
  }

  private send(n: Notification): ReturnType<Activities['notify']> {
    if (this.inTask(n)) return (this.bounded ? notifyInTaskWithinGrace : notifyInTask)(n);
    return (this.bounded ? notifyWithinGrace : notify)(n);
  }

  private settle(n: Notification): void {
    this.inFlight.delete(n.key);
    this.pump();
  }
}
