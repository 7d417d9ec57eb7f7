import { randomUUID } from 'node:crypto';
import { activationTokenFor } from '@app/contracts';
import { addDays } from '@app/domain';
import { startApp } from '@app/platform';
import type { INestApplication } from '@nestjs/common';
import { AppModule, bookingService } from '../apps/booking/src/app.module';
import { capacityOneCatalog, destroyNames, futureMonday, TEST_ACTIVATION_KEY, testNames } from '../apps/booking/src/booking/booking.test-kit';
import { loadBookingConfig } from '../apps/booking/src/config';
import { gatewayService } from '../apps/gateway/src/app.module';
import { loadGatewayConfig } from '../apps/gateway/src/config';
import { solveCaptcha } from '../apps/gateway/src/security/captcha/captcha.testing';

/**
 * Extending a hold and moving an appointment to another day, over HTTP: gateway → NATS → booking →
 * JetStream, with the real Redis. Own stream, key bucket, queue group and Redis prefix per run.
 */
jest.setTimeout(120_000);
const services = [{ serviceId: 'personalausweis', quantity: 1 }];

describe('booking over HTTP: extend a hold, reschedule to another day', () => {
  const names = testNames();
  const queue = `test-booking-more-${randomUUID().slice(0, 8)}`;
  const apps: INestApplication[] = [];
  let base: string;
  const day = futureMonday(undefined, 4);
  const nextDay = addDays(day, 1);

  beforeAll(async () => {
    Object.assign(process.env, { REDIS_PREFIX: `test:${randomUUID().slice(0, 8)}:`, ALTCHA_COUNTER_MAX: '5', RATE_LIMITS: 'hold=1000/1m,read=5000/1m,book=1000/1m,manage=1000/1m,captcha=5000/1m' });
    const env = { LOG_LEVEL: 'silent', NODE_ENV: 'test', NATS_QUEUE: queue, EVENT_STREAM: names.streamName, EVENT_SUBJECT_PREFIX: names.subjectPrefix, PRIVACY_KEY_BUCKET: names.keyBucket, RPC_NAMESPACE: `rpc-${names.subjectPrefix}` };
    const config = loadBookingConfig(env);
    const definition = { ...bookingService, module: () => AppModule.forRoot(config, { catalog: capacityOneCatalog(), activationKey: TEST_ACTIVATION_KEY }) };
    apps.push(await startApp(definition, config, 0));
    const gateway = await startApp(gatewayService, loadGatewayConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', RPC_NAMESPACE: `rpc-${names.subjectPrefix}` }), 0);
    apps.push(gateway);
    base = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await destroyNames(names);
  });

  const captcha = async (scope: string) => solveCaptcha((await (await fetch(`${base}/api/captcha/challenge?scope=${scope}`)).json()) as never);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const hold = async (start: string, date = day) => post('/api/offices/hbs/holds', { date, start, services }, { 'x-altcha': await captcha('hold:hbs') });

  it('extends a hold twice, then answers 409 hold_extension_limit; 404 for an unknown hold', async () => {
    const held = (await (await hold('09:00')).json()) as { holdId: string; expiresAt: string };
    await new Promise((r) => setTimeout(r, 5));
    const first = await post(`/api/offices/hbs/holds/${held.holdId}/extend`, { date: day });
    expect(first.status).toBe(200);
    const extended = (await first.json()) as { expiresAt: string; holdId: string };
    expect(extended.holdId).toBe(held.holdId);
    expect(Date.parse(extended.expiresAt)).toBeGreaterThan(Date.parse(held.expiresAt));
    await new Promise((r) => setTimeout(r, 5));
    expect((await post(`/api/offices/hbs/holds/${held.holdId}/extend`, { date: day })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 5));
    const third = await post(`/api/offices/hbs/holds/${held.holdId}/extend`, { date: day });
    expect(third.status).toBe(409);
    expect(await third.json()).toMatchObject({ code: 'hold_extension_limit', detail: expect.stringContaining('verlängert') });
    expect((await post('/api/offices/hbs/holds/nope/extend', { date: day })).status).toBe(404);
    expect((await post(`/api/offices/hbs/holds/${held.holdId}/extend`, { date: 'soon' })).status).toBe(400);
  });

  it('moves a booked appointment to another day; the manage link keeps working and shows the new day', async () => {
    const { holdId } = (await (await hold('10:00')).json()) as { holdId: string };
    const contact = await post(`/api/offices/hbs/holds/${holdId}/contact`, { date: day, name: 'Anna Muster', email: 'anna@example.org', language: 'de', consent: true });
    const { reference, manageToken } = (await contact.json()) as { reference: string; manageToken: string };
    expect((await post(`/api/appointments/${reference}/activate`, { token: activationTokenFor(TEST_ACTIVATION_KEY, holdId) })).status).toBe(200);
    const auth = { authorization: `Bearer ${manageToken}` };
    const moved = await post(`/api/appointments/${reference}/reschedule`, { date: nextDay, start: '10:30' }, { ...auth, 'x-altcha': await captcha('reschedule') });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ reference, status: 'booked', date: nextDay, start: '10:30' });
    const view = await fetch(`${base}/api/appointments/${reference}`, { headers: auth });
    expect(await view.json()).toMatchObject({ reference, status: 'booked', date: nextDay, start: '10:30', maskedEmail: 'a***@example.org' });
    const ics = await (await fetch(`${base}/api/appointments/${reference}/calendar.ics?token=${manageToken}`)).text();
    expect(ics).toContain('STATUS:CONFIRMED');
    expect((await hold('10:30', nextDay)).status).toBe(409);
    const taken = await post(`/api/appointments/${reference}/reschedule`, { date: day, start: '09:00' }, { ...auth, 'x-altcha': await captcha('reschedule') });
    expect(taken.status).toBe(409); // the extended hold from the first test still holds 09:00
    const cancelled = await post(`/api/appointments/${reference}/cancel`, {}, auth);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', date: nextDay });
  });
});
