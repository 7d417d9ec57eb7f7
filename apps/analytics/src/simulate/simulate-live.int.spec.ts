import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { JetStreamEventStore } from '@app/eventstore';
import { startApp } from '@app/platform';
import { frontdeskServiceWith } from '../../../frontdesk/src/app.module';
import { loadFrontdeskConfig } from '../../../frontdesk/src/config';
import { deleteStreams, frontdeskNames, NATS_URL, natsConnection } from '../../../../test/frontdesk-support';
import { loadCatalog } from '../flow/analytics-runtime';
import { flowReport } from '../report/flow-report';
import { livePlan, simulateLive } from './simulate-run';

/**
 * `--live` against the real frontdesk app on the real clock, with its own stream, queue group and RPC
 * namespace, so no other frontdesk (parallel test files, a running dev system) takes its requests.
 */
jest.setTimeout(60_000);

describe('simulate --live (frontdesk.* over NATS)', () => {
  const names = frontdeskNames();
  const officeId = `sim-${names.suffix.toLowerCase()}`;
  const catalogPath = join(tmpdir(), `catalog-${officeId}.json`);
  let nc: NatsConnection;
  let frontdesk: INestApplication;

  beforeAll(async () => {
    const raw = JSON.parse(readFileSync('config/catalog.json', 'utf8')) as { offices: { id: string }[] };
    raw.offices[0]!.id = officeId;
    writeFileSync(catalogPath, JSON.stringify(raw));
    nc = await natsConnection();
    const config = loadFrontdeskConfig({
      LOG_LEVEL: 'silent', NATS_URL, NATS_QUEUE: names.queue, EVENT_STREAM: names.streamName, EVENT_SUBJECT_PREFIX: names.subjectPrefix,
      STAFF_TOKEN_SECRET: names.secret, SOCKET_REDIS_KEY: names.redisKey, CATALOG_PATH: catalogPath, RPC_NAMESPACE: `rpc-${names.suffix}`,
    });
    frontdesk = await startApp(frontdeskServiceWith({ clock: () => Date.now() }), config, 0);
  });
  afterAll(async () => {
    await frontdesk?.close();
    rmSync(catalogPath, { force: true });
    await deleteStreams(nc, names);
    await nc.drain();
  });

  it("plays the first hour of a day's walk-ins through the running frontdesk, into today's queue", async () => {
    const catalog = loadCatalog(catalogPath);
    const options = { officeId, seed: 3, load: 1, minutesPerSecond: 600, minutes: 60 };
    const result = await simulateLive(nc, catalog, { ...options, actor: { userId: 'simulator', role: 'office_manager' }, rpcNamespace: `rpc-${names.suffix}` });
    // The plan is seeded by the office id, which is new in every run: count what it asked for rather than
    // expect a fixed number (a run with exactly three planned walk-ins failed a "more than 3").
    const planned = livePlan(catalog, options).arrivals.length;
    expect(planned).toBeGreaterThan(0);
    expect(result.tickets).toBe(planned);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const store = await JetStreamEventStore.create(nc, { streamName: names.streamName, subjectPrefix: names.subjectPrefix, ensureStreams: false });
    const { figures } = await flowReport(store, { officeId, from: today, to: today });
    expect(figures.visits.walkIn).toBe(result.tickets);
    expect(figures.visits.outcomes.served + figures.visits.outcomes.no_show).toBeGreaterThan(0);
    expect(figures.counterUtilisation.length).toBeGreaterThan(0);
  });
});
