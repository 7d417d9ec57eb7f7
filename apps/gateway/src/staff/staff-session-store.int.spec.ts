import { createHash, randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { StaffSessionStore } from './staff-session-store';
import type { StaffUser } from './staff-user';

const user: StaffUser = { id: 'clerk.hbs', displayName: 'Clerk', role: 'clerk', offices: ['hbs'] };
const MIN = 60_000;

describe('StaffSessionStore on real Redis', () => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `test:sess:${randomBytes(6).toString('hex')}:`;
  let now = 1_000_000;
  const store = new StaffSessionStore(redis, prefix, { idleMs: 30 * MIN, absoluteMs: 600 * MIN }, () => now);

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('keeps a session alive while it is used, each use restarting the 30-minute idle clock', async () => {
    const { id } = await store.create(user);
    for (let i = 0; i < 5; i += 1) {
      now += 29 * MIN;
      expect((await store.touch(id))?.user).toEqual(user);
    }
    const ttl = await redis.pttl((await redis.keys(`${prefix}*`))[0]);
    expect(ttl).toBeGreaterThan(29 * MIN);
  });

  it('ends a session after 30 idle minutes and deletes it', async () => {
    const { id } = await store.create(user);
    now += 30 * MIN;
    expect(await store.touch(id)).toBeUndefined();
    now -= 30 * MIN;
    expect(await store.touch(id)).toBeUndefined(); // gone for good, not only judged stale
  });

  it('ends a session 10 hours after sign-in however busy it was', async () => {
    const { id } = await store.create(user);
    for (let i = 0; i < 23; i += 1) {
      now += 25 * MIN;
      expect(await store.touch(id)).toBeDefined();
    }
    now += 25 * MIN; // 600 min after sign-in, 25 idle
    expect(await store.touch(id)).toBeUndefined();
  });

  it('caps the Redis TTL at what is left of the absolute lifetime', async () => {
    const { id } = await store.create(user);
    for (let i = 0; i < 23; i += 1) {
      now += 25 * MIN;
      await store.touch(id);
    }
    now += 15 * MIN; // 9 h 50 min in: the idle timer would allow 30 min, the absolute limit only 10
    expect(await store.touch(id)).toBeDefined();
    const ttl = await redis.pttl(`${prefix}${createHash('sha256').update(id).digest('base64url')}`);
    expect(ttl).toBeGreaterThan(9 * MIN);
    expect(ttl).toBeLessThanOrEqual(10 * MIN);
  });

  it('destroy() makes the id useless and ignores malformed ids', async () => {
    const { id } = await store.create(user);
    await store.destroy(id);
    expect(await store.touch(id)).toBeUndefined();
    expect(await store.touch('not-a-session')).toBeUndefined();
  });
});
