import { encodeCommit, toEnvelopes } from '../commit-codec';
import { ConcurrencyConflict, InvalidAggregateRef, InvalidAppend } from '../errors';
import { isValidToken, type AggregateRef, type CommitBody, type EventEnvelope, type NewEvent } from '../event-envelope';
import type { AppendOptions, AppendResult, EventHandler, EventStore, ParkedMessage, ReadAllOptions, SubscribeOptions, Subscription } from '../event-store.port';
import { defaultBackoff } from '../subscription-policy';
import { UpcasterRegistry } from '../upcaster-registry';
import { uuidv7 } from '../uuidv7';
import { InMemoryLog, subjectMatches, type MemoryCommit } from './in-memory-log';
import { InMemorySubscription } from './in-memory-subscription';

export interface InMemoryEventStoreOptions {
  /** Share a log between several stores to model several processes on one stream. */
  readonly log?: InMemoryLog;
  readonly upcasters?: UpcasterRegistry;
  readonly duplicateWindowMs?: number;
}

const PREFIX = 'ev';

/**
 * The event store in memory, with the JetStream adapter's semantics: dedupe by commit id (checked
 * before the version, as JetStream does), expected-version conflicts, durable subscriptions with
 * parking, bounded replay. Bodies are JSON round-tripped so that what a test reads back is what the
 * JetStream adapter would have stored.
 */
export class InMemoryEventStore implements EventStore {
  readonly log: InMemoryLog;
  private readonly upcasters: UpcasterRegistry;
  private readonly duplicateWindowMs: number;
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.log = options.log ?? new InMemoryLog();
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.duplicateWindowMs = options.duplicateWindowMs ?? 120_000;
  }

  async append(aggregate: AggregateRef, events: readonly NewEvent[], opts: AppendOptions): Promise<AppendResult> {
    const subject = subjectOf(aggregate);
    if (!Number.isInteger(opts.expectedVersion) || opts.expectedVersion < 0) throw new InvalidAppend('expectedVersion must be an integer >= 0');
    const now = Date.now();
    const commitId = opts.commitId ?? uuidv7(now);
    const body = JSON.parse(encodeCommit(events, commitId, opts.commitId === undefined, opts.meta, opts.occurredAt?.getTime() ?? now)) as CommitBody;
    await Promise.resolve(); // an append is never synchronous: let concurrent callers interleave
    const seen = this.log.commitIds.get(commitId);
    if (seen !== undefined && now - seen.at <= this.duplicateWindowMs) return { position: seen.seq, duplicate: true, commitId };
    if (this.log.lastOf(subject) !== opts.expectedVersion) throw new ConcurrencyConflict(aggregate, opts.expectedVersion);
    return { position: this.log.store(subject, aggregate, commitId, body, now), duplicate: false, commitId };
  }

  async readAggregate(aggregate: AggregateRef, fromVersion = 0): Promise<{ events: EventEnvelope[]; version: number }> {
    const seqs = this.log.bySubject.get(subjectOf(aggregate)) ?? [];
    const events = seqs.filter((seq) => seq > fromVersion).flatMap((seq) => this.decode(this.log.commit(seq)!));
    return { events, version: seqs.length === 0 ? 0 : seqs[seqs.length - 1]! };
  }

  async *readAll(opts: ReadAllOptions = {}): AsyncGenerator<EventEnvelope> {
    for await (const batch of this.readAllBatches(opts)) yield* batch;
  }

  /** `readAll` in arrays of up to `batchSize` commits (default 1,000), as the JetStream adapter yields them. */
  async *readAllBatches(opts: ReadAllOptions = {}): AsyncGenerator<EventEnvelope[]> {
    const to = Math.min(opts.toPosition ?? this.log.lastSeq, this.log.lastSeq);
    const filter = opts.subjectFilter === undefined ? undefined : `${PREFIX}.${opts.subjectFilter}`;
    const fromTime = opts.fromTime?.getTime();
    const size = opts.batchSize ?? 1000;
    let batch: EventEnvelope[] = [];
    let commits = 0;
    for (let seq = Math.max(1, opts.fromPosition ?? 1); seq <= to; seq++) {
      const commit = this.log.commit(seq)!;
      if (fromTime !== undefined && commit.storedAt < fromTime) continue;
      if (filter !== undefined && !subjectMatches(filter, commit.subject)) continue;
      batch.push(...this.decode(commit));
      if (++commits % size === 0) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  async subscribe(name: string, handler: EventHandler, opts: SubscribeOptions = {}): Promise<Subscription> {
    if (!isValidToken(name)) throw new InvalidAppend(`subscription name must match [A-Za-z0-9_-]: ${name}`);
    let durable = this.log.durables.get(name);
    if (durable === undefined) {
      const startAt = opts.startAt ?? 'all';
      const cursor = startAt === 'all' ? 1 : startAt === 'new' ? this.log.lastSeq + 1 : Math.max(1, startAt.position);
      const filter = opts.filter === undefined ? `${PREFIX}.>` : `${PREFIX}.${opts.filter}`;
      durable = { filter, cursor, attempts: new Map(), retryAt: new Map() };
      this.log.durables.set(name, durable);
    }
    const sub = new InMemorySubscription(this.log, name, durable, handler, {
      maxDeliver: opts.maxDeliver ?? 5,
      ackWaitMs: opts.ackWaitMs ?? 30_000,
      backoff: opts.backoffMs ?? defaultBackoff,
      decode: (commit) => this.decode(commit),
    });
    this.subscriptions.add(sub);
    return sub;
  }

  async listParked(subscription?: string): Promise<ParkedMessage[]> {
    return this.log.parked
      .filter((p) => subscription === undefined || p.subscription === subscription)
      .map((p) => {
        const commit = this.log.commit(p.seq)!;
        return { ...p, position: p.seq, aggregate: commit.aggregate, commitId: commit.commitId, events: this.decode(commit) };
      });
  }

  async lastPosition(): Promise<number> {
    return this.log.lastSeq;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.subscriptions.clear();
  }

  private decode(commit: MemoryCommit): EventEnvelope[] {
    return toEnvelopes({ position: commit.seq, aggregate: commit.aggregate, body: commit.body }, this.upcasters);
  }
}

/** The subject an aggregate's commits are kept under (as on JetStream, with the prefix `ev`). */
export function subjectOf(aggregate: AggregateRef): string {
  if (!isValidToken(aggregate.type) || !isValidToken(aggregate.id)) throw new InvalidAggregateRef(aggregate);
  return `${PREFIX}.${aggregate.type}.${aggregate.id}`;
}
