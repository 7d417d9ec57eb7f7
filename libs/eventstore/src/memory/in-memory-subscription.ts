import type { EventEnvelope } from '../event-envelope';
import type { EventHandler, Subscription } from '../event-store.port';
import { describeError } from '../subscription-policy';
import { subjectMatches, type InMemoryLog, type MemoryCommit, type MemoryDurable } from './in-memory-log';

export interface InMemorySubscriptionSettings {
  readonly maxDeliver: number;
  readonly ackWaitMs: number;
  readonly backoff: (attempt: number) => number;
  readonly decode: (commit: MemoryCommit) => EventEnvelope[];
}

/**
 * The in-memory twin of a durable pull consumer: a delivered message counts as in flight until acked,
 * and is due again after the ack wait (a subscriber that stopped mid-handler), or after the backoff
 * when its handler failed. After `maxDeliver` deliveries it is parked and the subscription goes on.
 */
export class InMemorySubscription implements Subscription {
  private closed = false;
  private wake: (() => void) | undefined;
  private delivered = 0;

  constructor(
    private readonly log: InMemoryLog,
    readonly name: string,
    private readonly durable: MemoryDurable,
    private readonly handler: EventHandler,
    private readonly settings: InMemorySubscriptionSettings,
  ) {
    void this.run();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
  }

  async delete(): Promise<void> {
    await this.close();
    this.log.durables.delete(this.name);
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      const seq = this.nextDue();
      if (seq === undefined) await this.waitForWork();
      else await this.deliver(seq);
      // Let timers and I/O run between deliveries, as a network consumer would.
      if (++this.delivered % 128 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private nextDue(): number | undefined {
    const now = Date.now();
    let due: number | undefined;
    for (const [seq, at] of this.durable.retryAt) if (at <= now && (due === undefined || seq < due)) due = seq;
    if (due !== undefined) return due;
    while (this.durable.cursor <= this.log.lastSeq) {
      const commit = this.log.commit(this.durable.cursor)!;
      this.durable.cursor += 1;
      if (subjectMatches(this.durable.filter, commit.subject)) return commit.seq;
    }
    return undefined;
  }

  private async deliver(seq: number): Promise<void> {
    const attempts = (this.durable.attempts.get(seq) ?? 0) + 1;
    this.durable.attempts.set(seq, attempts);
    // In flight until acked: if this subscriber stops mid-handler, the message is due again after the ack wait.
    this.durable.retryAt.set(seq, Date.now() + this.settings.ackWaitMs);
    if (attempts > this.settings.maxDeliver) {
      this.park(seq, { name: 'Unanswered', message: `delivered ${attempts} times without an ack` }, attempts);
      return;
    }
    try {
      for (const event of this.settings.decode(this.log.commit(seq)!)) {
        await this.handler(event);
        if (this.closed) return;
      }
      this.settle(seq);
    } catch (err) {
      if (this.closed) return;
      if (attempts >= this.settings.maxDeliver) this.park(seq, describeError(err), attempts);
      else this.durable.retryAt.set(seq, Date.now() + this.settings.backoff(attempts));
    }
  }

  private park(seq: number, error: { name: string; message: string }, attempts: number): void {
    this.log.parked.push({ subscription: this.name, seq, attempts, error, parkedAt: new Date().toISOString() });
    this.settle(seq);
  }

  private settle(seq: number): void {
    this.durable.attempts.delete(seq);
    this.durable.retryAt.delete(seq);
  }

  private waitForWork(): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        off();
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const off = this.log.onAppend(done);
      const next = Math.min(...this.durable.retryAt.values());
      if (Number.isFinite(next)) timer = setTimeout(done, Math.max(0, next - Date.now()));
      this.wake = done;
    });
  }
}
