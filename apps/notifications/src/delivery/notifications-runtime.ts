import { Logger } from '@nestjs/common';
import type { Catalog, ReminderPolicy } from '@app/domain';
import type { EventStore, Subscription } from '@app/eventstore';
import type { PersonalDataVault } from '@app/privacy';
import { Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import type { RetryPolicy, SmtpMailer } from '../email';
import type { NotificationJobs } from './email-jobs';
import type { EmailLinks } from './email-links';
import { EmailSender } from './email-sender';
import { MailLog } from './mail-log';
import { NotificationReactor, type EmailQueue } from './notification-reactor';
import { ReminderReconciler, type ReconcileReport } from './reminder-reconciler';

export interface NotificationsRuntimeOptions {
  readonly store: EventStore;
  readonly vault: PersonalDataVault;
  readonly catalog: Catalog;
  readonly mailer: SmtpMailer;
  readonly links: EmailLinks;
  readonly redisUrl: string;
  readonly queueName: string;
  /** Redis key prefix of BullMQ (tests use their own). */
  readonly queuePrefix?: string;
  readonly concurrency: number;
  readonly retryPolicy: RetryPolicy;
  readonly reminderPolicy: ReminderPolicy;
  readonly maxEventAgeMs: number;
  /** Durable consumer name on the event stream. */
  readonly subscriptionName: string;
  readonly now?: () => number;
}

type EmailJobData = NotificationJobs[keyof NotificationJobs];

/**
 * The whole pipeline without Nest (the module and the tests use it): consumer → queue → worker → SMTP
 * → outcome events, and the reconcile. Owns its two Redis connections and quits them on close
 * (BullMQ's close() leaves a passed-in connection open).
 */
export class NotificationsRuntime {
  private readonly logger = new Logger('NotificationsRuntime');
  private subscription?: Subscription;

  private constructor(
    readonly queue: EmailQueue,
    readonly worker: Worker<EmailJobData, unknown, keyof NotificationJobs>,
    readonly reactor: NotificationReactor,
    readonly reconciler: ReminderReconciler,
    private readonly connections: readonly Redis[],
  ) {}

  static async start(options: NotificationsRuntimeOptions): Promise<NotificationsRuntime> {
    const now = options.now ?? Date.now;
    // The worker blocks on its connection, so queue and worker each get their own.
    const queueConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    const workerConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    const prefix = options.queuePrefix ? { prefix: options.queuePrefix } : {};
    const queue: EmailQueue = new Queue(options.queueName, { connection: queueConnection, ...prefix });
    const log = new MailLog(options.store);
    const sender = new EmailSender({ mailer: options.mailer, vault: options.vault, catalog: options.catalog, links: options.links, log, store: options.store, now });
    const worker = new Worker<EmailJobData, unknown, keyof NotificationJobs>(
      options.queueName,
      (job) => NotificationsRuntime.process(sender, job),
      { connection: workerConnection, concurrency: options.concurrency, ...prefix },
    );
    const policies = { retryPolicy: options.retryPolicy, reminderPolicy: options.reminderPolicy, now };
    const reactor = new NotificationReactor(options.store, queue, { ...policies, subscriptionName: options.subscriptionName, maxEventAgeMs: options.maxEventAgeMs });
    const runtime = new NotificationsRuntime(queue, worker, reactor, new ReminderReconciler(options.store, queue, policies), [queueConnection, workerConnection]);
    // Without a listener BullMQ prints worker errors (e.g. Redis gone) raw; log them once, structured.
    worker.on('error', (err) => runtime.logger.warn({ err: err.message }, 'email worker error'));
    worker.on('failed', (job, err) => runtime.logger.warn({ jobId: job?.id, kind: job?.data.kind, attempts: job?.attemptsMade, err: err.message }, 'email job failed'));
    await runtime.reconcile(); // before consuming: Redis may have lost its jobs while we were down
    runtime.subscription = await reactor.start();
    return runtime;
  }

  reconcile(): Promise<ReconcileReport> {
    return this.reconciler.reconcile();
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    await this.worker.close();
    await this.queue.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private static async process(sender: EmailSender, job: Job<EmailJobData, unknown, keyof NotificationJobs>): Promise<string> {
    const result = await sender.send(job.data, { number: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1, correlationId: job.id ?? job.data.jobId });
    new Logger('EmailSender').log({ jobId: job.id, kind: job.data.kind, result }, 'email job done');
    return result;
  }
}
