import { randomUUID } from 'node:crypto';
import { fromZoned } from '@app/domain';
import { connect, type NatsConnection } from 'nats';
import { FrontdeskRuntime, loadCatalogFile } from '../frontdesk-runtime';
import type { OfficeDay } from '../day/office-day';
import type { TailCommit } from '../live/live-tail';

/**
 * Two frontdesk instances (runtimes) on one real JetStream stream, as in production: the command path
 * reads the log only after a decision that appended nothing, and the live view applies each commit
 * once however often it is delivered.
 */
describe('frontdesk service with two instances (real JetStream)', () => {
  const suffix = randomUUID().slice(0, 8);
  const streamName = `TEST_FDS_${suffix}`;
  const subjectPrefix = `tfds${suffix}`;
  const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const now = fromZoned('2026-12-07', '10:00', 'Europe/Berlin');
  const clerk = { userId: 'clerk.hbs', role: 'clerk' as const };
  const meta = () => ({ correlationId: randomUUID() });
  const walkIn = { type: 'IssueWalkIn' as const, data: { services: [{ serviceId: 'anmeldung', quantity: 1 }] } };
  let a: FrontdeskRuntime;
  let b: FrontdeskRuntime;
  let nc: NatsConnection;

  beforeAll(async () => {
    const catalog = loadCatalogFile('config/catalog.json');
    a = await FrontdeskRuntime.start({ natsUrl, streamName, subjectPrefix, catalog, clock: () => now });
    b = await FrontdeskRuntime.start({ natsUrl, streamName, subjectPrefix, catalog, clock: () => now });
    nc = await connect({ servers: natsUrl });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    const jsm = await nc?.jetstreamManager();
    // The store also made a parking stream for its subscriptions: both go.
    for (const name of [streamName, `${streamName}_PARKED`]) await jsm?.streams.delete(name).catch(() => undefined);
    await nc?.close();
  });

  it('a refusal decided on a stale cache is decided again on the log: B calls at a counter A has just opened', async () => {
    expect((await b.service.run('hbs', clerk, walkIn, meta())).ok).toBe(true); // B now caches the queue, counter closed
    expect((await a.service.run('hbs', clerk, { type: 'OpenCounter', data: { counterId: 'schalter-1' } }, meta())).ok).toBe(true);
    const called = await b.service.run('hbs', clerk, { type: 'CallNext', data: { counterId: 'schalter-1' } }, meta());
    expect(called).toMatchObject({ ok: true, value: { changed: true, ticket: { number: 'W-001', status: 'called' } } });
  });

  it('a no-op decided on a stale cache is decided again too: B reopens a counter A has just closed', async () => {
    await b.service.run('hbs', clerk, { type: 'OpenCounter', data: { counterId: 'schalter-2' } }, meta()); // B caches it open
    await a.service.run('hbs', clerk, { type: 'CloseCounter', data: { counterId: 'schalter-2' } }, meta());
    const reopened = await b.service.run('hbs', clerk, { type: 'OpenCounter', data: { counterId: 'schalter-2' } }, meta());
    expect(reopened).toMatchObject({ ok: true, value: { changed: true } });
  });

  it('a call delivered to the live view twice is applied and pushed once, and shown once', async () => {
    await a.service.run('hbs', clerk, walkIn, meta());
    const called = await a.service.run('hbs', clerk, { type: 'CallNext', data: { counterId: 'schalter-2' } }, meta()); // reopened above
    if (!called.ok) throw new Error(called.error.code);
    const day = (await a.days.day('hbs', '2026-12-07')) as OfficeDay;
    await waitFor(() => day.queueVersion >= called.value.seq);
    const pushes: number[] = [];
    a.days.onChange((d, change) => change === 'queue' && pushes.push(d.queueVersion));
    const before = day.displayState(now);
    const { events } = await a.store.readAggregate({ type: 'queue', id: 'hbs-2026-12-07' }, called.value.seq - 1);
    const again: TailCommit = {
      aggregate: { type: 'queue', id: 'hbs-2026-12-07' },
      position: called.value.seq,
      body: { commitId: randomUUID(), occurredAt: new Date(now).toISOString(), meta: { correlationId: 'x' }, events: events.map((e) => ({ id: e.id, type: e.type, schemaVersion: 1, data: e.data })) },
    };
    a.days.onCommit(again); // the same commit once more, as a redelivery would bring it
    await new Promise((r) => setTimeout(r, 50));
    expect(pushes).toEqual([]);
    const after = day.displayState(now);
    expect(after).toEqual(before);
    expect(after.calls.filter((c) => c.ticket === called.value.ticket!.number)).toHaveLength(1);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
