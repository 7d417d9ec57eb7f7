import { createHash, randomBytes } from 'node:crypto';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import bcrypt from 'bcryptjs';
import Redis from 'ioredis';
import { PlatformModule } from '@app/platform';
import { loadGatewayConfig } from '../config';
import { applyHttpSecurity, parseRateLimitPolicies, SecurityModule, SecurityRefusalFilter } from '../security';
import type { StaffAccounts } from './staff-accounts';
import { loadStaffConfig } from './staff-config';
import { StaffModule } from './staff.module';

/** Test accounts (bcrypt cost 4: tests log in often). Password of each = `pw-<username>`. */
export const TEST_KIOSK_TOKEN = 'test-kiosk-token-for-office-hbs-0001';
const hash = (name: string) => bcrypt.hashSync(`pw-${name}`, 4);
export function testAccounts(): StaffAccounts {
  const user = (username: string, role: StaffAccounts['users'][number]['role'], offices: string[] | '*') => ({
    username,
    displayName: `Test ${username}`,
    role,
    offices,
    passwordHash: hash(username),
  });
  return {
    users: [user('clerk.hbs', 'clerk', ['hbs']), user('clerk.qlb', 'clerk', ['qlb']), user('manager.hbs', 'office_manager', ['hbs']), user('analyst', 'analyst', '*'), user('admin', 'admin', '*')],
    kioskDevices: [{ id: 'kiosk-hbs-test', officeId: 'hbs', tokenSha256: createHash('sha256').update(TEST_KIOSK_TOKEN).digest('hex') }],
  };
}

export interface StaffTestGateway {
  readonly app: INestApplication;
  readonly url: string;
  readonly prefix: string;
  readonly tokenSecret: string;
  /** Signs in and returns the Cookie header value. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

export interface StaffTestOptions {
  readonly imports?: ReadonlyArray<DynamicModule | Type<unknown>>;
  readonly loginLimit?: string; // RATE_LIMITS entry for `login`
  readonly env?: Record<string, string>;
  readonly beforeListen?: (app: NestExpressApplication) => void;
}

/** A gateway with the staff module (and what it needs) on an ephemeral port, with its own Redis prefix. */
export async function startStaffGateway(options: StaffTestOptions = {}): Promise<StaffTestGateway> {
  const prefix = `test:staff:${randomBytes(6).toString('hex')}:`;
  const tokenSecret = randomBytes(32).toString('hex');
  const env = { LOG_LEVEL: 'silent', HTTP_PORT: '1', ...options.env };
  const gatewayConfig = loadGatewayConfig(env);
  const staffConfig = loadStaffConfig({ STAFF_SESSION_KEY_PREFIX: `${prefix}sess:`, STAFF_TOKEN_SECRET: tokenSecret, ...env });
  const policies = parseRateLimitPolicies(options.loginLimit ?? 'login=1000/1m');
  if (!policies.ok) throw new Error(policies.error.messageEn);
  const redis = new Redis(gatewayConfig.REDIS_URL);
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({ service: 'gateway', config: gatewayConfig, redis: true, rpcClient: true }),
      SecurityModule.forRoot({ redis, rateLimit: { keyPrefix: `${prefix}rl:`, policies: policies.value }, captcha: { hmacKey: randomBytes(32).toString('hex'), usedKeyPrefix: `${prefix}cap:`, purposes: [] } }),
      StaffModule.forRoot({ config: staffConfig, accounts: testAccounts() }),
      ...(options.imports ?? []),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  applyHttpSecurity(app, { corsOrigins: [], trustProxy: 'loopback' });
  app.useGlobalFilters(new SecurityRefusalFilter());
  options.beforeListen?.(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    prefix,
    tokenSecret,
    login: async (username) => {
      const res = await fetch(`${url}/api/staff/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'test' },
        body: JSON.stringify({ username, password: `pw-${username}` }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return (res.headers.get('set-cookie') ?? '').split(';')[0];
    },
    close: async () => {
      await app.close();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
}
