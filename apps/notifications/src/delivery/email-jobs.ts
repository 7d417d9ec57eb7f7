import type { EmailJob } from '@app/domain';
import type { JobsOptions } from 'bullmq';
import { bullmqRetryOptions, type RetryPolicy } from '../email';

/** Job name → payload. One job type for now: every email kind is the same "compose and send". */
export interface NotificationJobs {
  'send-email': EmailJob;
}
export type NotificationJobName = keyof NotificationJobs;
export const SEND_EMAIL: NotificationJobName = 'send-email';

/**
 * Completed jobs stay a day, failed ones a week: while a job is kept, adding its id again is a no-op
 * (BullMQ's dedupe). Beyond that the mail log is what prevents a second email.
 */
export function emailJobOptions(job: EmailJob, policy: RetryPolicy, delayMs = 0): JobsOptions {
  return {
    jobId: job.jobId,
    ...bullmqRetryOptions(policy),
    ...(delayMs > 0 ? { delay: delayMs } : {}),
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}
