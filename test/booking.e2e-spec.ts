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
 * The whole booking flow over HTTP: gateway → NATS → two booking instances → JetStream, with the real
 * Redis for rate limits and captcha. Own stream, key bucket, queue group and Redis prefix per run.
 */
jest.setTimeout(120_000);
const services = [{ serviceId: 'personalausweis', quantity: 1 }];

describe('booking over HTTP (gateway + two booking instances, real NATS and Redis)', () => {
  const names = testNames();
  const queue = `test-booking-${randomUUID().slice(0, 8)}`;
  const apps: INestApplication[] = [];
  let base: string;
  let day: string;

  beforeAll(async () => {
    Object.assign(process.env, { REDIS_PREFIX: `test:${randomUUID().slice(0, 8)}:`, ALTCHA_COUNTER_MAX: '5', RATE_LIMITS: 'hold=1000/1m,read=5000/1m,book=1000/1m,manage=1000/1m,captcha=5000/1m' });
    const env = { LOG_LEVEL: 'silent', NODE_ENV: 'test', NATS_QUEUE: queue, EVENT_STREAM: names.streamName, EVENT_SUBJECT_PREFIX: names.subjectPrefix, PRIVACY_KEY_BUCKET: names.keyBucket, RPC_NAMESPACE: `rpc-${names.subjectPrefix}` };
    const config = loadBookingConfig(env);
    const definition = { ...bookingService, module: () => AppModule.forRoot(config, { catalog: capacityOneCatalog(), activationKey: TEST_ACTIVATION_KEY }) };
    apps.push(await startApp(definition, config, 0), await startApp(definition, config, 0));
    const gateway = await startApp(gatewayService, loadGatewayConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', RPC_NAMESPACE: `rpc-${names.subjectPrefix}`, RPC_TIMEOUT_MS: '30000' }), 0);
    apps.push(gateway);
    base = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    const from = futureMonday();
    const res = await fetch(`${base}/api/offices/hbs/availability?services=personalausweis:1&from=${from}&to=${addDays(from, 13)}`);
    const body = (await res.json()) as { days: { date: string; times: string[] }[] };
    day = body.days.find((d) => d.times.includes('09:00'))!.date;
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await destroyNames(names);
  });

  const captcha = async () => {
    const challenge = await (await fetch(`${base}/api/captcha/challenge?scope=hold:hbs`)).json();
    return solveCaptcha(challenge as never);
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const hold = async (start: string, date = day) => post('/api/offices/hbs/holds', { date, start, services }, { 'x-altcha': await captcha() });

  it('lists offices and services with documents and fees', async () => {
    const offices = (await (await fetch(`${base}/api/offices`)).json()) as { offices: { id: string }[] };
    expect(offices.offices.map((o) => o.id)).toContain('hbs');
    const svc = (await (await fetch(`${base}/api/offices/hbs/services`)).json()) as { services: { id: string; documents: unknown[]; fee: { cents: number } }[] };
    const id = svc.services.find((s) => s.id === 'personalausweis');
    expect(id).toMatchObject({ fee: { cents: expect.any(Number) } });
    expect(id?.documents.length).toBeGreaterThan(0);
  });

  it('answers a repeated availability request with 304 until a hold changes it', async () => {
    const url = `${base}/api/offices/hbs/availability?services=personalausweis:1&from=${day}&to=${day}`;
    const first = await fetch(url);
    const tag = first.headers.get('etag')!;
    const times = ((await first.json()) as { days: { times: string[] }[] }).days[0]!.times;
    expect(tag).toMatch(/^W\//);
    const same = await fetch(url, { headers: { 'if-none-match': tag } });
    expect([same.status, await same.text()]).toEqual([304, '']);
    const last = times[times.length - 1]!; // the other tests hold earlier times of this day
    expect((await hold(last)).status).toBe(201);
    const changed = await fetch(url, { headers: { 'if-none-match': tag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    expect(((await changed.json()) as { days: { times: string[] }[] }).days[0]!.times).not.toContain(last);
  });

  it('runs the whole flow: hold, contact (202), activate, manage link, ics, cancel', async () => {
    const held = await hold('09:00');
    expect(held.status).toBe(201);
    const { holdId } = (await held.json()) as { holdId: string };
    const contact = await post(`/api/offices/hbs/holds/${holdId}/contact`, { date: day, name: 'Anna Muster', email: 'anna@example.org', language: 'de', consent: true });
    expect(contact.status).toBe(202);
    const { reference, manageToken, status } = (await contact.json()) as { reference: string; manageToken: string; status: string };
    expect(status).toBe('awaiting_activation');
    const wrong = await post(`/api/appointments/${reference}/activate`, { token: 'nope' });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { code: string }).code).toBe('activation_token_invalid');
    const ok = await post(`/api/appointments/${reference}/activate`, { token: activationTokenFor(TEST_ACTIVATION_KEY, holdId) });
    expect(ok.status).toBe(200);
    const view = await fetch(`${base}/api/appointments/${reference}`, { headers: { authorization: `Bearer ${manageToken}` } });
    expect(await view.json()).toMatchObject({ reference, status: 'booked', maskedEmail: 'a***@example.org', start: '09:00' });
    expect((await fetch(`${base}/api/appointments/${reference}`)).status).toBe(404);
    expect((await fetch(`${base}/api/appointments/${reference}?token=k1.${'A'.repeat(43)}`)).status).toBe(404);
    const ics = await fetch(`${base}/api/appointments/${reference}/calendar.ics?token=${manageToken}`);
    expect(await ics.text()).toContain('BEGIN:VEVENT');
    const cancelled = await post(`/api/appointments/${reference}/cancel`, {}, { authorization: `Bearer ${manageToken}` });
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled' });
  });

  it('gives each refusal its status and a readable problem', async () => {
    // The gateway's own refusals (captcha, body) have the services' problem shape, correlation id included.
    const noCaptcha = await post('/api/offices/hbs/holds', { date: day, start: '10:00', services });
    expect(noCaptcha.status).toBeGreaterThanOrEqual(400);
    const captchaProblem = (await noCaptcha.json()) as Record<string, unknown>;
    expect(captchaProblem).toMatchObject({ type: expect.stringMatching(/^urn:schalter:problem:captcha_/), detail: expect.any(String), detail_en: expect.any(String) });
    expect(captchaProblem.correlationId).toBe(noCaptcha.headers.get('x-correlation-id'));
    const malformed = await fetch(`${base}/api/offices/hbs/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"date":' });
    expect(malformed.status).toBe(400);
    const malformedProblem = (await malformed.json()) as Record<string, unknown>;
    expect(malformedProblem).toMatchObject({ code: 'body_malformed', detail_en: 'The request body is not valid JSON.' });
    expect(malformedProblem.correlationId).toBe(malformed.headers.get('x-correlation-id'));
    const badField = await post('/api/offices/hbs/holds', { date: 'tomorrow', start: '10:00', services }, { 'x-altcha': await captcha() });
    expect(badField.status).toBe(400);
    expect(await badField.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'date', message: expect.stringContaining('YYYY-MM-DD') }] });
    const unknownOffice = await post('/api/offices/xyz/holds', { date: day, start: '10:00', services }, { 'x-altcha': await solveCaptcha((await (await fetch(`${base}/api/captcha/challenge?scope=hold:xyz`)).json()) as never) });
    expect(unknownOffice.status).toBe(404);
    const closedHours = await hold('12:30');
    expect(closedHours.status).toBe(422);
    expect(((await closedHours.json()) as { detail: string }).detail).toMatch(/Öffnungszeiten/);
    expect((await hold('10:00')).status).toBe(201);
    const taken = await hold('10:00');
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'no_capacity', detail: expect.any(String), detail_en: expect.any(String) });
    const noConsent = await post('/api/offices/hbs/holds/x/contact', { date: day, name: 'A', email: 'a@b.de', language: 'de' });
    expect(noConsent.status).toBe(400);
    const range = await fetch(`${base}/api/offices/hbs/availability?services=personalausweis:1&from=${day}&to=${addDays(day, 80)}`);
    expect(range.status).toBe(400);
  });

  it('lets exactly 1 of 200 concurrent holds for a slot of capacity 1 win (two booking instances)', async () => {
    const solutions = await Promise.all(Array.from({ length: 200 }, () => captcha()));
    const statuses = await Promise.all(solutions.map(async (s) => (await post('/api/offices/hbs/holds', { date: day, start: '11:00', services }, { 'x-altcha': s })).status));
    const histogram = statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    expect(histogram).toEqual({ 201: 1, 409: 199 });
  });
});
