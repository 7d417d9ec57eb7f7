import { randomUUID } from 'node:crypto';
import { type DynamicModule, type INestApplication, Module } from '@nestjs/common';
import { startApp } from '../bootstrap';
import { commonConfigSchema } from '../config/common-config';
import { loadConfig } from '../config/load-config';
import { PlatformModule } from '../platform.module';
import { natsCheck, redisCheck } from './dependency-checks';
import { HealthModule } from './health.module';

type Config = ReturnType<typeof configWith>;
const configWith = (redisUrl: string | undefined) =>
  loadConfig(commonConfigSchema('frontdesk'), { LOG_LEVEL: 'silent', NATS_QUEUE: `test-${randomUUID().slice(0, 8)}`, NATS_URL: process.env.NATS_URL, REDIS_URL: redisUrl });

@Module({})
class HealthProbeModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: HealthProbeModule,
      imports: [PlatformModule.forRoot({ service: 'frontdesk', config, redis: true }), HealthModule.forRoot({ checks: { nats: natsCheck(), redis: redisCheck() } })],
    };
  }
}

async function healthOf(redisUrl: string | undefined): Promise<{ status: number; body: any }> {
  const app: INestApplication = await startApp({ service: 'frontdesk', microservice: false, module: HealthProbeModule.forRoot }, configWith(redisUrl), 0);
  try {
    const res = await fetch(`${await app.getUrl()}/health`);
    return { status: res.status, body: await res.json() };
  } finally {
    await app.close();
  }
}

describe('/health against real and missing dependencies', () => {
  it('is 200 with every check up when NATS and Redis answer', async () => {
    const { status, body } = await healthOf(process.env.REDIS_URL);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', checks: { nats: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('is 503 and names Redis when Redis is unreachable, within the check timeout', async () => {
    const started = Date.now();
    // Port 1 on localhost: nothing listens there, so the connection is refused.
    const { status, body } = await healthOf('redis://127.0.0.1:1');
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'down', checks: { nats: { status: 'up' }, redis: { status: 'down' } } });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
