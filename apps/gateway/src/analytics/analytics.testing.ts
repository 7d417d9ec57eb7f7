import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import { startApp } from '@app/platform';
import { JetStreamEventStore } from '@app/eventstore';
import { analyticsService } from '../../../analytics/src/app.module';
import { loadAnalyticsConfig } from '../../../analytics/src/config';
import { loadCatalog } from '../../../analytics/src/flow/analytics-runtime';
import { simulateDays } from '../../../analytics/src/simulate/simulate-run';
import { startStaffGateway, type StaffTestGateway } from '../staff/staff.testing';
import { AnalyticsHttpModule } from './analytics-http.module';

export const SIMULATED = { officeId: 'hbs', from: '2026-11-09', to: '2026-11-20' } as const;

export interface AnalyticsTestSystem {
  readonly gateway: StaffTestGateway;
  readonly store: JetStreamEventStore;
  close(): Promise<void>;
}

/**
 * A walk-in whose ticket number and service are spreadsheet formulas, as a broken or hostile writer
 * might leave them in the log: the CSV export must neutralise both.
 */
async function appendFormulaBait(store: JetStreamEventStore): Promise<void> {
  const id = `hbs-${SIMULATED.to}`;
  const { version } = await store.readAggregate({ type: 'queue', id });
  const data = { ticketId: 'bait', number: '=HYPERLINK("http://x","y")', kind: 'walk_in', seq: 999, services: [{ serviceId: '+cmd', quantity: 1 }], priority: 0, at: Date.parse(`${SIMULATED.to}T10:00:00Z`), reason: 'walk_in' };
  await store.append({ type: 'queue', id }, [{ type: 'WalkInTicketIssued', data }], { expectedVersion: version, meta: { correlationId: 'test-bait' } });
}

/**
 * For e2e and browser tests: a stream of its own filled by the simulator (two weeks at hbs), the real
 * analytics service on it, and a gateway with staff login, the analytics API and page, and the shared
 * static files (and a stand-in for `/api/offices`). Everything is removed on close.
 *
 * The system has its own RPC namespace, so parallel test files and a developer's running system never
 * answer its requests.
 */
export async function startAnalyticsSystem(): Promise<AnalyticsTestSystem> {
  const suffix = randomBytes(4).toString('hex');
  const env = { LOG_LEVEL: 'silent', EVENT_STREAM: `T_ANA_${suffix}`, EVENT_SUBJECT_PREFIX: `tana_${suffix}`, RPC_NAMESPACE: `rpc_ana_${suffix}` };
  const nc: NatsConnection = await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' });
  const store = await JetStreamEventStore.create(nc, { streamName: env.EVENT_STREAM, subjectPrefix: env.EVENT_SUBJECT_PREFIX });
  const catalog = loadCatalog('config/catalog.json');
  await simulateDays(store, catalog, { until: SIMULATED.to, days: 12, officeIds: ['hbs'], seed: 11, load: 1 }, () => undefined);
  await appendFormulaBait(store);
  const analytics: INestApplication = await startApp(analyticsService, loadAnalyticsConfig(env), 0);
  const gateway = await startStaffGateway({
    imports: [AnalyticsHttpModule],
    env: { RPC_NAMESPACE: env.RPC_NAMESPACE },
    beforeListen: (app) => {
      app.useStaticAssets(join(process.cwd(), 'apps/gateway/public'));
      // Stand-in for the booking API's office list (the dashboard's office filter), from the same catalogue.
      app.use('/api/offices', (_req: unknown, res: { json: (body: unknown) => void }) => res.json({ offices: catalog.offices.map((o) => ({ id: o.id, name: o.name })) }));
    },
  });
  return {
    gateway,
    store,
    close: async () => {
      await gateway.close();
      await analytics.close();
      await store.destroy();
      await nc.drain();
    },
  };
}
