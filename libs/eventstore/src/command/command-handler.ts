import { conflict, fail, fold, ok, type Command, type DomainError, type DomainEvent, type Result } from '@app/domain';
import { ConcurrencyConflict } from '../errors';
import type { AggregateRef, EventEnvelope, EventMeta } from '../event-envelope';
import type { EventStore } from '../event-store.port';
import { KeyedQueue } from './keyed-queue';
import { LruCache } from './lru-cache';
import type { SnapshotStore } from './snapshot-store';

/** The decider shape of `@app/domain` (structurally; any `Decider` fits). */
export interface CommandDecider<C extends Command, E extends DomainEvent, S, Ctx> {
  readonly initialState: S;
  decide(command: C, state: S, context: Ctx): Result<readonly E[], DomainError>;
  evolve(state: S, event: E): S;
}

export interface CommandHandlerOptions<E extends DomainEvent, S> {
  readonly aggregateType: string;
  /** Aggregates kept in memory. Default 1,000. */
  readonly cacheSize?: number;
  /** Decide-and-append attempts before answering `concurrent_modification`. Default 8. */
  readonly maxAttempts?: number;
  /** Upper bound of the random wait after conflict n is min(maxBackoffMs, baseBackoffMs · 2^(n-1)). */
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Schema version written for an event type. Default 1. */
  readonly schemaVersionOf?: (type: E['type']) => number;
  readonly snapshots?: { readonly store: SnapshotStore<S>; readonly every: number };
  readonly random?: () => number;
  /**
   * For aggregates that are almost always new when a command first meets them (one per contact): a
   * command on an aggregate not in the cache is decided on the initial state at version 0 without
   * reading the log. The append's expected version 0 proves the aggregate new; if it is not, the
   * conflict catches up from the log and the command is decided again. A refusal or a no-op decided
   * on the assumed state is never answered: the aggregate is loaded and the command decided again.
   * Saves one read per new aggregate, costs one failed append per existing one. Default false.
   */
  readonly assumeNewWhenUncached?: boolean;
  /**
   * Called when a cached state turned out to be behind the log (a failed append, or `latest` found
   * commits): another process writes these aggregates too. Not for a new aggregate assumed new.
   */
  readonly onBehind?: () => void;
}

export interface HandleOptions {
  readonly meta: EventMeta;
  /** Idempotency key: a repeat of an already stored commit answers `duplicate: true` and changes nothing. */
  readonly commitId?: string;
  readonly occurredAt?: Date;
}

export interface Handled<E, S> {
  readonly events: readonly E[];
  readonly version: number;
  readonly state: S;
  readonly duplicate: boolean;
}

interface Entry<S> {
  readonly state: S;
  readonly version: number;
  readonly sinceSnapshot: number;
}

/**
 * The one command path of every aggregate: load (cache → snapshot → events), decide, append with the
 * expected version; on a conflict catch up on the new commits only and decide again, with bounded
 * random backoff (two writers retrying in lockstep would starve one, see MEASURED.md).
 */
export class CommandHandler<C extends Command, E extends DomainEvent, S, Ctx> {
  private readonly cache: LruCache<string, Promise<Entry<S>>>;
  private readonly queue = new KeyedQueue();
  private readonly random: () => number;

  constructor(
    private readonly store: EventStore,
    private readonly decider: CommandDecider<C, E, S, Ctx>,
    private readonly options: CommandHandlerOptions<E, S>,
  ) {
    this.cache = new LruCache(options.cacheSize ?? 1000);
    this.random = options.random ?? Math.random;
  }

  /** Decides `command` on aggregate `id`; a domain refusal is returned as a failed Result, not thrown. */
  handle(id: string, command: C, context: (state: S) => Ctx | Promise<Ctx>, opts: HandleOptions): Promise<Result<Handled<E, S>, DomainError>> {
    return this.queue.run(id, () => this.attempt(id, command, context, opts));
  }

  /** The current state as this process knows it (cached, else loaded); for queries. */
  async state(id: string): Promise<{ state: S; version: number }> {
    const { state, version } = await this.load(id);
    return { state, version };
  }

  /**
   * The state as the log has it now: the cached (or loaded) state plus the commits another process
   * appended since, read back from the newest (one direct get when there are none), and kept. For reads
   * that must see every earlier write. Evicting and loading again would read the aggregate's whole
   * history instead, which with several instances writing the same aggregates was most of their work.
   */
  async latest(id: string): Promise<{ state: S; version: number }> {
    const cached = this.load(id);
    const entry = await cached;
    const next = await this.readSince(id, entry);
    if (next !== entry) this.options.onBehind?.();
    // Only over the entry this read started from: a command or another read may have stored a newer one meanwhile.
    if (next !== entry && this.cache.get(id) === cached) this.cache.set(id, Promise.resolve(next));
    return { state: next.state, version: next.version };
  }

  /**
   * A commit another process appended, seen on the log: applied to the cached state when it follows on
   * from it (`previous` is the cached version), so the next command here decides on current state
   * instead of failing its append and catching up. Anything else (not cached, already applied, a gap)
   * leaves the cache as it is; the version check of the next append still holds.
   */
  observe(id: string, events: readonly E[], version: number, previous: number | undefined): void {
    if (previous === undefined || !this.cache.has(id)) return;
    const cached = this.cache.get(id)!;
    const next = cached.then((entry) =>
      entry.version === previous ? { state: fold(this.decider.evolve, entry.state, events), version, sinceSnapshot: entry.sinceSnapshot + events.length } : entry,
    );
    this.cache.set(id, next);
    next.catch(() => {
      if (this.cache.get(id) === next) this.cache.delete(id);
    });
  }

  evict(id: string): void {
    this.cache.delete(id);
  }

  private async attempt(id: string, command: C, context: (state: S) => Ctx | Promise<Ctx>, opts: HandleOptions): Promise<Result<Handled<E, S>, DomainError>> {
    const maxAttempts = this.options.maxAttempts ?? 8;
    const assumeNew = this.options.assumeNewWhenUncached === true && !this.cache.has(id);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const { entry, decision } = await this.decideOn(id, command, context, assumeNew && attempt === 1);
      if (!decision.ok) return decision;
      if (decision.value.length === 0) return ok({ events: [], version: entry.version, state: entry.state, duplicate: false });
      try {
        const appended = await this.store.append(this.ref(id), decision.value.map((e) => this.toNew(e)), {
          expectedVersion: entry.version,
          commitId: opts.commitId,
          meta: opts.meta,
          occurredAt: opts.occurredAt,
        });
        if (appended.duplicate) {
          const current = await this.catchUp(id, entry);
          return ok({ events: [], version: current.version, state: current.state, duplicate: true });
        }
        return ok(this.applied(id, entry, decision.value, appended.position));
      } catch (err) {
        if (!(err instanceof ConcurrencyConflict)) {
          this.cache.delete(id); // the append may or may not have happened: reload next time
          throw err;
        }
        // A state assumed new that was not only met an aggregate this cache never held: no sign of another writer.
        if (entry.version > 0 || !assumeNew) this.options.onBehind?.();
        await this.catchUp(id, entry);
        if (attempt < maxAttempts) await this.backoff(attempt);
      }
    }
    return fail(
      conflict(
        'concurrent_modification',
        { de: 'Der Vorgang wurde gleichzeitig von anderer Seite geändert. Bitte erneut versuchen.', en: 'Someone else changed this at the same time. Please try again.' },
        { aggregate: this.ref(id), attempts: maxAttempts },
      ),
    );
  }

  private applied(id: string, entry: Entry<S>, events: readonly E[], version: number): Handled<E, S> {
    const state = fold(this.decider.evolve, entry.state, events);
    const next: Entry<S> = { state, version, sinceSnapshot: entry.sinceSnapshot + events.length };
    this.cache.set(id, Promise.resolve(this.maybeSnapshot(id, next)));
    return { events, version, state, duplicate: false };
  }

  /** Decides on the cached (or loaded) state; with `assumeNew`, first on the initial state (see the option). */
  private async decideOn(id: string, command: C, context: (state: S) => Ctx | Promise<Ctx>, assumeNew: boolean) {
    if (assumeNew) {
      const entry: Entry<S> = { state: this.decider.initialState, version: 0, sinceSnapshot: 0 };
      const decision = this.decider.decide(command, entry.state, await context(entry.state));
      // Only an append may rest on the assumption (its version check proves it); anything else is decided on the log's state.
      if (decision.ok && decision.value.length > 0) return { entry, decision };
    }
    const entry = await this.load(id);
    return { entry, decision: this.decider.decide(command, entry.state, await context(entry.state)) };
  }

  /** Caches the load promise, so concurrent misses on one aggregate load it once. */
  private load(id: string): Promise<Entry<S>> {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const loading = this.loadFresh(id);
    this.cache.set(id, loading);
    loading.catch(() => {
      if (this.cache.get(id) === loading) this.cache.delete(id);
    });
    return loading;
  }

  private async loadFresh(id: string): Promise<Entry<S>> {
    const snapshot = await this.options.snapshots?.store.get(this.snapshotKey(id)).catch(() => undefined);
    const base: Entry<S> = snapshot === undefined ? { state: this.decider.initialState, version: 0, sinceSnapshot: 0 } : { ...snapshot, sinceSnapshot: 0 };
    const { events, version } = await this.store.readAggregate(this.ref(id), base.version);
    return { state: fold(this.decider.evolve, base.state, events.map(toDomainEvent<E>)), version: Math.max(version, base.version), sinceSnapshot: events.length };
  }

  /** After a conflict, read only the commits after the version we knew. */
  private async catchUp(id: string, entry: Entry<S>): Promise<Entry<S>> {
    const next = await this.readSince(id, entry);
    this.cache.set(id, Promise.resolve(next));
    return next;
  }

  /** `entry` with the commits after its version applied; `entry` itself when there are none. */
  private async readSince(id: string, entry: Entry<S>): Promise<Entry<S>> {
    const { events, version } = await this.store.readAggregate(this.ref(id), entry.version);
    if (events.length === 0 && version <= entry.version) return entry;
    return {
      state: fold(this.decider.evolve, entry.state, events.map(toDomainEvent<E>)),
      version: Math.max(version, entry.version),
      sinceSnapshot: entry.sinceSnapshot + events.length,
    };
  }

  private maybeSnapshot(id: string, entry: Entry<S>): Entry<S> {
    const snapshots = this.options.snapshots;
    if (snapshots === undefined || entry.sinceSnapshot < snapshots.every) return entry;
    // A snapshot only saves reading; failing to write one must not fail the command.
    snapshots.store.put(this.snapshotKey(id), { state: entry.state, version: entry.version }).catch(() => undefined);
    return { ...entry, sinceSnapshot: 0 };
  }

  private backoff(attempt: number): Promise<void> {
    const cap = Math.min(this.options.maxBackoffMs ?? 100, (this.options.baseBackoffMs ?? 2) * 2 ** (attempt - 1));
    return new Promise((resolve) => setTimeout(resolve, this.random() * cap));
  }

  private toNew(event: E): { type: string; data: unknown; schemaVersion: number } {
    return { type: event.type, data: event.data, schemaVersion: this.options.schemaVersionOf?.(event.type) ?? 1 };
  }

  private ref(id: string): AggregateRef {
    return { type: this.options.aggregateType, id };
  }

  private snapshotKey(id: string): string {
    return `${this.options.aggregateType}.${id}`;
  }
}

function toDomainEvent<E extends DomainEvent>(envelope: EventEnvelope): E {
  return { type: envelope.type, data: envelope.data } as E;
}
