import { ConcurrencyConflict, InvalidAggregateRef, InvalidAppend } from '../src/errors';
import type { EventEnvelope } from '../src/event-envelope';
import type { EventStore } from '../src/event-store.port';
import { UpcasterRegistry } from '../src/upcaster-registry';
import { isUuidv7 } from '../src/uuidv7';
import { collect, waitFor, type ContractHarness, type StoreUnderTest } from './contract-harness';

const meta = { correlationId: 'corr-1', actor: 'staff:4711' };
const cal = (id: string) => ({ type: 'calendar', id });
const booked = (n: number) => ({ type: 'AppointmentBooked', data: { n } });

/** The behaviour every EventStore adapter must show; run against each adapter by the *.int.spec files. */
export function eventStoreContract(harness: ContractHarness): void {
  let sut: StoreUnderTest;
  let store: EventStore;
  beforeEach(async () => {
    sut = await harness.create();
    store = sut.store;
  });
  afterEach(async () => sut.cleanup());

  describe('append and readAggregate', () => {
    it('reads a new aggregate as version 0 without waiting', async () => {
      const started = Date.now();
      expect(await store.readAggregate(cal('nobody'))).toEqual({ events: [], version: 0 });
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('stores one commit as one position and reads back full envelopes in order', async () => {
      const occurredAt = new Date('2026-12-01T08:00:00.000Z');
      const r = await store.append(cal('a'), [booked(1), { type: 'HoldReleased', data: { x: 'y' }, schemaVersion: 2 }], { expectedVersion: 0, meta, occurredAt });
      expect(r.duplicate).toBe(false);
      expect(r.position).toBeGreaterThan(0);
      const { events, version } = await store.readAggregate(cal('a'));
      expect(version).toBe(r.position);
      expect(events.map((e) => [e.type, e.schemaVersion, e.data, e.position, e.version])).toEqual([
        ['AppointmentBooked', 1, { n: 1 }, r.position, r.position],
        ['HoldReleased', 2, { x: 'y' }, r.position, r.position],
      ]);
      for (const e of events) {
        expect(isUuidv7(e.id)).toBe(true);
        expect(e).toMatchObject({ occurredAt: occurredAt.toISOString(), aggregate: cal('a'), meta, commitId: r.commitId });
      }
      expect(events[0]!.id < events[1]!.id).toBe(true);
    });

    it('uses the global position as version, so versions of one aggregate skip others’ commits', async () => {
      const a1 = await store.append(cal('a'), [booked(1)], { expectedVersion: 0, meta });
      await store.append(cal('b'), [booked(2)], { expectedVersion: 0, meta });
      const a2 = await store.append(cal('a'), [booked(3)], { expectedVersion: a1.position, meta });
      expect(a2.position).toBe(a1.position + 2);
      expect((await store.readAggregate(cal('a'))).version).toBe(a2.position);
      expect(await store.lastPosition()).toBe(a2.position);
      expect((await store.readAggregate(cal('a'), a1.position)).events.map((e) => e.data)).toEqual([{ n: 3 }]);
    });

    it('refuses a stale expected version with a typed ConcurrencyConflict and stores nothing', async () => {
      const first = await store.append(cal('a'), [booked(1)], { expectedVersion: 0, meta });
      await expect(store.append(cal('a'), [booked(2)], { expectedVersion: 0, meta })).rejects.toBeInstanceOf(ConcurrencyConflict);
      const err = await store.append(cal('a'), [booked(2)], { expectedVersion: first.position + 7, meta }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'concurrency_conflict', aggregate: cal('a'), expectedVersion: first.position + 7 });
      expect((await store.readAggregate(cal('a'))).events).toHaveLength(1);
    });

    it('stores a retried commit id once and answers duplicate with the first position, before checking the version', async () => {
      const commitId = '0190f5a2-0000-7000-8000-000000000001';
      const first = await store.append(cal('a'), [booked(1)], { expectedVersion: 0, meta, commitId });
      const again = await store.append(cal('a'), [booked(1)], { expectedVersion: 0, meta, commitId });
      expect(again).toEqual({ position: first.position, duplicate: true, commitId });
      expect((await store.readAggregate(cal('a'))).events).toHaveLength(1);
    });

    it('reads an aggregate of many commits in order (beyond the direct-get catch-up)', async () => {
      let version = 0;
      for (let i = 0; i < 40; i++) {
        version = (await store.append(cal('long'), [booked(i)], { expectedVersion: version, meta })).position;
        await store.append(cal('other'), [booked(i)], { expectedVersion: i === 0 ? 0 : version - 1, meta }).catch(() => undefined);
      }
      const all = await store.readAggregate(cal('long'));
      expect(all.events.map((e) => (e.data as { n: number }).n)).toEqual([...Array(40).keys()]);
      expect(all.version).toBe(version);
      const tail = await store.readAggregate(cal('long'), all.events[29]!.version);
      expect(tail.events.map((e) => (e.data as { n: number }).n)).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
    });

    it('reads on from every version, whether a commit names its predecessor or was stored without one (older writers)', async () => {
      const positions: number[] = [];
      for (let i = 0; i < 24; i++) {
        // Every fifth commit as an older writer stored it, without the expected version beside it.
        const last = positions[positions.length - 1] ?? 0;
        positions.push(
          i % 5 === 2
            ? await sut.storeBody(cal('mixed'), `0190f5a2-0000-7000-8000-${String(i).padStart(12, '0')}`, { occurredAt: new Date().toISOString(), meta, events: [{ id: `0190f5a2-0000-7000-9000-${String(i).padStart(12, '0')}`, type: 'AppointmentBooked', data: { n: i } }] })
            : (await store.append(cal('mixed'), [booked(i)], { expectedVersion: last, meta })).position,
        );
        await store.append(cal(`noise${i}`), [booked(-1)], { expectedVersion: 0, meta });
      }
      for (const [k, from] of [0, ...positions].entries()) {
        const read = await store.readAggregate(cal('mixed'), from);
        expect(read.events.map((e) => (e.data as { n: number }).n)).toEqual([...Array(24).keys()].slice(k));
        expect(read.version).toBe(positions[23]);
      }
    });

    it.each([['a.b'], ['a b'], ['*'], ['>'], [''], ['ä']])('refuses the aggregate id %j', async (id) => {
      await expect(store.append(cal(id), [booked(1)], { expectedVersion: 0, meta })).rejects.toBeInstanceOf(InvalidAggregateRef);
      await expect(store.readAggregate({ type: id, id: 'x' })).rejects.toBeInstanceOf(InvalidAggregateRef);
    });

    it('refuses an empty commit and a commit without correlation id', async () => {
      await expect(store.append(cal('a'), [], { expectedVersion: 0, meta })).rejects.toBeInstanceOf(InvalidAppend);
      await expect(store.append(cal('a'), [booked(1)], { expectedVersion: 0, meta: { correlationId: '' } })).rejects.toBeInstanceOf(InvalidAppend);
    });

    it('accepts exactly one of two concurrent appends with the same version from two connections, 2,000 rounds', async () => {
      const other = await sut.second();
      let version = 0;
      let accepted = 0;
      for (let round = 0; round < 2000; round++) {
        const results = await Promise.allSettled([
          store.append(cal('hot'), [booked(round)], { expectedVersion: version, meta }),
          other.append(cal('hot'), [booked(-round)], { expectedVersion: version, meta }),
        ]);
        const won = results.filter((r): r is PromiseFulfilledResult<{ position: number; duplicate: boolean; commitId: string }> => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(ConcurrencyConflict);
        version = won[0]!.value.position;
        accepted += 1;
      }
      expect(accepted).toBe(2000);
      expect((await other.readAggregate(cal('hot'))).events).toHaveLength(2000);
    }, 120_000);
  });

  describe('readAll', () => {
    async function seed(): Promise<number[]> {
      const positions: number[] = [];
      positions.push((await store.append(cal('a'), [booked(1), booked(2)], { expectedVersion: 0, meta })).position);
      positions.push((await store.append({ type: 'queue', id: 'q' }, [booked(3)], { expectedVersion: 0, meta })).position);
      positions.push((await store.append(cal('b'), [booked(4)], { expectedVersion: 0, meta })).position);
      return positions;
    }
    const ns = (events: EventEnvelope[]) => events.map((e) => (e.data as { n: number }).n);

    it('yields nothing, and ends, on an empty log', async () => {
      expect(await collect(store.readAll())).toEqual([]);
      expect(await collect(store.readAll({ subjectFilter: 'calendar.*' }))).toEqual([]);
    });

    it('replays every event in position order', async () => {
      const [p1, p2, p3] = await seed();
      const all = await collect(store.readAll({ batchSize: 2 }));
      expect(ns(all)).toEqual([1, 2, 3, 4]);
      expect(all.map((e) => e.position)).toEqual([p1, p1, p2, p3]);
    });

    it('reads from a position, up to a position, and by subject filter', async () => {
      const [p1, p2] = await seed();
      expect(ns(await collect(store.readAll({ fromPosition: p2 })))).toEqual([3, 4]);
      expect(ns(await collect(store.readAll({ toPosition: p2 })))).toEqual([1, 2, 3]);
      expect(ns(await collect(store.readAll({ fromPosition: p1 + 1, toPosition: p2 })))).toEqual([3]);
      expect(ns(await collect(store.readAll({ subjectFilter: 'calendar.*' })))).toEqual([1, 2, 4]);
      expect(ns(await collect(store.readAll({ subjectFilter: 'queue.nothing' })))).toEqual([]);
    });

    it('reads from a time', async () => {
      await seed();
      await new Promise((resolve) => setTimeout(resolve, 30));
      const from = new Date();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.append(cal('late'), [booked(9)], { expectedVersion: 0, meta });
      expect(ns(await collect(store.readAll({ fromTime: from })))).toEqual([9]);
      expect(ns(await collect(store.readAll({ fromTime: new Date(Date.now() + 60_000) })))).toEqual([]);
    });

    it('ends at the last position present when it started', async () => {
      await seed();
      const seen: number[] = [];
      for await (const e of store.readAll()) {
        seen.push((e.data as { n: number }).n);
        if (seen.length === 1) await store.append(cal('during'), [booked(99)], { expectedVersion: 0, meta });
      }
      expect(seen).toEqual([1, 2, 3, 4]);
    });
  });

  describe('upcasting', () => {
    it('upcasts old schema versions on every read path', async () => {
      await sut.cleanup();
      const upcasters = new UpcasterRegistry().register('AppointmentBooked', 1, (e) => ({
        type: e.type,
        schemaVersion: 2,
        data: { ...(e.data as object), channel: 'online' },
      }));
      sut = await harness.create(upcasters);
      store = sut.store;
      await store.append(cal('a'), [booked(1)], { expectedVersion: 0, meta });
      const expected = { type: 'AppointmentBooked', schemaVersion: 2, data: { n: 1, channel: 'online' } };
      expect((await store.readAggregate(cal('a'))).events[0]).toMatchObject(expected);
      expect((await collect(store.readAll()))[0]).toMatchObject(expected);
      const got: EventEnvelope[] = [];
      await store.subscribe('upcast', async (e) => void got.push(e));
      await waitFor(() => got.length === 1);
      expect(got[0]).toMatchObject(expected);
    });
  });

  describe('durable subscriptions', () => {
    const fastRetry = { backoffMs: () => 20, ackWaitMs: 1000 };

    it('delivers each event of each commit in order, and resumes after the last ack', async () => {
      await store.append(cal('a'), [booked(1), booked(2)], { expectedVersion: 0, meta });
      await store.append({ type: 'queue', id: 'q' }, [booked(3)], { expectedVersion: 0, meta });
      const got: number[] = [];
      const sub = await store.subscribe('reactor', async (e) => void got.push((e.data as { n: number }).n), { filter: 'calendar.*' });
      await waitFor(() => got.length === 2);
      const b = await store.append(cal('b'), [booked(4)], { expectedVersion: 0, meta });
      await waitFor(() => got.length === 3);
      await sub.close();
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the last ack reach the server
      await store.append(cal('b'), [booked(5)], { expectedVersion: b.position, meta });
      await store.subscribe('reactor', async (e) => void got.push((e.data as { n: number }).n), { filter: 'calendar.*' });
      await waitFor(() => got.length === 4);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(got).toEqual([1, 2, 4, 5]);
    });

    it('starts at new events only when asked to', async () => {
      await store.append(cal('a'), [booked(1)], { expectedVersion: 0, meta });
      const got: number[] = [];
      await store.subscribe('fresh', async (e) => void got.push((e.data as { n: number }).n), { startAt: 'new' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await store.append(cal('b'), [booked(2)], { expectedVersion: 0, meta });
      await waitFor(() => got.length === 1);
      expect(got).toEqual([2]);
    });

    it('retries a failing handler with backoff until it succeeds', async () => {
      await store.append(cal('a'), [booked(1)], { expectedVersion: 0, meta });
      let calls = 0;
      let done = false;
      await store.subscribe('flaky', async () => {
        calls += 1;
        if (calls < 3) throw new Error('SMTP down');
        done = true;
      }, { ...fastRetry, maxDeliver: 5 });
      await waitFor(() => done);
      expect(calls).toBe(3);
      expect(await store.listParked('flaky')).toEqual([]);
    });

    it('delivers an unacked message again after the ack wait when its subscriber died', async () => {
      const first = await store.append(cal('a'), [booked(1)], { expectedVersion: 0, meta });
      let hung = false;
      const sub = await store.subscribe('crashy', () => {
        hung = true;
        return new Promise<void>(() => undefined); // never answers, as if the process had died
      }, { ackWaitMs: 500 });
      await waitFor(() => hung);
      await sub.close();
      const redelivered: EventEnvelope[] = [];
      const started = Date.now();
      await store.subscribe('crashy', async (e) => void redelivered.push(e), { ackWaitMs: 500 });
      await waitFor(() => redelivered.length === 1, 5000, 'redelivery');
      expect(redelivered[0]!.position).toBe(first.position);
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    });

    it('parks a poison message with its error after maxDeliver attempts and processes the next 1,000', async () => {
      const poison = await store.append(cal('poison'), [{ type: 'Poison', data: {} }], { expectedVersion: 0, meta });
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 1000; i++) writes.push(store.append(cal(`ok-${i}`), [booked(i)], { expectedVersion: 0, meta }));
      await Promise.all(writes);
      let poisonCalls = 0;
      const processed = new Set<number>();
      await store.subscribe('mailer', async (e) => {
        if (e.type === 'Poison') {
          poisonCalls += 1;
          throw new Error('template missing');
        }
        processed.add((e.data as { n: number }).n);
      }, { ...fastRetry, maxDeliver: 3 });
      await waitFor(() => processed.size === 1000, 30_000, '1,000 processed');
      await waitFor(async () => (await store.listParked('mailer')).length === 1, 10_000, 'parked');
      expect(poisonCalls).toBe(3);
      const [parked] = await store.listParked('mailer');
      expect(parked).toMatchObject({
        subscription: 'mailer',
        aggregate: cal('poison'),
        position: poison.position,
        attempts: 3,
        error: { name: 'Error', message: 'template missing' },
        commitId: poison.commitId,
      });
      expect(parked!.events.map((e) => e.type)).toEqual(['Poison']);
      expect(await store.listParked('other')).toEqual([]);
      const after = await store.append(cal('poison'), [booked(1000)], { expectedVersion: poison.position, meta });
      await waitFor(() => processed.has(1000), 5000, 'subscription goes on');
      expect(after.duplicate).toBe(false);
    }, 60_000);
  });
}
