import { Logger } from '@nestjs/common';
import { ReminderLedger, type ReminderPolicy } from '@app/domain';
import type { EventStore } from '@app/eventstore';
import type { RetryPolicy } from '../email';
import { emailJobOptions, SEND_EMAIL } from './email-jobs';
import { MAIL_AGGREGATE } from './mail-log';
import type { EmailQueue } from './notification-reactor';

export interface ReconcileReport {
  /** Reminders that should be pending according to the log. */
  readonly pending: number;
  /** Of those, jobs that were missing in Redis and were added again. */
  readonly restored: number;
}

/**
 * Redis is disposable: this rebuilds the pending reminders from the event log (calendar and mail
 * outcomes) and adds them with the same deterministic ids, so jobs still present are left as they are
 * and a reminder already sent (its outcome recorded) is not planned again.
 */
export class ReminderReconciler {
  private readonly logger = new Logger('ReminderReconciler');

  constructor(
    private readonly store: EventStore,
    private readonly queue: EmailQueue,
    private readonly options: { readonly retryPolicy: RetryPolicy; readonly reminderPolicy: ReminderPolicy; readonly now: () => number },
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const ledger = new ReminderLedger();
    // Whole calendar history for now; the appointments that matter lie within the booking window, so a
    // later optimisation can start from a position about maxDays back (readAll fromTime).
    for await (const event of this.store.readAll({ subjectFilter: 'calendar.*' })) ledger.apply(event);
    for await (const event of this.store.readAll({ subjectFilter: `${MAIL_AGGREGATE}.*` })) ledger.apply(event);
    const now = this.options.now();
    const pending = ledger.pending(now, this.options.reminderPolicy);
    let restored = 0;
    for (const { job, dueAt } of pending) {
      if (await this.queue.getJob(job.jobId)) continue;
      await this.queue.add(SEND_EMAIL, job, emailJobOptions(job, this.options.retryPolicy, dueAt - now));
      restored++;
    }
    this.logger.log({ pending: pending.length, restored }, 'reminders reconciled');
    return { pending: pending.length, restored };
  }
}
