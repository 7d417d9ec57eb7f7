import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, type INestApplication, Param, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import type { Challenge } from 'altcha-lib';
import { RequireCaptcha } from './captcha/captcha.guard';
import { solveCaptcha } from './captcha/captcha.testing';
import { applyHttpSecurity } from './http-security';
import { parseRateLimitPolicies } from './rate-limit/rate-limit-policy';
import { RateLimit } from './rate-limit/rate-limit.guard';
import { SecurityRefusalFilter } from './security-refusal';
import { SecurityModule } from './security.module';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ALLOWED_ORIGIN = 'https://termine.halberstadt.example';

@Controller('api/test')
class DummyController {
  @Get('read')
  @RateLimit('read')
  read() {
    return { ok: true };
  }

  @Post('offices/:officeId/holds')
  @RequireCaptcha('hold') // listed above @RateLimit: the rate limit runs first
  @RateLimit('hold')
  hold(@Param('officeId') officeId: string) {
    return { held: officeId };
  }

  @Post('echo')
  echo(@Body() body: unknown) {
    return { size: JSON.stringify(body).length };
  }
}

async function start(trustProxy: boolean | string, redis: Redis, prefix: string) {
  const policies = parseRateLimitPolicies('read=3/1m,hold=3/1m,captcha=100/1m');
  if (!policies.ok) throw new Error(policies.error.messageEn);
  const moduleRef = await Test.createTestingModule({
    imports: [
      SecurityModule.forRoot({
        redis,
        rateLimit: { keyPrefix: `${prefix}rl:`, policies: policies.value },
        captcha: { hmacKey: randomBytes(32).toString('hex'), usedKeyPrefix: `${prefix}used:`, purposes: ['hold'], counterMin: 20, counterMax: 60 },
      }),
    ],
    controllers: [DummyController],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  applyHttpSecurity(app, { corsOrigins: [ALLOWED_ORIGIN], trustProxy, bodyLimit: '32kb' });
  app.useGlobalFilters(new SecurityRefusalFilter());
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('gateway security over real HTTP', () => {
  const prefix = `test:gw:${randomBytes(6).toString('hex')}:`;
  const redis = new Redis(REDIS_URL);
  let behindProxy: { app: INestApplication; url: string };
  let direct: { app: INestApplication; url: string };
  let ipCounter = 0;
  const freshIp = () => `198.51.100.${(ipCounter += 1)}`;

  beforeAll(async () => {
    behindProxy = await start('loopback', redis, `${prefix}a:`);
    direct = await start(false, redis, `${prefix}b:`);
  });
  afterAll(async () => {
    await behindProxy.app.close();
    await direct.app.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const challenge = async (scope: string, ip = freshIp()): Promise<Challenge> => {
    const res = await fetch(`${behindProxy.url}/api/captcha/challenge?scope=${encodeURIComponent(scope)}`, { headers: { 'x-forwarded-for': ip } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return (await res.json()) as Challenge;
  };
  const hold = (officeId: string, init: { ip?: string; altcha?: string; body?: object } = {}) =>
    fetch(`${behindProxy.url}/api/test/offices/${officeId}/holds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': init.ip ?? freshIp(), ...(init.altcha ? { 'x-altcha': init.altcha } : {}) },
      body: JSON.stringify(init.body ?? {}),
    });

  describe('headers', () => {
    it('sends a CSP without inline script, nosniff, no-referrer and no framing', async () => {
      const res = await fetch(`${direct.url}/api/test/echo`, { method: 'POST' }); // not /read: its bucket is tested below
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).toContain("connect-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    });

    it('sends HSTS only when a trusted proxy says the request came over TLS', async () => {
      expect((await fetch(`${behindProxy.url}/api/test/echo`, { method: 'POST' })).headers.get('strict-transport-security')).toBeNull();
      const viaTls = await fetch(`${behindProxy.url}/api/test/echo`, { method: 'POST', headers: { 'x-forwarded-proto': 'https' } });
      expect(viaTls.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
      const spoofed = await fetch(`${direct.url}/api/test/echo`, { method: 'POST', headers: { 'x-forwarded-proto': 'https' } });
      expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    });

    it('answers CORS only for listed origins', async () => {
      const allowed = await fetch(`${direct.url}/api/test/echo`, { method: 'POST', headers: { origin: ALLOWED_ORIGIN } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      const other = await fetch(`${direct.url}/api/test/echo`, { method: 'POST', headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${direct.url}/api/test/echo`, {
        method: 'OPTIONS',
        headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-altcha' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toContain('x-altcha');
    });
  });

  describe('body limits', () => {
    it('refuses a body over 32 kB with a 413 problem', async () => {
      const res = await fetch(`${direct.url}/api/test/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(40_000) }) });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 413, code: 'payload_too_large', details: { limitBytes: 32_768 } });
      const small = await fetch(`${direct.url}/api/test/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(30_000) }) });
      expect(small.status).toBe(201);
    });

    it('refuses malformed JSON with a 400 problem', async () => {
      const res = await fetch(`${direct.url}/api/test/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'body_malformed', type: 'urn:schalter:problem:body_malformed', detail_en: 'The request body is not valid JSON.' });
    });
  });

  describe('rate limits', () => {
    it('answers 429 with Retry-After and a bilingual problem after the limit', async () => {
      const ip = freshIp();
      const get = () => fetch(`${behindProxy.url}/api/test/read`, { headers: { 'x-forwarded-for': ip } });
      expect([(await get()).status, (await get()).status, (await get()).status]).toEqual([200, 200, 200]);
      const refused = await get();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(19); // 3/min → a token per 20 s
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(20);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await refused.json()) as Record<string, unknown>;
      expect(problem).toMatchObject({ status: 429, title: 'Too Many Requests', code: 'rate_limited', details: { policy: 'read' } });
      expect(problem.detail).toMatch(/Zu viele Anfragen/);
      expect(problem.detail_en).toMatch(/Too many requests/);
      expect((await fetch(`${behindProxy.url}/api/test/read`, { headers: { 'x-forwarded-for': freshIp() } })).status).toBe(200);
    });

    it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await fetch(`${direct.url}/api/test/read`, { headers: { 'x-forwarded-for': freshIp() } })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    });

    it('counts a request before its captcha is checked, and does not spend the captcha on a 429', async () => {
      const ip = freshIp();
      const payload = await solveCaptcha(await challenge('hold:hbs'));
      for (let i = 0; i < 3; i += 1) expect((await hold('hbs', { ip })).status).toBe(400); // no captcha
      const limited = await hold('hbs', { ip, altcha: payload });
      expect(limited.status).toBe(429);
      expect((await hold('hbs', { altcha: payload })).status).toBe(201); // still unspent
    });
  });

  describe('captcha', () => {
    it('accepts a solved challenge once (header), then reports it reused', async () => {
      const payload = await solveCaptcha(await challenge('hold:hbs'));
      const first = await hold('hbs', { altcha: payload });
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ held: 'hbs' });
      const second = await hold('hbs', { altcha: payload });
      expect(second.status).toBe(400);
      expect(await second.json()).toMatchObject({ code: 'captcha_reused', details: { field: 'altcha' } });
    });

    it('reads the payload from the body field `altcha` too', async () => {
      const payload = await solveCaptcha(await challenge('hold:hbs'));
      expect((await hold('hbs', { body: { altcha: payload } })).status).toBe(201);
    });

    it('refuses a missing captcha and one solved for another office', async () => {
      expect(await (await hold('hbs')).json()).toMatchObject({ status: 400, code: 'captcha_invalid', details: { reason: 'missing' } });
      const payload = await solveCaptcha(await challenge('hold:wer'));
      expect(await (await hold('hbs', { altcha: payload })).json()).toMatchObject({ code: 'captcha_invalid', details: { reason: 'scope' } });
    });

    it('refuses to issue a challenge for an unknown purpose', async () => {
      const res = await fetch(`${behindProxy.url}/api/captcha/challenge?scope=admin`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'captcha_scope_invalid', details: { field: 'scope' } });
    });
  });
});
