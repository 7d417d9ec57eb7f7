import { connect } from 'nats';
import { eventStoreHealth, versionWarnings } from './event-store-health';

describe('eventStoreHealth', () => {
  it('reports the server version of the live NATS and warns below 2.10', async () => {
    const nc = await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' });
    try {
      const health = await eventStoreHealth(nc);
      expect(health.status).toBe('up');
      expect(health.serverVersion).toBe(nc.info!.version);
      expect(health.warnings).toEqual(versionWarnings(nc.info!.version));
    } finally {
      await nc.close();
    }
  });

  it('is down once the connection is closed', async () => {
    const nc = await connect({ servers: process.env.NATS_URL ?? '127.0.0.1:4222' });
    await nc.close();
    expect((await eventStoreHealth(nc)).status).toBe('down');
  });

  it.each([
    ['2.9.10', 1],
    ['2.9.17', 2],
    ['2.10.0', 0],
    ['2.11.4', 0],
    ['2.12.1-beta', 0],
  ])('warns for %s with %i warning(s)', (version, count) => {
    expect(versionWarnings(version)).toHaveLength(count);
  });
});
