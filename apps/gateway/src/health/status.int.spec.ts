import { startApp } from '@app/platform';
import type { INestApplication } from '@nestjs/common';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { gatewayService } from '../app.module';
import { loadGatewayConfig } from '../config';

/**
 * GET /api/status pings the four services over NATS. A stand-in answers `booking.ping` in Nest's wire
 * format (a running dev system may answer too: either way booking is up); the others may or may not run
 * here, so they must be either up or reported as unavailable — never a hang or a 500.
 */
describe('gateway /api/status (real NATS)', () => {
  let app: INestApplication;
  let nc: NatsConnection;
  const codec = JSONCodec<{ id: string }>();

  beforeAll(async () => {
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    nc.subscribe('booking.ping', {
      callback: (_err, msg) => msg.respond(JSONCodec().encode({ id: codec.decode(msg.data).id, isDisposed: true, response: { ok: true, value: { service: 'booking', instance: 'stand-in' } } })),
    });
    await nc.flush();
    app = await startApp(gatewayService, loadGatewayConfig({ LOG_LEVEL: 'silent', NATS_URL: process.env.NATS_URL }), 0);
  });
  afterAll(async () => {
    await app?.close();
    await nc?.close();
  });

  it('reports each service’s ping reply, or unavailable within the ping timeout', async () => {
    const started = Date.now();
    const res = await fetch(`${await app.getUrl()}/api/status`);
    const body = (await res.json()) as { status: string; services: Record<string, { ok: boolean; value?: { service: string }; error?: { kind: string } }> };
    expect(Date.now() - started).toBeLessThan(4000);
    expect(Object.keys(body.services).sort()).toEqual(['analytics', 'booking', 'frontdesk', 'notifications']);
    expect(body.services['booking']).toMatchObject({ ok: true, value: { service: 'booking' } });
    for (const [service, reply] of Object.entries(body.services)) {
      if (reply.ok) expect(reply.value?.service).toBe(service);
      else expect(reply.error?.kind).toBe('unavailable');
    }
    const allUp = Object.values(body.services).every((reply) => reply.ok);
    expect(res.status).toBe(allUp ? 200 : 503);
    expect(body.status).toBe(allUp ? 'ok' : 'degraded');
  });
});
