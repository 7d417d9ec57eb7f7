import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { RateLimitPolicy } from './rate-limit-policy';
import { RateLimitService } from './rate-limit.service';
import { RateLimiterUnavailable, RedisRateLimiter } from './redis-rate-limiter';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const policy = (limit: number, periodMs: number, whenRedisDown: 'allow' | 'refuse' = 'refuse'): RateLimitPolicy => ({
  name: 'test',
  limit,
  periodMs,
  whenRedisDown,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RedisRateLimiter (real Redis)', () => {
  const prefix = `test:rl:${randomBytes(6).toString('hex')}:`;
  const clients: Redis[] = [];
  const connect = () => {
    const client = new Redis(REDIS_URL);
    clients.push(client);
    return client;
  };

  afterAll(async () => {
    const keys = await clients[0].keys(`${prefix}*`);
    if (keys.length > 0) await clients[0].del(...keys);
    await Promise.all(clients.map((client) => client.quit()));
  });

  it('lets `limit` requests through, then refuses with the time until the next token', async () => {
    const limiter = new RedisRateLimiter(connect(), { keyPrefix: prefix });
    const p = policy(5, 60_000); // one token per 12 s after the burst
    const decisions = [];
    for (let i = 0; i < 6; i += 1) decisions.push(await limiter.consume(p, 'client-a'));
    expect(decisions.slice(0, 5).map((d) => d.allowed)).toEqual([true, true, true, true, true]);
    expect(decisions.slice(0, 5).map((d) => (d.allowed ? d.remaining : -1))).toEqual([4, 3, 2, 1, 0]);
    const refused = decisions[5];
    expect(refused.allowed).toBe(false);
    if (refused.allowed) return;
    expect(refused.retryAfterMs).toBeGreaterThan(11_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(12_000);
    expect((await limiter.consume(p, 'client-b')).allowed).toBe(true); // clients are independent
  });

  it('lets no more than the limit through 200 concurrent requests from four gateway instances', async () => {
    const limiters = [0, 1, 2, 3].map(() => new RedisRateLimiter(connect(), { keyPrefix: prefix }));
    const p = policy(10, 600_000);
    const decisions = await Promise.all(
      Array.from({ length: 200 }, (_, i) => limiters[i % limiters.length].consume(p, 'hot-client')),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });

  it('recovers one token per period/limit after the burst is spent', async () => {
    const limiter = new RedisRateLimiter(connect(), { keyPrefix: prefix });
    const p = policy(2, 1200); // a token every 600 ms
    expect((await limiter.consume(p, 'recover')).allowed).toBe(true);
    expect((await limiter.consume(p, 'recover')).allowed).toBe(true);
    const refused = await limiter.consume(p, 'recover');
    expect(refused.allowed).toBe(false);
    await sleep(refused.allowed ? 0 : refused.retryAfterMs + 20);
    expect((await limiter.consume(p, 'recover')).allowed).toBe(true);
    expect((await limiter.consume(p, 'recover')).allowed).toBe(false);
    await sleep(1250); // a full period idle refills the whole burst
    expect((await limiter.consume(p, 'recover')).allowed).toBe(true);
    expect((await limiter.consume(p, 'recover')).allowed).toBe(true);
  });

  it('keeps the key only as long as it matters', async () => {
    const redis = connect();
    const limiter = new RedisRateLimiter(redis, { keyPrefix: prefix });
    const p = policy(3, 3_000);
    await limiter.consume(p, 'ttl');
    const ttl = await redis.pttl(limiter.keyOf(p, 'ttl'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1_000);
  });

  describe('when Redis is down', () => {
    let dead: Redis;
    beforeAll(() => {
      // Nothing listens on port 1; no offline queue, so commands fail instead of waiting.
      dead = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null, disconnectTimeout: 10 });
      dead.on('error', () => undefined);
    });
    afterAll(() => dead.disconnect());

    it('the limiter reports it as unavailable', async () => {
      const limiter = new RedisRateLimiter(dead, { keyPrefix: prefix });
      await expect(limiter.consume(policy(1, 1000), 'x')).rejects.toBeInstanceOf(RateLimiterUnavailable);
    });

    it('a Redis that hangs is cut off by the timeout', async () => {
      const hanging = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: null, disconnectTimeout: 10 });
      hanging.on('error', () => undefined);
      const limiter = new RedisRateLimiter(hanging, { keyPrefix: prefix, timeoutMs: 100 });
      const started = Date.now();
      await expect(limiter.consume(policy(1, 1000), 'x')).rejects.toBeInstanceOf(RateLimiterUnavailable);
      expect(Date.now() - started).toBeLessThan(1000);
      hanging.disconnect();
    });

    it('a read policy fails open and a write policy fails closed with 503 and Retry-After', async () => {
      const limiter = new RedisRateLimiter(dead, { keyPrefix: prefix });
      const policies = new Map([
        ['read', { ...policy(1, 1000, 'allow'), name: 'read' }],
        ['hold', { ...policy(1, 1000, 'refuse'), name: 'hold' }],
      ]);
      const service = new RateLimitService(limiter, policies);
      expect((await service.take('read', '203.0.113.1')).ok).toBe(true);
      const hold = await service.take('hold', '203.0.113.1');
      expect(hold.ok).toBe(false);
      if (hold.ok) return;
      expect(hold.error.error).toMatchObject({ kind: 'unavailable', code: 'rate_limit_unavailable' });
      expect(hold.error.headers['Retry-After']).toBe('5');
    });
  });

  it('the service refuses with 429 data: code, German and English text, Retry-After seconds', async () => {
    const limiter = new RedisRateLimiter(connect(), { keyPrefix: prefix });
    const service = new RateLimitService(limiter, new Map([['login', { ...policy(1, 60_000), name: 'login' }]]));
    expect((await service.take('login', '198.51.100.9')).ok).toBe(true);
    const refused = await service.take('login', '::ffff:198.51.100.9'); // same client, mapped form
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.error).toMatchObject({ kind: 'too_many', code: 'rate_limited', details: { policy: 'login' } });
    expect(refused.error.error.message).toMatch(/Zu viele Anfragen/);
    expect(refused.error.error.messageEn).toMatch(/Too many requests/);
    expect(Number(refused.error.headers['Retry-After'])).toBeGreaterThanOrEqual(59);
    expect(Number(refused.error.headers['Retry-After'])).toBeLessThanOrEqual(60);
    await expect(service.take('nope', '1.2.3.4')).rejects.toThrow(/Unknown rate-limit policy/);
  });
});
