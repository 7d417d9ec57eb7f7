import { randomUUID } from 'node:crypto';
import { activationTokenFor } from '@app/contracts';
import { startApp } from '@app/platform';
import type { INestApplication } from '@nestjs/common';
import { AppModule, bookingService } from '../../../apps/booking/src/app.module';
import { capacityOneCatalog, destroyNames, TEST_ACTIVATION_KEY, testNames } from '../../../apps/booking/src/booking/booking.test-kit';
import { loadBookingConfig } from '../../../apps/booking/src/config';
import { gatewayService } from '../../../apps/gateway/src/app.module';
import { loadGatewayConfig } from '../../../apps/gateway/src/config';
import { deleteRedisKeys } from './redis-keys';
import { startSiteServer } from './site-server';

export interface BookingSystem {
  /** Origin of the pages and `/api` (what a citizen's browser sees). */
  readonly url: string;
  /** The token of the activation email for a hold (derived like the notifications service does). */
  activationToken(holdId: string): string;
  close(): Promise<void>;
}

/**
 * Booking service + gateway in this process against the real NATS and Redis, with their own stream,
 * key bucket, queue group and Redis prefix (deleted on close), and the pages on one origin.
 */
export async function startBookingSystem(): Promise<BookingSystem> {
  const names = testNames();
  const redisPrefix = `test:browser:${randomUUID().slice(0, 8)}:`;
  // The gateway's booking module reads these from process.env when its module is built.
  Object.assign(process.env, { REDIS_PREFIX: redisPrefix, RATE_LIMITS: 'hold=1000/1m,read=5000/1m,book=1000/1m,manage=1000/1m,captcha=5000/1m' });
  const env = { LOG_LEVEL: 'silent', NODE_ENV: 'test', NATS_QUEUE: `test-browser-${names.subjectPrefix}`, EVENT_STREAM: names.streamName, EVENT_SUBJECT_PREFIX: names.subjectPrefix, PRIVACY_KEY_BUCKET: names.keyBucket, RPC_NAMESPACE: `rpc-${names.subjectPrefix}` };
  const apps: INestApplication[] = [];
  const config = loadBookingConfig(env);
  apps.push(await startApp({ ...bookingService, module: () => AppModule.forRoot(config, { catalog: capacityOneCatalog(), activationKey: TEST_ACTIVATION_KEY }) }, config, 0));
  const gateway = await startApp(gatewayService, loadGatewayConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', RPC_NAMESPACE: `rpc-${names.subjectPrefix}` }), 0);
  apps.push(gateway);
  const site = await startSiteServer((await gateway.getUrl()).replace('[::1]', '127.0.0.1'));
  return {
    url: site.url,
    activationToken: (holdId) => activationTokenFor(TEST_ACTIVATION_KEY, holdId),
    async close() {
      await site.close();
      for (const app of apps.reverse()) await app.close();
      await destroyNames(names);
      await deleteRedisKeys(redisPrefix);
    },
  };
}
