import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { JetStreamEventStore } from '@app/eventstore';
import { loadCatalog } from '../flow/analytics-runtime';
import { flowReport } from '../report/flow-report';
import { simulateDays } from './simulate-run';

describe('simulate --direct (real deciders and JetStream)', () => {
  let nc: NatsConnection;
  const stores: JetStreamEventStore[] = [];
  const catalog = loadCatalog('config/catalog.json');
  const options = { until: '2026-11-20', days: 3, officeIds: ['hbs'], seed: 7, load: 1 };
  const period = { officeId: 'hbs', from: '2026-11-18', to: '2026-11-20' };

  async function freshStore(): Promise<JetStreamEventStore> {
    const suffix = randomBytes(4).toString('hex');
    const store = await JetStreamEventStore.create(nc, { streamName: `T_SIM_${suffix}`, subjectPrefix: `tsim_${suffix}` });
    stores.push(store);
    return store;
  }

  beforeAll(async () => {
    nc = await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' });
  });

  afterAll(async () => {
    for (const s of stores) await s.destroy();
    await nc.drain();
  });

  it('fills days with appointments, walk-ins, service and no-shows that the dashboard can show', async () => {
    const store = await freshStore();
    const summary = await simulateDays(store, catalog, options, () => undefined);
    expect(summary.days).toBe(3);
    // Refusals are counted by code; nearly all are counters polling an empty queue.
    expect(Object.values(summary.refusedBy).reduce((a, b) => a + b, 0)).toBe(summary.refused);
    expect(summary.refusedBy['nothing_waiting'] ?? 0).toBeGreaterThan(0.8 * summary.refused);
    const { figures } = await flowReport(store, period);
    expect(figures.visits.booked).toBeGreaterThan(20);
    expect(figures.visits.walkIn).toBeGreaterThan(50);
    expect(figures.visits.outcomes.served).toBeGreaterThan(0.8 * figures.visits.total);
    expect(figures.waitingMinutes.walkIn.count).toBeGreaterThan(0);
    expect(figures.counterUtilisation.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(figures.serviceMinutesPerUnit).length).toBeGreaterThan(3);
  });

  it('writes the same days again from the same seed (equal figures in a second stream), and skips days already there', async () => {
    const [a, b] = [await freshStore(), await freshStore()];
    await simulateDays(a, catalog, options, () => undefined);
    await simulateDays(b, catalog, options, () => undefined);
    expect((await flowReport(a, period)).hash).toBe((await flowReport(b, period)).hash);
    const again = await simulateDays(a, catalog, options, () => undefined);
    expect(again).toMatchObject({ days: 0, skipped: 3, commands: 0 });
  });
});
