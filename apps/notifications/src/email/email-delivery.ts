import { UnrecoverableError } from 'bullmq';
import { isMailFailure, type MailFailureReason, TransientMailError } from './mail-errors';
import type { SendReceipt } from './smtp-mailer';

/**
 * What happened to one email, in the shape of the event that records it (`EmailSent` /
 * `EmailDeliveryFailed`), so staff can see "email not delivered" and why. No personal data.
 */
export type EmailDeliveryOutcome =
  | { readonly status: 'sent'; readonly messageId: string; readonly attempts: number }
  | {
      readonly status: 'failed';
      readonly reason: MailFailureReason;
      readonly permanent: boolean;
      readonly smtpCode?: number;
      readonly attempts: number;
    };

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** 30 s, 1, 2, 4, 8 min: a greylisting relay (451 for a few minutes) lets us through within the budget. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 30_000, maxDelayMs: 30 * 60_000 };

/** Delay after the n-th failed attempt (1-based): base · 2^(n−1), capped. Same curve as BullMQ's 'exponential'. */
export function backoffDelayMs(failedAttempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
}

/** The same policy for a BullMQ job (`queue.add(name, data, { ...bullmqRetryOptions(policy) })`). */
export function bullmqRetryOptions(policy: RetryPolicy = DEFAULT_RETRY_POLICY) {
  return { attempts: policy.maxAttempts, backoff: { type: 'exponential' as const, delay: policy.baseDelayMs } };
}

/**
 * For a BullMQ processor: rethrow a send failure so that BullMQ retries transient ones (with
 * `bullmqRetryOptions`) and stops at once on permanent ones. The message keeps the stable reason code
 * first (`recipient-rejected: recipient rejected (550)`), so the failed handler can record it.
 */
export function toBullmqError(error: unknown): Error {
  if (!isMailFailure(error)) return error instanceof Error ? error : new Error('send failed');
  const message = `${error.reason}: ${error.message}`;
  return error.permanent ? new UnrecoverableError(message) : new Error(message);
}

export function failedOutcome(error: unknown, attempts: number): EmailDeliveryOutcome {
  const failure = isMailFailure(error) ? error : new TransientMailError('unknown', 'send failed');
  return {
    status: 'failed',
    reason: failure.reason,
    permanent: failure.permanent,
    ...(failure.smtp.responseCode !== undefined ? { smtpCode: failure.smtp.responseCode } : {}),
    attempts,
  };
}

export interface DeliverOptions {
  readonly policy?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called after each failed attempt that will be retried; for logging the reason (never the address). */
  readonly onRetry?: (error: TransientMailError, attempt: number, delayMs: number) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends with in-process retries: transient failures wait with exponential backoff, a permanent one
 * stops at once. For a BullMQ worker use one attempt per job run and `bullmqRetryOptions` instead, so
 * a restart does not lose the retry schedule.
 */
export async function deliverWithRetry(send: () => Promise<SendReceipt>, options: DeliverOptions = {}): Promise<EmailDeliveryOutcome> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      const receipt = await send();
      return { status: 'sent', messageId: receipt.messageId, attempts: attempt };
    } catch (error) {
      const retryable = error instanceof TransientMailError;
      if (!retryable || attempt >= policy.maxAttempts) return failedOutcome(error, attempt);
      const delay = backoffDelayMs(attempt, policy);
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
