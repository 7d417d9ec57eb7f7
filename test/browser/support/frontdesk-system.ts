import { randomUUID } from 'node:crypto';
import { startApp } from '@app/platform';
import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { AppModule as BookingModule, bookingService } from '../../../apps/booking/src/app.module';
import { BookingRuntime } from '../../../apps/booking/src/booking/booking-runtime';
import { futureMonday, TEST_ACTIVATION_KEY } from '../../../apps/booking/src/booking/booking.test-kit';
import { loadBookingConfig } from '../../../apps/booking/src/config';
import { frontdeskServiceWith } from '../../../apps/frontdesk/src/app.module';
import { loadFrontdeskConfig } from '../../../apps/frontdesk/src/config';
import { gatewayService } from '../../../apps/gateway/src/app.module';
import { loadGatewayConfig } from '../../../apps/gateway/src/config';
import { berlin, book, deleteStreams, frontdeskNames, NATS_URL, natsConnection } from '../../frontdesk-support';
import { deleteRedisKeys } from './redis-keys';

/** The kiosk device token of config/staff-users.json (development only; its SHA-256 is in that file). */
export const DEV_KIOSK_TOKEN = 'dev-kiosk-hbs-token-not-for-production';
export const CLERK = { username: 'clerk.hbs', password: 'schalter-dev-clerk' } as const;

export interface FrontdeskSystem {
  /** Origin of the pages, `/api` and `/socket.io` (the gateway, as a browser sees it). */
  readonly url: string;
  /** The queue's day (a future Monday): frontdesk's clock starts there at 09:00 and runs in real time. */
  readonly day: string;
  /** Books an appointment on `day` through the real booking service; returns its reference. */
  book(start: string, serviceId?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Gateway + booking + frontdesk in this process, against the real NATS and Redis, with their own
 * stream, key bucket, queue group, RPC namespace, Socket.IO channel and Redis prefixes (all removed on
 * close), so parallel test files never answer each other.
 *
 * Frontdesk runs on a clock that starts at 09:00 on a future Monday (an open day with bookable
 * appointments, whatever day the test runs); booking and the gateway keep the real clock. The staff
 * socket token is issued on the gateway's clock and checked on frontdesk's, so its lifetime is set
 * longer than that gap.
 */
export async function startFrontdeskSystem(): Promise<FrontdeskSystem> {
  const names = frontdeskNames();
  const day = futureMonday();
  const startedAt = Date.now();
  const clock = () => berlin(day, '09:00') + (Date.now() - startedAt);
  const redisPrefix = `test:fdbrowser:${names.suffix}:`;
  const shared = {
    LOG_LEVEL: 'silent', NODE_ENV: 'test', NATS_URL, RPC_NAMESPACE: `tbr${names.suffix}`, NATS_QUEUE: names.queue,
    EVENT_STREAM: names.streamName, EVENT_SUBJECT_PREFIX: names.subjectPrefix,
  };
  // The gateway's staff and booking modules read these from process.env when their modules are built.
  Object.assign(process.env, {
    REDIS_PREFIX: redisPrefix, STAFF_SESSION_KEY_PREFIX: `${redisPrefix}staff-session:`, STAFF_TOKEN_SECRET: names.secret,
    STAFF_TOKEN_TTL_SECONDS: String(30 * 24 * 3600), RATE_LIMITS: 'hold=1000/1m,read=5000/1m,book=1000/1m,manage=1000/1m,captcha=5000/1m,login=1000/1m',
  });
  const apps: INestApplication[] = [];
  let nc: NatsConnection | undefined;
  try {
    const bookingConfig = loadBookingConfig({ ...shared, PRIVACY_KEY_BUCKET: names.keyBucket });
    const booking = await startApp({ ...bookingService, module: () => BookingModule.forRoot(bookingConfig, { activationKey: TEST_ACTIVATION_KEY }) }, bookingConfig, 0);
    apps.push(booking);
    const frontdeskConfig = loadFrontdeskConfig({ ...shared, STAFF_TOKEN_SECRET: names.secret, SOCKET_REDIS_KEY: names.redisKey });
    const frontdesk = await startApp(frontdeskServiceWith({ clock }), frontdeskConfig, 0);
    apps.push(frontdesk);
    const frontdeskUrl = (await frontdesk.getUrl()).replace('[::1]', '127.0.0.1');
    const gateway = await startApp(gatewayService, loadGatewayConfig({ ...shared, FRONTDESK_URL: frontdeskUrl }), 0);
    apps.push(gateway);
    nc = await natsConnection();
    const runtime = booking.get(BookingRuntime);
    const connection = nc;
    return {
      url: (await gateway.getUrl()).replace('[::1]', '127.0.0.1'),
      day,
      book: (start, serviceId) => book(runtime, day, start, serviceId),
      async close() {
        for (const app of apps.reverse()) await app.close();
        await deleteStreams(connection, names);
        await connection.close();
        await deleteRedisKeys(redisPrefix);
      },
    };
  } catch (error) {
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    if (nc) await nc.close();
    throw error;
  }
}

/** A unique id for a test's request ids and similar. */
export const uniqueId = () => randomUUID().slice(0, 8);

export interface StaffApi {
  get<T = any>(path: string): Promise<T>;
  post<T = any>(path: string, body?: unknown): Promise<T>;
}

/** The clerk's session over plain HTTP (cookie + the CSRF header), as a second desk beside the browser. */
export async function staffApi(url: string): Promise<StaffApi> {
  const login = await fetch(`${url}/api/staff/session`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'test' }, body: JSON.stringify(CLERK),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method, headers: { cookie, 'x-requested-with': 'test', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body ?? {}) };
}
