import type { NatsConnection } from 'nats';
import { JetStreamEventStore } from '@app/eventstore';
import { deleteStreams, frontdeskNames, natsConnection, startFrontdesk } from '../../../../test/frontdesk-support';
import { loadCatalog } from '../flow/analytics-runtime';
import { flowReport } from '../report/flow-report';
import { simulateLive } from './simulate-run';

/** `--live` against the real frontdesk app (its own stream and queue group), on the real clock. */
jest.setTimeout(60_000);

describe('simulate --live (frontdesk.* over NATS)', () => {
  const names = frontdeskNames();
  let nc: NatsConnection;
  let frontdesk: Awaited<ReturnType<typeof startFrontdesk>>;

  beforeAll(async () => {
    nc = await natsConnection();
    frontdesk = await startFrontdesk(names, () => Date.now());
  });
  afterAll(async () => {
    await frontdesk?.app.close();
    await deleteStreams(nc, names);
    await nc.drain();
  });

  it("plays the first hour of a day's walk-ins through the running frontdesk, into today's queue", async () => {
    const catalog = loadCatalog('config/catalog.json');
    // The frontdesk's queue group is the test's own, so only it answers; subjects are shared though, and
    // the live port takes the first answer — a developer's running frontdesk could answer too.
    const result = await simulateLive(nc, catalog, { officeId: 'hbs', seed: 3, load: 1, minutesPerSecond: 600, minutes: 60, actor: { userId: 'simulator', role: 'office_manager' } });
    expect(result.tickets).toBeGreaterThan(3);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const store = await JetStreamEventStore.create(nc, { streamName: names.streamName, subjectPrefix: names.subjectPrefix, ensureStreams: false });
    const { figures } = await flowReport(store, { officeId: 'hbs', from: today, to: today });
    expect(figures.visits.walkIn).toBe(result.tickets);
    expect(figures.visits.outcomes.served + figures.visits.outcomes.no_show).toBeGreaterThan(0);
    expect(figures.counterUtilisation.length).toBeGreaterThan(0);
  });
});
