import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { collect } from '../../test/contract-harness';
import { JetStreamEventStore } from './jetstream-event-store';

const NATS_URL = process.env.NATS_URL ?? '127.0.0.1:4222';
const COMMITS = 3000;
const meta = { correlationId: 'reader-thread-test' };


describe('readAllBatches on the reader thread (real JetStream, a worker with its own connection)', () => {
  let nc: NatsConnection;
  let store: JetStreamEventStore;
  let plain: JetStreamEventStore;

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
    const suffix = randomBytes(4).toString('hex');
    const names = { streamName: `T_READER_${suffix}`, subjectPrefix: `treader_${suffix}` };
    store = await JetStreamEventStore.create(nc, { ...names, readerConnection: { servers: NATS_URL, name: 'reader-thread-test' } });
    plain = await JetStreamEventStore.create(nc, { ...names, ensureStreams: false });
    for (let start = 1; start <= COMMITS; start += 250) {
      await Promise.all(
        Array.from({ length: 250 }, (_, i) => start + i).map((n) =>
          store.append({ type: n % 3 === 0 ? 'queue' : 'calendar', id: `a${n}` }, [{ type: 'Numbered', data: { n, text: n % 7 === 0 ? 'Größe ✓' : 'x' } }, { type: 'Numbered', data: { n: -n } }], { expectedVersion: 0, meta }),
        ),
      );
    }
  }, 60_000);

  afterAll(async () => {
    await store.destroy();
    await plain.close();
    await nc.drain();
  });

  it('gives the same batches of the same envelopes as a read on this thread, for every kind of range', async () => {
    const ranges = [{ batchSize: 1000 }, { fromPosition: 101, toPosition: 2345, batchSize: 100 }, { subjectFilter: 'queue.*', batchSize: 64 }, { subjectFilter: 'queue.none' }, { toPosition: 1 }, { fromTime: new Date(Date.now() - 3_600_000), fromPosition: 50 }];
    for (const range of ranges) {
      const here = await collect(store.readAllBatches(range));
      const there = await collect(store.readAllBatches({ ...range, offThread: true }));
      expect(there).toEqual(here);
    }
    expect((await collect(store.readAllBatches({ offThread: true }))).flat()).toHaveLength(2 * COMMITS);
  });

  it('keeps several reads apart when they run at once', async () => {
    const [all, queue, head] = await Promise.all([
      collect(store.readAllBatches({ offThread: true, batchSize: 500 })),
      collect(store.readAllBatches({ offThread: true, subjectFilter: 'queue.*' })),
      collect(store.readAllBatches({ offThread: true, toPosition: 10 })),
    ]);
    expect(all.flat().map((e) => e.position)).toEqual(Array.from({ length: COMMITS }, (_, i) => [i + 1, i + 1]).flat());
    expect(queue.flat().every((e) => e.aggregate.type === 'queue')).toBe(true);
    expect(head.flat()).toHaveLength(20);
  });

  it('stops reading when the caller stops early, leaves no consumer behind, and reads again afterwards', async () => {
    for await (const batch of store.readAllBatches({ offThread: true, batchSize: 10 })) if (batch.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await (await nc.jetstreamManager()).consumers.list(store.streamName).next()).toEqual([]);
    expect((await collect(store.readAllBatches({ offThread: true, toPosition: 3 }))).flat()).toHaveLength(6);
  });

  it('reads on this thread when the store has no reader connection', async () => {
    expect(await collect(plain.readAllBatches({ offThread: true, toPosition: 5 }))).toEqual(await collect(store.readAllBatches({ toPosition: 5 })));
  });

  it('says what failed when the reader thread cannot reach the server', async () => {
    const nowhere = await JetStreamEventStore.create(nc, { streamName: store.streamName, subjectPrefix: store.options.subjectPrefix, ensureStreams: false, readerConnection: { servers: '127.0.0.1:1', maxReconnectAttempts: 0 } });
    try {
      await expect(collect(nowhere.readAllBatches({ offThread: true }))).rejects.toThrow(/event log read failed: .*CONNECTION_REFUSED/);
    } finally {
      await nowhere.close();
    }
  });
});
