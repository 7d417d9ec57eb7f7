import { Logger } from '@nestjs/common';
import { notificationsFor, type CalendarEvent, type EmailJob, type ReminderPolicy } from '@app/domain';
import type { EventEnvelope, EventStore, Subscription } from '@app/eventstore';
import type { Queue } from 'bullmq';
import type { RetryPolicy } from '../email';
import { emailJobOptions, SEND_EMAIL, type NotificationJobs } from './email-jobs';

export interface ReactorOptions {
  readonly subscriptionName: string;
  readonly retryPolicy: RetryPolicy;
  readonly reminderPolicy: ReminderPolicy;
  readonly maxEventAgeMs: number;
  readonly now: () => number;
}

export type EmailQueue = Queue<NotificationJobs[keyof NotificationJobs], unknown, keyof NotificationJobs>;

/**
 * The durable JetStream consumer: calendar events in, BullMQ jobs out. What to do is decided by the
 * pure `notificationsFor`; this only carries it out. The message is acked after the jobs are in Redis,
 * so a crash in between redelivers it, and the deterministic job ids make the repeat a no-op.
 */
export class NotificationReactor {
  private readonly logger = new Logger('NotificationReactor');
  /** Id of the last event whose jobs are in Redis (for tests and diagnostics). */
  lastHandled: string | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly queue: EmailQueue,
    private readonly options: ReactorOptions,
  ) {}

  start(): Promise<Subscription> {
    return this.store.subscribe(this.options.subscriptionName, (event) => this.handle(event), { filter: 'calendar.*' });
  }

  async handle(envelope: EventEnvelope): Promise<void> {
    const now = this.options.now();
    const actions = notificationsFor(envelope as unknown as CalendarEvent, {
      eventId: envelope.id, now, policy: this.options.reminderPolicy, maxEventAgeMs: this.options.maxEventAgeMs,
    });
    for (const action of actions) {
      if (action.type === 'send') await this.enqueue(action.job, 0);
      else if (action.type === 'schedule-reminder') await this.enqueue(action.job, action.dueAt - now);
      else await this.queue.remove(action.jobId); // 0 when absent or running: the sender's check covers that
    }
    this.lastHandled = envelope.id;
    if (actions.length > 0) {
      this.logger.log({ eventId: envelope.id, eventType: envelope.type, correlationId: envelope.meta.correlationId, actions: actions.map((a) => a.type) }, 'event planned');
    }
  }

  private enqueue(job: EmailJob, delayMs: number) {
    return this.queue.add(SEND_EMAIL, job, emailJobOptions(job, this.options.retryPolicy, delayMs));
  }
}
