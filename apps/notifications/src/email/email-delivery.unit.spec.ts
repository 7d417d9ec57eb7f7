import { UnrecoverableError } from 'bullmq';
import { backoffDelayMs, bullmqRetryOptions, deliverWithRetry, failedOutcome, type RetryPolicy, toBullmqError } from './email-delivery';
import { PermanentMailError, TransientMailError } from './mail-errors';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 5_000 };

describe('exponential backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('gives BullMQ the same curve', () => {
    expect(bullmqRetryOptions(policy)).toEqual({ attempts: 4, backoff: { type: 'exponential', delay: 1_000 } });
  });
});

describe('deliverWithRetry', () => {
  const sleeps: number[] = [];
  const sleep = async (ms: number) => void sleeps.push(ms);
  beforeEach(() => (sleeps.length = 0));

  it('retries transient failures with growing waits, then reports success', async () => {
    let calls = 0;
    const outcome = await deliverWithRetry(
      async () => {
        if (++calls < 3) throw new TransientMailError('smtp-temporary', 'temporary SMTP failure (451)', { responseCode: 451 });
        return { messageId: '<job-1@example.org>' };
      },
      { policy, sleep },
    );
    expect(outcome).toEqual({ status: 'sent', messageId: '<job-1@example.org>', attempts: 3 });
    expect(sleeps).toEqual([1_000, 2_000]);
  });

  it('stops at once on a permanent failure', async () => {
    let calls = 0;
    const outcome = await deliverWithRetry(
      async () => {
        calls++;
        throw new PermanentMailError('recipient-rejected', 'recipient rejected (550)', { responseCode: 550 });
      },
      { policy, sleep },
    );
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
    expect(outcome).toEqual({ status: 'failed', reason: 'recipient-rejected', permanent: true, smtpCode: 550, attempts: 1 });
  });

  it('gives up after the last attempt and records the last reason', async () => {
    let calls = 0;
    const outcome = await deliverWithRetry(
      async () => {
        calls++;
        throw new TransientMailError('connection-failed', 'SMTP connection failed (ESOCKET)');
      },
      { policy, sleep },
    );
    expect(calls).toBe(4);
    expect(outcome).toEqual({ status: 'failed', reason: 'connection-failed', permanent: false, attempts: 4 });
  });

  it('does not retry an error it does not understand', async () => {
    const outcome = await deliverWithRetry(async () => Promise.reject(new Error('bug')), { policy, sleep });
    expect(outcome).toMatchObject({ status: 'failed', reason: 'unknown', attempts: 1 });
  });
});

describe('handing failures to BullMQ', () => {
  it('makes a permanent failure unrecoverable, so BullMQ does not retry it', () => {
    const error = toBullmqError(new PermanentMailError('recipient-rejected', 'recipient rejected (550)'));
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect(error.message).toBe('recipient-rejected: recipient rejected (550)');
  });

  it('leaves a transient failure retryable', () => {
    const error = toBullmqError(new TransientMailError('smtp-temporary', 'temporary SMTP failure (421)'));
    expect(error).not.toBeInstanceOf(UnrecoverableError);
    expect(error.message).toBe('smtp-temporary: temporary SMTP failure (421)');
  });

  it('records the outcome of a failure without personal data', () => {
    expect(failedOutcome(new TransientMailError('timeout', 'SMTP connection timed out', { code: 'ETIMEDOUT' }), 6)).toEqual({
      status: 'failed',
      reason: 'timeout',
      permanent: false,
      attempts: 6,
    });
  });
});
