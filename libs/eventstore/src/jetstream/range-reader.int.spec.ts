import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import type { EventEnvelope } from '../event-envelope';
import { collect } from '../../test/contract-harness';
import { JetStreamEventStore } from './jetstream-event-store';

const COMMITS = 2500;
const meta = { correlationId: 'range-reader-test' };


describe('readAllBatches over JetStream (pull requests on one inbox)', () => {
  let nc: NatsConnection;
  let store: JetStreamEventStore;

  beforeAll(async () => {
    nc = await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' });
    const suffix = randomBytes(4).toString('hex');
    store = await JetStreamEventStore.create(nc, { streamName: `T_RANGE_${suffix}`, subjectPrefix: `trange_${suffix}` });
    // Commit n carries events n·10 and n·10+1 on calendar or queue, so batches hold whole commits.
    for (let start = 1; start <= COMMITS; start += 250) {
      await Promise.all(
        Array.from({ length: 250 }, (_, i) => start + i).map((n) =>
          store.append({ type: n % 3 === 0 ? 'queue' : 'calendar', id: `a${n}` }, [{ type: 'Numbered', data: { n: n * 10 } }, { type: 'Numbered', data: { n: n * 10 + 1 } }], { expectedVersion: 0, meta }),
        ),
      );
    }
  }, 60_000);

  afterAll(async () => {
    await store.destroy();
    await nc.drain();
  });

  it('yields every event once, in log order, in batches of whole commits, the same as readAll', async () => {
    const batches = await collect(store.readAllBatches({ batchSize: 1000 }));
    expect(batches.map((b) => b.length)).toEqual([2000, 2000, 1000]);
    const flat = batches.flat();
    expect(flat.map((e) => e.position)).toEqual(Array.from({ length: COMMITS }, (_, i) => [i + 1, i + 1]).flat());
    expect(new Set(flat.map((e) => e.id)).size).toBe(2 * COMMITS);
    const one: EventEnvelope[] = [];
    for await (const e of store.readAll({ batchSize: 333 })) one.push(e);
    expect(one).toEqual(flat);
  });

  it('builds the same envelope the aggregate read gives', async () => {
    const [first] = await collect(store.readAllBatches({ toPosition: 1 }));
    expect(first).toEqual((await store.readAggregate({ type: 'calendar', id: 'a1' })).events);
    expect(first![0]).toMatchObject({ type: 'Numbered', schemaVersion: 1, aggregate: { type: 'calendar', id: 'a1' }, data: { n: 10 }, meta, position: 1, version: 1 });
  });

  it('stops at toPosition inside a batch and starts at fromPosition', async () => {
    const flat = (await collect(store.readAllBatches({ fromPosition: 101, toPosition: 1234, batchSize: 100 }))).flat();
    expect(flat[0]!.position).toBe(101);
    expect(flat[flat.length - 1]!.position).toBe(1234);
    expect(flat).toHaveLength(2 * (1234 - 100));
  });

  it('reads a subject filter to its end, and nothing for a subject without messages', async () => {
    const queue = (await collect(store.readAllBatches({ subjectFilter: 'queue.*', batchSize: 64 }))).flat();
    expect(queue).toHaveLength(2 * Math.floor(COMMITS / 3));
    expect(queue.every((e) => e.aggregate.type === 'queue')).toBe(true);
    expect(await collect(store.readAllBatches({ subjectFilter: 'queue.none' }))).toEqual([]);
  });

  it('ends when the caller stops early, leaving no consumer behind', async () => {
    for await (const batch of store.readAllBatches({ batchSize: 10 })) if (batch.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const consumers = await (await nc.jetstreamManager()).consumers.list(store.streamName).next();
    expect(consumers).toEqual([]);
  });
});
