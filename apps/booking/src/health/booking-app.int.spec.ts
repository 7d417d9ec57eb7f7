import { randomUUID } from 'node:crypto';
import { describeInstance } from '@app/platform';
import type { INestApplication } from '@nestjs/common';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { rpcSubject, startApp } from '@app/platform';
import { bookingService } from '../app.module';
import { loadBookingConfig } from '../config';

/**
 * Boots the real booking app (hybrid HTTP + NATS) on a free port in its own queue group. `booking.ping`
 * is a fixed subject, so a running dev system may answer too: the ping test collects every answer and
 * looks for this instance's.
 */
describe('booking app (real NATS)', () => {
  const suffix = randomUUID().slice(0, 8);
  const queue = `test-booking-${suffix}`;
  // Its own event stream and key bucket, never the dev system's; deleted afterwards.
  const stream = `TEST_BOOKING_APP_${suffix}`;
  const bucket = `TEST_BOOKING_KEYS_${suffix}`;
  let app: INestApplication;
  let baseUrl: string;
  let nc: NatsConnection;

  beforeAll(async () => {
    const config = loadBookingConfig({
      LOG_LEVEL: 'silent',
      NATS_QUEUE: queue,
      NATS_URL: process.env.NATS_URL,
      EVENT_STREAM: stream,
      EVENT_SUBJECT_PREFIX: `test-ev-${suffix}`,
      PRIVACY_KEY_BUCKET: bucket,
      RPC_NAMESPACE: `test-${suffix}`,
    });
    app = await startApp(bookingService, config, 0);
    baseUrl = await app.getUrl();
    nc = await connect({ servers: config.NATS_URL });
  });
  afterAll(async () => {
    await app?.close();
    if (nc) {
      // The app derives more streams from these names (parked events, KV buckets): all carry the suffix.
      const jsm = await nc.jetstreamManager();
      const ours = (await jsm.streams.names().next()).filter((name) => name.includes(suffix));
      for (const name of ours) await jsm.streams.delete(name).catch(() => undefined);
      await nc.close();
    }
  });

  it('reports its dependencies on /health', async () => {
    const res = await fetch(`${baseUrl}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { checks: { jetstream: { serverVersion: string; warnings: unknown } } };
    expect(body).toMatchObject({ status: 'ok', checks: { nats: { status: 'up' }, jetstream: { status: 'up' } } });
    expect(body.checks.jetstream.serverVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(Array.isArray(body.checks.jetstream.warnings)).toBe(true);
  });

  it('echoes the caller’s correlation id and makes one when none is sent', async () => {
    expect((await fetch(`${baseUrl}/health`, { headers: { 'x-correlation-id': 'abc-123' } })).headers.get('x-correlation-id')).toBe('abc-123');
    expect((await fetch(`${baseUrl}/health`)).headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers booking.ping over NATS with the success envelope', async () => {
    const codec = JSONCodec<{ response?: { ok: boolean; value?: { service: string; instance: string } } }>();
    const packet = { pattern: 'booking.ping', data: {}, id: randomUUID() };
    const reply = await nc.request(rpcSubject(`test-${suffix}`, 'booking.ping'), codec.encode(packet as never), { timeout: 2000 });
    expect(codec.decode(reply.data).response).toEqual({ ok: true, value: expect.objectContaining({ service: 'booking', instance: describeInstance('booking').instance }) });
  });
});
