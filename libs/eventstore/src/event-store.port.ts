import type { AggregateRef, EventEnvelope, EventMeta, NewEvent } from './event-envelope';

export interface AppendOptions {
  /** Version the command decided on: 0 for a new aggregate, else the stream sequence of its last commit. */
  readonly expectedVersion: number;
  /** Idempotency key of the commit; a UUIDv7 is generated when absent. Ids are unique stream-wide. */
  readonly commitId?: string;
  readonly meta: EventMeta;
  readonly occurredAt?: Date;
}

export interface AppendResult {
  /** Stream sequence of the commit, which is also the aggregate's new version. */
  readonly position: number;
  /** True when this commit id was already stored: the append had been done before ("already done"). */
  readonly duplicate: boolean;
  readonly commitId: string;
}

export interface ReadAllOptions {
  readonly fromPosition?: number;
  readonly fromTime?: Date;
  /** Inclusive; defaults to the last position present when reading starts. */
  readonly toPosition?: number;
  readonly batchSize?: number;
  /** A subject filter below the prefix, e.g. `calendar.*` or `queue.hbs-2026-12-01`. */
  readonly subjectFilter?: string;
  /**
   * For long reads (replay): take messages off the broker on another thread while this one decodes.
   * Same events, same batches; an adapter with nothing to gain, or without a way to connect a second
   * thread, reads as usual.
   */
  readonly offThread?: boolean;
}

export type StartAt = 'all' | 'new' | { readonly position: number };

export interface SubscribeOptions {
  /** Subject filter below the prefix (`calendar.*`); all aggregates when absent. */
  readonly filter?: string;
  /** Deliveries before a failing message is parked. Default 5. */
  readonly maxDeliver?: number;
  /** Milliseconds before an unacknowledged delivery (a crashed handler) is delivered again. Default 30 s. */
  readonly ackWaitMs?: number;
  /** Delay before retry n (1-based) after a handler error; default 200 ms · 2^(n-1), at most 30 s. */
  readonly backoffMs?: (attempt: number) => number;
  /** Where a new durable subscription starts; an existing one resumes where it stopped. Default 'all'. */
  readonly startAt?: StartAt;
  /** Commits in flight to this subscriber. Default 256. */
  readonly maxAckPending?: number;
}

export type EventHandler = (event: EventEnvelope) => Promise<void>;

export interface Subscription {
  readonly name: string;
  /** Stops delivery; an unfinished handler's message is not acknowledged and will be delivered again. */
  close(): Promise<void>;
  /** Removes the durable cursor as well. */
  delete(): Promise<void>;
}

/** A message a subscription gave up on, with its error, kept for an operator to inspect and replay. */
export interface ParkedMessage {
  readonly subscription: string;
  readonly aggregate: AggregateRef;
  readonly position: number;
  readonly attempts: number;
  readonly error: { readonly name: string; readonly message: string };
  readonly parkedAt: string;
  readonly commitId: string;
  readonly events: readonly EventEnvelope[];
}

export interface EventStore {
  append(aggregate: AggregateRef, events: readonly NewEvent[], opts: AppendOptions): Promise<AppendResult>;
  /** Events with a version above `fromVersion` (default 0), and the aggregate's current version (0 = new). */
  readAggregate(aggregate: AggregateRef, fromVersion?: number): Promise<{ events: EventEnvelope[]; version: number }>;
  readAll(opts?: ReadAllOptions): AsyncIterable<EventEnvelope>;
  /** The same events as `readAll`, in batches of whole commits: replay pays one await per batch, not per event. */
  readAllBatches(opts?: ReadAllOptions): AsyncIterable<EventEnvelope[]>;
  subscribe(name: string, handler: EventHandler, opts?: SubscribeOptions): Promise<Subscription>;
  listParked(subscription?: string): Promise<ParkedMessage[]>;
  lastPosition(): Promise<number>;
  close(): Promise<void>;
}
