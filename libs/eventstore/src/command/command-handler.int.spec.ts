import { invalid, ok, fail, type Command, type DomainEvent } from '@app/domain';
import { ConcurrencyConflict } from '../errors';
import type { EventStore } from '../event-store.port';
import { CommandHandler, type CommandDecider } from './command-handler';
import { InMemorySnapshotStore, JetStreamKvSnapshotStore } from './snapshot-store';
import { jetStreamHarness, memoryHarness, randomSuffix, type StoreUnderTest } from '../../test/contract-harness';
import type { JetStreamEventStore } from '../jetstream/jetstream-event-store';

type Increment = Command<'Increment', { by: number }>;
type Incremented = DomainEvent<'Incremented', { by: number }>;
interface Counter { count: number }

const counter: CommandDecider<Increment, Incremented, Counter, { limit: number }> = {
  initialState: { count: 0 },
  decide: (cmd, state, ctx) => {
    if (cmd.data.by < 0) return fail(invalid('negative', { de: 'Negativ', en: 'Negative' }));
    if (state.count + cmd.data.by > ctx.limit) return fail(invalid('over_limit', { de: 'Zu viel', en: 'Too much' }));
    return ok(cmd.data.by === 0 ? [] : [{ type: 'Incremented', data: { by: cmd.data.by } }]);
  },
  evolve: (state, e) => ({ count: state.count + e.data.by }),
};
const inc = (by: number): Increment => ({ type: 'Increment', data: { by } });
const ctx = () => ({ limit: 1_000_000 });
const meta = { correlationId: 'c-1' };

/** Counts calls at the port, the one place where a test may look inside. */
function counting(store: EventStore) {
  const calls = { append: 0, readAggregate: [] as number[] };
  const wrapped: EventStore = Object.create(store);
  wrapped.append = (...args) => ((calls.append += 1), store.append(...args));
  wrapped.readAggregate = (ref, from) => (calls.readAggregate.push(from ?? 0), store.readAggregate(ref, from));
  return { wrapped, calls };
}

describe.each([[memoryHarness.name, memoryHarness], [jetStreamHarness.name, jetStreamHarness]])('CommandHandler over %s', (_name, harness) => {
  let sut: StoreUnderTest;
  beforeEach(async () => (sut = await harness.create()));
  afterEach(async () => sut.cleanup());
  const handlerOn = (store: EventStore, extra = {}) => new CommandHandler(store, counter, { aggregateType: 'counter', ...extra });
  const versionOf = (r: Awaited<ReturnType<CommandHandler<Increment, Incremented, Counter, { limit: number }>['handle']>>) => (r.ok ? r.value.version : -1);

  /** This process has counter `c` cached at 1 (version `mine`), then another process adds 10 and 100. */
  async function behindAnotherWriter(extra = {}) {
    const counted = counting(sut.store);
    const handler = handlerOn(counted.wrapped, extra);
    const other = handlerOn(await sut.second());
    const mine = versionOf(await handler.handle('c', inc(1), ctx, { meta }));
    const theirs = [versionOf(await other.handle('c', inc(10), ctx, { meta })), versionOf(await other.handle('c', inc(100), ctx, { meta }))] as const;
    return { handler, calls: counted.calls, mine, theirs };
  }

  it('decides, appends with the expected version and keeps the state in memory', async () => {
    const { wrapped, calls } = counting(sut.store);
    const handler = handlerOn(wrapped);
    const first = await handler.handle('c1', inc(2), ctx, { meta });
    const second = await handler.handle('c1', inc(3), ctx, { meta });
    expect(first).toMatchObject({ ok: true, value: { events: [{ type: 'Incremented', data: { by: 2 } }], state: { count: 2 } } });
    expect(second).toMatchObject({ ok: true, value: { state: { count: 5 }, duplicate: false } });
    expect(second.ok && second.value.version).toBe((await sut.store.readAggregate({ type: 'counter', id: 'c1' })).version);
    expect(calls).toEqual({ append: 2, readAggregate: [0] });
  });

  it('returns a domain refusal without appending, and appends nothing for an empty decision', async () => {
    const { wrapped, calls } = counting(sut.store);
    const handler = handlerOn(wrapped);
    const refused = await handler.handle('c1', inc(-1), ctx, { meta });
    expect(refused).toMatchObject({ ok: false, error: { code: 'negative', kind: 'invalid' } });
    expect(await handler.handle('c1', inc(0), ctx, { meta })).toEqual({ ok: true, value: { events: [], version: 0, state: { count: 0 }, duplicate: false } });
    expect(calls.append).toBe(0);
  });

  it('loads an aggregate once for concurrent misses and serialises a hot aggregate to one append per command', async () => {
    const { wrapped, calls } = counting(sut.store);
    const handler = handlerOn(wrapped);
    const results = await Promise.all(Array.from({ length: 200 }, () => handler.handle('hot', inc(1), ctx, { meta })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(calls.append).toBe(200);
    expect(calls.readAggregate).toEqual([0]);
    expect((await handler.state('hot')).state.count).toBe(200);
  });

  it('catches up on the commits another process made and decides again, and says it was behind', async () => {
    let behind = 0;
    const { handler, calls, mine } = await behindAnotherWriter({ onBehind: () => (behind += 1) });
    expect(behind).toBe(0);
    const r = await handler.handle('c', inc(1000), ctx, { meta });
    expect(r).toMatchObject({ ok: true, value: { state: { count: 1111 } } });
    expect(calls.readAggregate).toEqual([0, mine]);
    expect(calls.append).toBe(3);
    expect(behind).toBe(1);
  });

  it('latest() reads only what another process appended since, and keeps it: the next command appends once', async () => {
    let behind = 0;
    const { handler, calls, mine, theirs } = await behindAnotherWriter({ onBehind: () => (behind += 1) });
    expect((await handler.latest('c')).state.count).toBe(111);
    expect((await handler.latest('c')).state.count).toBe(111);
    expect(behind).toBe(1); // the second read found nothing new
    expect(await handler.handle('c', inc(1000), ctx, { meta })).toMatchObject({ ok: true, value: { state: { count: 1111 } } });
    // One full load, one read after `mine` (two commits), then a read that finds nothing new; no reload from 0.
    expect(calls.readAggregate).toEqual([0, mine, theirs[1]]);
    expect(calls.append).toBe(2);
  });

  it('observe() applies a commit that follows on from the cached version, and leaves the cache alone on a gap or when not cached', async () => {
    const { handler, calls, mine, theirs } = await behindAnotherWriter();
    const [v2, v3] = theirs;
    handler.observe('c', [{ type: 'Incremented', data: { by: 100 } }], v3, v2); // a gap: v2 not seen
    expect(await handler.state('c')).toEqual({ state: { count: 1 }, version: mine });
    handler.observe('c', [{ type: 'Incremented', data: { by: 10 } }], v2, mine);
    handler.observe('c', [{ type: 'Incremented', data: { by: 100 } }], v3, v2);
    handler.observe('c', [{ type: 'Incremented', data: { by: 100 } }], v3, v2); // delivered twice
    expect(await handler.state('c')).toEqual({ state: { count: 111 }, version: v3 });
    handler.observe('never-loaded', [{ type: 'Incremented', data: { by: 5 } }], 99, 0);
    expect(await handler.handle('c', inc(1000), ctx, { meta })).toMatchObject({ ok: true, value: { state: { count: 1111 } } });
    expect(calls).toEqual({ append: 2, readAggregate: [0] });
    expect((await handler.state('never-loaded')).state.count).toBe(0);
  });

  it('answers concurrent_modification after the bounded attempts', async () => {
    const alwaysStale: EventStore = Object.create(sut.store);
    alwaysStale.append = async (ref, _events, opts) => {
      throw new ConcurrencyConflict(ref, opts.expectedVersion);
    };
    const handler = handlerOn(alwaysStale, { maxAttempts: 3, random: () => 0 });
    const r = await handler.handle('c', inc(1), ctx, { meta });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'concurrent_modification', details: { attempts: 3 } } });
  });

  it('lets two processes writing the same hot aggregates all finish, with no lost update', async () => {
    const a = handlerOn(sut.store, { maxAttempts: 50 });
    const b = handlerOn(await sut.second(), { maxAttempts: 50 });
    const ids = ['h0', 'h1', 'h2', 'h3', 'h4'];
    const work = [a, b].flatMap((h) => Array.from({ length: 100 }, (_, i) => h.handle(ids[i % ids.length]!, inc(1), ctx, { meta })));
    const results = await Promise.all(work);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    for (const id of ids) expect((await handlerOn(sut.store).state(id)).state.count).toBe(40);
  }, 60_000);

  it('treats a repeated commit id as already done', async () => {
    const handler = handlerOn(sut.store);
    const commitId = '0190f5a2-0000-7000-8000-00000000abcd';
    const first = await handler.handle('c', inc(5), ctx, { meta, commitId });
    const again = await handlerOn(sut.store).handle('c', inc(5), ctx, { meta, commitId });
    expect(again).toMatchObject({ ok: true, value: { duplicate: true, events: [], state: { count: 5 } } });
    expect(again.ok && first.ok && again.value.version).toBe(first.ok && first.value.version);
    expect((await sut.store.readAggregate({ type: 'counter', id: 'c' })).events).toHaveLength(1);
  });

  describe('with assumeNewWhenUncached', () => {
    const assuming = (store: EventStore) => handlerOn(store, { assumeNewWhenUncached: true, random: () => 0 });

    it('appends to a new aggregate without reading the log first', async () => {
      const { wrapped, calls } = counting(sut.store);
      const r = await assuming(wrapped).handle('fresh', inc(2), ctx, { meta });
      expect(r).toMatchObject({ ok: true, value: { state: { count: 2 } } });
      expect(calls).toEqual({ append: 1, readAggregate: [] });
    });

    it('finds an existing aggregate through the failed append and decides on its real state (not a sign of another writer)', async () => {
      await handlerOn(sut.store).handle('old', inc(5), ctx, { meta });
      const { wrapped, calls } = counting(await sut.second());
      let behind = 0;
      const r = await handlerOn(wrapped, { assumeNewWhenUncached: true, random: () => 0, onBehind: () => (behind += 1) }).handle('old', inc(1), ctx, { meta });
      expect(behind).toBe(0);
      expect(r).toMatchObject({ ok: true, value: { state: { count: 6 } } });
      expect(calls).toEqual({ append: 2, readAggregate: [0] });
      expect((await handlerOn(sut.store).state('old')).state.count).toBe(6);
    });

    it('never answers a refusal or a no-op decided on the assumed state', async () => {
      await handlerOn(sut.store).handle('full', inc(5), ctx, { meta });
      const other = await sut.second();
      const refused = await assuming(other).handle('full', inc(1), () => ({ limit: 1 }), { meta });
      expect(refused).toMatchObject({ ok: false, error: { code: 'over_limit' } });
      const noop = await assuming(other).handle('full', inc(0), ctx, { meta });
      expect(noop).toMatchObject({ ok: true, value: { state: { count: 5 }, events: [] } });
    });
  });

  it('loads from a snapshot and reads only the events after it', async () => {
    const snapshots = harness === jetStreamHarness
      ? await JetStreamKvSnapshotStore.open<Counter>((sut.store as JetStreamEventStore).nc, `snap_${randomSuffix()}`)
      : new InMemorySnapshotStore<Counter>();
    try {
      const writer = handlerOn(sut.store, { snapshots: { store: snapshots, every: 3 } });
      for (let i = 0; i < 4; i++) await writer.handle('s', inc(1), ctx, { meta });
      await new Promise((resolve) => setTimeout(resolve, 100)); // snapshot writes do not block commands
      const snap = await snapshots.get('counter.s');
      expect(snap?.state).toEqual({ count: 3 });
      const { wrapped, calls } = counting(sut.store);
      const reader = handlerOn(wrapped, { snapshots: { store: snapshots, every: 3 } });
      expect((await reader.state('s')).state.count).toBe(4);
      expect(calls.readAggregate).toEqual([snap!.version]);
    } finally {
      if (snapshots instanceof JetStreamKvSnapshotStore) await snapshots.destroy();
    }
  });
});
