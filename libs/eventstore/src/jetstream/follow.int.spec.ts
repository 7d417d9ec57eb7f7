import { connectEventStore } from './connect-event-store';
import type { FollowedCommit, JetStreamEventStore } from './jetstream-event-store';
import { NATS_URL, randomSuffix } from '../../test/contract-harness';

const meta = { correlationId: 'corr-follow' };
const booked = (n: number) => ({ type: 'AppointmentBooked', data: { n } });

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('following the log on JetStream', () => {
  let store: JetStreamEventStore;
  beforeEach(async () => {
    const suffix = randomSuffix();
    store = await connectEventStore({ servers: NATS_URL, streamName: `ES_FOLLOW_${suffix}`, subjectPrefix: `fo_${suffix}` });
  });
  afterEach(async () => {
    const jsm = await store.nc.jetstreamManager();
    for (const stream of [store.streamName, store.parkedStreamName]) await jsm.streams.delete(stream);
    await store.close();
  });

  it('hands over the filtered commits of other writers from a position on, in order, with the version each append expected', async () => {
    const other = await connectEventStore({ servers: NATS_URL, streamName: store.streamName, subjectPrefix: store.options.subjectPrefix });
    const early = await other.append({ type: 'calendar', id: 'a' }, [booked(0)], { expectedVersion: 0, meta });
    const seen: FollowedCommit[] = [];
    const follower = await store.follow('calendar', (c) => seen.push(c), early.position + 1);
    const a1 = await other.append({ type: 'calendar', id: 'a' }, [booked(1), booked(2)], { expectedVersion: early.position, meta });
    await other.append({ type: 'contact', id: 'x' }, [booked(9)], { expectedVersion: 0, meta });
    const mine = await store.append({ type: 'calendar', id: 'a' }, [booked(7)], { expectedVersion: a1.position, meta }); // its writer knows it
    const b1 = await other.append({ type: 'calendar', id: 'b' }, [booked(3)], { expectedVersion: 0, meta });
    await other.close();
    expect(mine.position).toBeLessThan(b1.position);
    await until(() => seen.length === 2, `two calendar commits, seen ${JSON.stringify(seen.map((c) => c.position))}`);
    expect(seen.map((c) => [c.aggregate.id, c.position, c.previous, c.events.map((e) => (e.data as { n: number }).n)])).toEqual([
      ['a', a1.position, early.position, [1, 2]],
      ['b', b1.position, 0, [3]],
    ]);
    follower.stop();
    const after = await connectEventStore({ servers: NATS_URL, streamName: store.streamName, subjectPrefix: store.options.subjectPrefix });
    await after.append({ type: 'calendar', id: 'b' }, [booked(4)], { expectedVersion: b1.position, meta });
    await after.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toHaveLength(2);
  });

  it('goes on after a message that is not a commit', async () => {
    const seen: number[] = [];
    const follower = await store.follow('calendar', (c) => seen.push(c.position), 1);
    await store.nc.jetstream().publish(`${store.options.subjectPrefix}.calendar.junk`, new TextEncoder().encode('not json'));
    const other = await connectEventStore({ servers: NATS_URL, streamName: store.streamName, subjectPrefix: store.options.subjectPrefix });
    const after = await other.append({ type: 'calendar', id: 'a' }, [booked(1)], { expectedVersion: 0, meta });
    await other.close();
    await until(() => seen.includes(after.position), 'the commit after the junk');
    expect(seen).toEqual([after.position]);
    follower.stop();
  });
});
