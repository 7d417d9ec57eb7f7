import type { CommitBody, EventEnvelope } from '../src/event-envelope';
import type { EventStore } from '../src/event-store.port';
import { UpcasterRegistry } from '../src/upcaster-registry';
import { isUuidv7, uuidv7Time } from '../src/uuidv7';
import { collect, waitFor, type ContractHarness, type StoreUnderTest } from './contract-harness';

const meta = { correlationId: 'corr-formats', actor: 'staff:4711' };
const cal = (id: string) => ({ type: 'calendar', id });

/** A commit as the store wrote it before format 2 (stored logs hold many of them). */
const format1 = (commitId: string): CommitBody => ({
  commitId,
  occurredAt: '2026-11-01T08:00:00.000Z',
  meta,
  events: [
    { id: '0192e6a0-1c00-7abc-8def-0123456789ab', type: 'AppointmentBooked', schemaVersion: 1, data: { n: 1 } },
    { id: '0192e6a0-1c00-7abd-8def-0123456789ac', type: 'HoldReleased', schemaVersion: 2, data: { n: 2 } },
  ],
});

const FORMAT1_COMMIT = '0192e6a0-1c00-7abb-8000-00000000f001';

/** Both body formats on every read path, and the ids format 2 derives; run against each adapter. */
export function storedFormatsContract(harness: ContractHarness): void {
  let sut: StoreUnderTest;
  let store: EventStore;
  const start = async (upcasters?: UpcasterRegistry) => {
    sut = await harness.create(upcasters);
    store = sut.store;
  };
  afterEach(async () => sut.cleanup());

  it('reads a format-1 commit on every read path, beside format-2 commits', async () => {
    await start();
    const old = await sut.storeBody(cal('a'), FORMAT1_COMMIT, format1(FORMAT1_COMMIT));
    const now = await store.append(cal('a'), [{ type: 'AppointmentBooked', data: { n: 3 } }], { expectedVersion: old, meta });
    const expected = [
      { id: '0192e6a0-1c00-7abc-8def-0123456789ab', type: 'AppointmentBooked', schemaVersion: 1, data: { n: 1 }, commitId: FORMAT1_COMMIT, position: old, occurredAt: '2026-11-01T08:00:00.000Z', meta, aggregate: cal('a') },
      { id: '0192e6a0-1c00-7abd-8def-0123456789ac', type: 'HoldReleased', schemaVersion: 2, data: { n: 2 }, commitId: FORMAT1_COMMIT, position: old },
      { type: 'AppointmentBooked', schemaVersion: 1, data: { n: 3 }, commitId: now.commitId, position: now.position, meta, aggregate: cal('a') },
    ];
    const check = (events: readonly EventEnvelope[]) => expected.forEach((e, i) => expect(events[i]).toMatchObject(e));
    check((await store.readAggregate(cal('a'))).events);
    check(await collect(store.readAll()));
    check((await collect(store.readAllBatches())).flat());
    const got: EventEnvelope[] = [];
    await store.subscribe('formats', async (e) => void got.push(e));
    await waitFor(() => got.length === 3);
    check(got);
  });

  it('upcasts a format-1 event and a format-2 event of the same schema version alike', async () => {
    await start(new UpcasterRegistry().register('AppointmentBooked', 1, (e) => ({ type: e.type, schemaVersion: 2, data: { ...(e.data as object), channel: 'online' } })));
    const old = await sut.storeBody(cal('a'), FORMAT1_COMMIT, format1(FORMAT1_COMMIT));
    await store.append(cal('a'), [{ type: 'AppointmentBooked', data: { n: 3 } }], { expectedVersion: old, meta });
    const booked = (await store.readAggregate(cal('a'))).events.filter((e) => e.type === 'AppointmentBooked');
    expect(booked.map((e) => [e.schemaVersion, e.data])).toEqual([[2, { n: 1, channel: 'online' }], [2, { n: 3, channel: 'online' }]]);
  });

  it('gives a generated commit and its first event different UUIDv7s of the same instant, later events sorting after', async () => {
    await start();
    const r = await store.append(cal('a'), [1, 2, 3].map((n) => ({ type: 'AppointmentBooked', data: { n } })), { expectedVersion: 0, meta });
    const ids = (await store.readAggregate(cal('a'))).events.map((e) => e.id);
    expect(ids.every(isUuidv7)).toBe(true);
    expect(new Set([r.commitId, ...ids]).size).toBe(4);
    expect(uuidv7Time(ids[0]!)).toBe(uuidv7Time(r.commitId));
    expect([...ids].sort()).toEqual(ids);
  });

  it('does not take a reaction whose commit id is the event it reacts to for a repeat of that event’s commit', async () => {
    await start();
    await store.append(cal('a'), [{ type: 'AppointmentBooked', data: { n: 1 } }], { expectedVersion: 0, meta });
    const [event] = (await store.readAggregate(cal('a'))).events;
    const reaction = await store.append({ type: 'mail', id: 'a' }, [{ type: 'EmailSent', data: {} }], { expectedVersion: 0, meta, commitId: event!.id });
    expect(reaction.duplicate).toBe(false);
    expect((await store.readAggregate({ type: 'mail', id: 'a' })).events[0]).toMatchObject({ commitId: event!.id, type: 'EmailSent' });
  });

  it('keeps a caller’s commit id that is not a UUID, with UUIDv7 event ids', async () => {
    await start();
    const r = await store.append(cal('a'), [{ type: 'AppointmentBooked', data: { n: 1 } }], { expectedVersion: 0, meta, commitId: 'mail-sent-job-17' });
    const [e] = (await store.readAggregate(cal('a'))).events;
    expect(r.commitId).toBe('mail-sent-job-17');
    expect(e!.commitId).toBe('mail-sent-job-17');
    expect(isUuidv7(e!.id)).toBe(true);
  });
}
