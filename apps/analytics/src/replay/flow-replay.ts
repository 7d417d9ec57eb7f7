import { evolveFlow, initialFlowState, type FlowPeriod, type FlowState } from '@app/domain';
import type { EventEnvelope, EventStore, LruCache } from '@app/eventstore';
import { periodDays } from './flow-period';

/** Aggregates the customer-flow projection reads; ids are `<officeId>-<YYYY-MM-DD>`. */
export const FLOW_AGGREGATES = ['calendar', 'queue'] as const;

/**
 * `scan`: one pass over the whole log, keeping the period's calendar and queue events.
 * `per-day`: two subject-filtered reads per office-day (`calendar.<office>-<date>`, `queue.…`), merged
 * by position. nats 2.9 allows one filter subject per consumer and `*` matches whole tokens only, so an
 * office cannot be selected by one filter; per-day reads touch only the period's messages, which wins
 * when the period is a small part of a large log. `auto` picks per-day for one office and ≤ 62 days.
 */
export type ReplayMode = 'scan' | 'per-day' | 'auto';

export interface ReplayProgress {
  /** Messages' events read so far (all types, before the period filter). */
  readonly read: number;
  /** Events fed to the projection. */
  readonly used: number;
  /** 0…1 */
  readonly fraction: number;
}

export interface ReplayOptions {
  readonly batchSize?: number;
  readonly mode?: ReplayMode;
  readonly onProgress?: (progress: ReplayProgress) => void;
  /** Events between progress reports. Default 10,000. */
  readonly progressEvery?: number;
  /**
   * Replays kept by period and log end. The log only grows, so while its last position is unchanged a
   * period's replay is still exact: the dashboard's figures, CSV and what-if then share one read.
   */
  readonly cache?: LruCache<string, Promise<Replayed>>;
  /**
   * Take messages off the broker on a reader thread while this thread projects (scan mode). Default:
   * from OFF_THREAD_FROM messages on, where starting the thread once is small beside the read.
   */
  readonly offThread?: boolean;
}

export interface Replayed {
  readonly state: FlowState;
  readonly eventsRead: number;
  readonly eventsUsed: number;
}

const PER_DAY_LIMIT = 62;
/** Log length from which a scan reads on a reader thread by default. */
export const OFF_THREAD_FROM = 10_000;

/** Feeds the period's events, in log order per office-day, through the flow projection. */
export async function replayFlow(store: EventStore, period: FlowPeriod, options: ReplayOptions = {}): Promise<Replayed> {
  const last = await store.lastPosition();
  const mode = options.mode ?? 'auto';
  const perDay = mode === 'per-day' || (mode === 'auto' && period.officeId !== undefined && periodDays(period).length <= PER_DAY_LIMIT);
  if (perDay && period.officeId === undefined) throw new Error('per-day replay needs an office');
  const run = () => (perDay ? replayPerDay(store, period as FlowPeriod & { officeId: string }, last, options) : replayScan(store, period, last, options));
  if (options.cache === undefined) return run();
  const key = `${period.officeId ?? '*'}|${period.from}|${period.to}|${last}`;
  const cached = options.cache.get(key);
  if (cached !== undefined) return cached;
  const replay = run();
  options.cache.set(key, replay);
  replay.catch(() => options.cache?.delete(key));
  return replay;
}

async function replayScan(store: EventStore, period: FlowPeriod, last: number, options: ReplayOptions): Promise<Replayed> {
  let state = initialFlowState();
  const every = options.progressEvery ?? 10_000;
  let read = 0;
  let used = 0;
  let nextReport = every;
  if (last === 0) return { state, eventsRead: 0, eventsUsed: 0 };
  const keep = periodFilter(period);
  const fold = folder();
  const offThread = options.offThread ?? last >= OFF_THREAD_FROM;
  for await (const batch of store.readAllBatches({ toPosition: last, batchSize: options.batchSize, offThread })) {
    for (let i = 0; i < batch.length; i++) {
      const e = batch[i]!;
      if (!keep(e.aggregate)) continue;
      state = fold(state, e);
      used += 1;
    }
    read += batch.length;
    if (options.onProgress !== undefined && read >= nextReport) {
      options.onProgress({ read, used, fraction: batch[batch.length - 1]!.position / last });
      nextReport = read + every;
    }
  }
  options.onProgress?.({ read, used, fraction: 1 });
  return { state, eventsRead: read, eventsUsed: used };
}

async function replayPerDay(store: EventStore, period: FlowPeriod & { officeId: string }, last: number, options: ReplayOptions): Promise<Replayed> {
  let state = initialFlowState();
  const days = periodDays(period);
  const events: EventEnvelope[] = [];
  for (const [index, day] of days.entries()) {
    for (const type of FLOW_AGGREGATES) {
      if (last === 0) break;
      const subjectFilter = `${type}.${period.officeId}-${day}`;
      for await (const batch of store.readAllBatches({ subjectFilter, toPosition: last, batchSize: options.batchSize })) for (const e of batch) events.push(e);
    }
    options.onProgress?.({ read: events.length, used: events.length, fraction: (index + 1) / days.length });
  }
  // Each read is in log order; together they are put back into it, as the projection expects positions to
  // rise (a stable sort keeps the events of one commit, which share a position, in their order).
  events.sort((a, b) => a.position - b.position);
  const fold = folder();
  for (const e of events) state = fold(state, e);
  return { state, eventsRead: events.length, eventsUsed: events.length };
}

/**
 * Feeds envelopes to evolveFlow through one event object refilled per event: evolveFlow reads it and
 * keeps none of it but its data's values, so a replay allocates nothing per event here.
 */
function folder(): (state: FlowState, e: EventEnvelope) => FlowState {
  const scratch: { type: string; data: unknown; position: number; aggregateId: string } = { type: '', data: undefined, position: 0, aggregateId: '' };
  return (state, e) => {
    scratch.type = e.type;
    scratch.data = e.data;
    scratch.position = e.position;
    scratch.aggregateId = e.aggregate.id;
    return evolveFlow(state, scratch);
  };
}

/**
 * Whether an aggregate's events belong to the period. A commit's events, and an office-day's commits
 * mostly, come one after another: the last aggregate's answer is reused while the id stays the same.
 */
function periodFilter(period: FlowPeriod): (aggregate: { type: string; id: string }) => boolean {
  let lastType = '';
  let lastId = '';
  let lastAnswer = false;
  return (aggregate) => {
    if (aggregate.id === lastId && aggregate.type === lastType) return lastAnswer;
    lastType = aggregate.type;
    lastId = aggregate.id;
    return (lastAnswer = inPeriod(aggregate, period));
  };
}

function inPeriod(aggregate: { type: string; id: string }, period: FlowPeriod): boolean {
  const { type, id } = aggregate;
  if (type !== 'calendar' && type !== 'queue') return false;
  const date = id.slice(-10);
  if (date < period.from || date > period.to) return false;
  return period.officeId === undefined || (id.length === period.officeId.length + 11 && id.startsWith(period.officeId));
}
