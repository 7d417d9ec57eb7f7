import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { JetStreamEventStore, LruCache } from '@app/eventstore';
import { flowReport } from '../report/flow-report';
import { appendCommits, DAY, handComputedDay, type Commit } from './flow-day.test-kit';
import type { Replayed } from './flow-replay';

describe('replay of the event log through the flow projection (real JetStream)', () => {
  let nc: NatsConnection;
  let store: JetStreamEventStore;
  const hbs = { officeId: 'hbs', from: DAY, to: DAY };

  beforeAll(async () => {
    nc = await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' });
    const suffix = randomBytes(4).toString('hex');
    const readerConnection = { servers: process.env.NATS_URL ?? '127.0.0.1:4222', name: 'flow-replay-test-reader' };
    store = await JetStreamEventStore.create(nc, { streamName: `T_FLOW_${suffix}`, subjectPrefix: `tflow_${suffix}`, readerConnection });
    // Noise the period filter must drop: another office the same day, hbs the next day, another aggregate type.
    const noise: Commit[] = [
      ...handComputedDay('wrn'),
      { aggregate: { type: 'queue', id: 'hbs-2026-11-24' }, events: [{ type: 'CounterOpened', data: { counterId: 'schalter-2', serviceIds: [], at: 0 } }] },
      { aggregate: { type: 'contact', id: 'k-a1' }, events: [{ type: 'ContactReserved', data: {} }] },
    ];
    await appendCommits(store, [...noise.slice(0, -2), ...handComputedDay('hbs'), ...noise.slice(-2)]);
  });

  afterAll(async () => {
    await store.destroy();
    await nc.drain();
  });

  it('gives the figures computed by hand for a small day', async () => {
    const { figures, eventsReplayed } = await flowReport(store, hbs, { mode: 'scan' });
    expect(eventsReplayed).toBe(handComputedDay().length);
    expect(figures.visits).toEqual({
      total: 6, booked: 4, walkIn: 2,
      outcomes: { served: 3, no_show: 1, not_arrived: 1, cancelled: 1, rescheduled: 0, transferred: 0, unfinished: 0 },
    });
    expect(figures.waitingMinutes.booked).toMatchObject({ count: 2, mean: 2.5, min: 0, max: 5 });
    expect(figures.waitingMinutes.walkIn).toMatchObject({ count: 2, mean: 20, min: 10, max: 30 });
    expect(figures.rates).toEqual({ appointmentNoShow: 0.3333, appointmentCancellation: 0.25, walkInNoShow: 0.5 });
    const monday = figures.arrivalsByWeekdayHour[0]!;
    expect([monday[8], monday[9], monday[10]]).toEqual([2, 1, 1]);
    expect(figures.arrivalsByWeekdayHour.flat().reduce((a, b) => a + b, 0)).toBe(4);
    expect(figures.punctualityMinutes).toMatchObject({ count: 2, mean: 0, min: -10, max: 10 });
    expect(figures.serviceMinutesPerUnit['anmeldung']).toMatchObject({ count: 1, mean: 10 });
    expect(figures.serviceMinutesPerUnit['reisepass']).toMatchObject({ count: 1, mean: 20 });
    expect(figures.counterUtilisation).toEqual([{ officeId: 'hbs', date: DAY, counterId: 'schalter-1', openMinutes: 240, servingMinutes: 50, utilisation: 0.208 }]);
  });

  it('gives byte-identical figures twice, with any batch size, either read mode, and on or off the reader thread', async () => {
    const hashes = new Set<string>();
    for (const mode of ['scan', 'per-day'] as const) {
      for (const batchSize of [1, 7, 1000]) hashes.add((await flowReport(store, hbs, { mode, batchSize })).hash);
    }
    for (const offThread of [true, false]) for (const batchSize of [3, 1000]) hashes.add((await flowReport(store, hbs, { mode: 'scan', batchSize, offThread })).hash);
    hashes.add((await flowReport(store, hbs)).hash);
    expect(hashes.size).toBe(1);
  });

  it('counts every office together when no office is given, and nothing outside the period', async () => {
    const all = await flowReport(store, { from: DAY, to: DAY });
    expect(all.figures.visits.total).toBe(12);
    const none = await flowReport(store, { officeId: 'hbs', from: '2026-11-01', to: '2026-11-22' });
    expect(none.figures.visits.total).toBe(0);
    expect(none.eventsReplayed).toBe(0);
  });
});

describe('replay cache', () => {
  it('reuses a replay while the log has not grown, and replays again after an append', async () => {
    const nc = await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' });
    const suffix = randomBytes(4).toString('hex');
    const store = await JetStreamEventStore.create(nc, { streamName: `T_FLOWC_${suffix}`, subjectPrefix: `tflowc_${suffix}` });
    try {
      await appendCommits(store, handComputedDay('hbs'));
      let reads = 0;
      const counting = Object.assign(Object.create(store) as JetStreamEventStore, {
        readAll: (opts?: Parameters<JetStreamEventStore['readAll']>[0]) => {
          reads += 1;
          return store.readAll(opts);
        },
        readAllBatches: (opts?: Parameters<JetStreamEventStore['readAllBatches']>[0]) => {
          reads += 1;
          return store.readAllBatches(opts);
        },
      });
      const cache = new LruCache<string, Promise<Replayed>>(4);
      const period = { officeId: 'hbs', from: DAY, to: DAY };
      const first = await flowReport(counting, period, { cache, mode: 'scan' });
      const second = await flowReport(counting, period, { cache, mode: 'scan' });
      expect(reads).toBe(1);
      expect(second.hash).toBe(first.hash);
      await store.append({ type: 'queue', id: `hbs-${DAY}` }, [{ type: 'WalkInTicketIssued', data: { ticketId: 'late', number: 'W-099', kind: 'walk_in', seq: 99, services: [], priority: 0, at: Date.parse(`${DAY}T11:00:00Z`), reason: 'walk_in' } }], {
        expectedVersion: (await store.readAggregate({ type: 'queue', id: `hbs-${DAY}` })).version,
        meta: { correlationId: 'cache-test' },
      });
      const third = await flowReport(counting, period, { cache, mode: 'scan' });
      expect(reads).toBe(2);
      expect(third.figures.visits.walkIn).toBe(first.figures.visits.walkIn + 1);
    } finally {
      await store.destroy();
      await nc.drain();
    }
  });
});
