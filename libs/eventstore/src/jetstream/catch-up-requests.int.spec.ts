import { connect, type NatsConnection } from 'nats';
import { connectEventStore } from './connect-event-store';
import type { JetStreamEventStore } from './jetstream-event-store';
import { NATS_URL, randomSuffix } from '../../test/contract-harness';

const meta = { correlationId: 'corr-catch-up' };
const booked = (n: number) => ({ type: 'AppointmentBooked', data: { n } });

/**
 * What a catch-up asks the server. Reading forward by subject (`next_by_subj`, or a consumer with a
 * filter) makes nats-server scan the stream from the known version on; reading back along the commits'
 * predecessor sequences costs one lookup by sequence per commit, however long the stream.
 */
describe('catching up an aggregate on JetStream', () => {
  let store: JetStreamEventStore;
  let spy: NatsConnection;
  const requests: string[] = [];

  beforeEach(async () => {
    const suffix = randomSuffix();
    store = await connectEventStore({ servers: NATS_URL, streamName: `ES_CATCHUP_${suffix}`, subjectPrefix: `cu_${suffix}` });
    spy = await connect({ servers: NATS_URL, name: 'catch-up-spy' });
    requests.length = 0;
    // JetStream's API is plain NATS subjects: a subscriber sees every request the store sends.
    for (const subject of [`$JS.API.DIRECT.GET.${store.streamName}`, `$JS.API.DIRECT.GET.${store.streamName}.>`, `$JS.API.CONSUMER.>`]) {
      spy.subscribe(subject, { callback: (_err, m) => requests.push(`${m.subject} ${m.data.length > 0 ? m.string() : ''}`.trim()) });
    }
    await spy.flush();
  });

  afterEach(async () => {
    await spy.close();
    const jsm = await store.nc.jetstreamManager();
    for (const stream of [store.streamName, store.parkedStreamName]) await jsm.streams.delete(stream);
    await store.close();
  });

  async function commitsOn(id: string, count: number, noiseBetween: number): Promise<number[]> {
    const positions: number[] = [];
    for (let i = 0; i < count; i++) {
      positions.push((await store.append({ type: 'calendar', id }, [booked(i)], { expectedVersion: positions[i - 1] ?? 0, meta })).position);
      for (let k = 0; k < noiseBetween; k++) await store.append({ type: 'calendar', id: `other${i}x${k}` }, [booked(k)], { expectedVersion: 0, meta });
    }
    return positions;
  }

  it('reads the commits after a version back by sequence: no forward search by subject, no consumer', async () => {
    const positions = await commitsOn('hot', 6, 30);
    await spy.flush();
    requests.length = 0;
    const read = await store.readAggregate({ type: 'calendar', id: 'hot' }, positions[2]);
    await spy.flush();
    expect(read.events.map((e) => (e.data as { n: number }).n)).toEqual([3, 4, 5]);
    expect(requests).toEqual([
      `$JS.API.DIRECT.GET.${store.streamName}.${store.options.subjectPrefix}.calendar.hot`,
      `$JS.API.DIRECT.GET.${store.streamName} {"seq":${positions[4]}}`,
      `$JS.API.DIRECT.GET.${store.streamName} {"seq":${positions[3]}}`,
    ]);
  });

  it('reads a whole short aggregate the same way, from version 0', async () => {
    const positions = await commitsOn('new', 3, 10);
    await spy.flush();
    requests.length = 0;
    expect((await store.readAggregate({ type: 'calendar', id: 'new' })).events).toHaveLength(3);
    await spy.flush();
    expect(requests.filter((r) => r.includes('next_by_subj') || r.includes('CONSUMER'))).toEqual([]);
    expect(requests).toHaveLength(positions.length);
  });
});
