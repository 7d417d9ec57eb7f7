import Redis from 'ioredis';
import { startStaffGateway, type StaffTestGateway } from '../apps/gateway/src/staff/staff.testing';

const json = { 'content-type': 'application/json', 'x-requested-with': 'test' };

describe('staff sign-in over real HTTP and Redis', () => {
  let gw: StaffTestGateway;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

  beforeAll(async () => {
    gw = await startStaffGateway({ loginLimit: 'login=1000/1m' });
  });
  afterAll(async () => {
    await gw.close();
    await redis.quit();
  });

  const login = (username: string, password: string, headers: Record<string, string> = json) =>
    fetch(`${gw.url}/api/staff/session`, { method: 'POST', headers, body: JSON.stringify({ username, password }) });

  it('sets an HttpOnly SameSite=Strict cookie with a 256-bit opaque id, and GET /session names the user', async () => {
    const res = await login('clerk.hbs', 'pw-clerk.hbs');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^schalter_staff=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/staff/);
    expect(await res.json()).toEqual({ user: { id: 'clerk.hbs', displayName: 'Test clerk.hbs', role: 'clerk', offices: ['hbs'] } });
    const me = await fetch(`${gw.url}/api/staff/session`, { headers: { cookie: cookie.split(';')[0] } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.id).toBe('clerk.hbs');
  });

  it('stores only a hash of the session id in Redis, never the id or the password', async () => {
    const cookie = await gw.login('manager.hbs');
    const id = cookie.split('=')[1];
    const keys = await redis.keys(`${gw.prefix}sess:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((key) => key.includes(id))).toBe(false);
    const values = await Promise.all(keys.map((key) => redis.get(key)));
    expect(values.join('')).not.toContain('pw-manager.hbs');
  });

  it('refuses a wrong password and an unknown user alike (401 staff_login_failed)', async () => {
    for (const [user, pw] of [['clerk.hbs', 'wrong'], ['nobody', 'pw-nobody']]) {
      const res = await login(user, pw);
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe('staff_login_failed');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('answers 400 to a login body without a password', async () => {
    const res = await fetch(`${gw.url}/api/staff/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'x' }) });
    expect(res.status).toBe(400);
  });

  it('logout deletes the session: the old cookie no longer works', async () => {
    const cookie = await gw.login('admin');
    const out = await fetch(`${gw.url}/api/staff/session`, { method: 'DELETE', headers: { cookie, 'x-requested-with': 'test' } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/schalter_staff=;/);
    const me = await fetch(`${gw.url}/api/staff/session`, { headers: { cookie } });
    expect(me.status).toBe(401);
    expect((await me.json()).code).toBe('staff_login_required');
  });

  it('refuses a forged or missing session cookie with 401', async () => {
    for (const cookie of ['', 'schalter_staff=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'schalter_staff=../../etc']) {
      const res = await fetch(`${gw.url}/api/staff/session`, { headers: cookie ? { cookie } : {} });
      expect(res.status).toBe(401);
    }
  });
});

describe('staff sign-in rate limit', () => {
  let gw: StaffTestGateway;
  beforeAll(async () => {
    gw = await startStaffGateway({ loginLimit: 'login=3/1m' });
  });
  afterAll(() => gw.close());

  it('answers 429 with Retry-After after the login policy is spent, even for the right password', async () => {
    const attempt = (password: string) =>
      fetch(`${gw.url}/api/staff/session`, { method: 'POST', headers: { ...json, 'x-forwarded-for': '203.0.113.9' }, body: JSON.stringify({ username: 'clerk.hbs', password }) });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await attempt('wrong')).status);
    const blocked = await attempt('pw-clerk.hbs');
    expect(statuses).toEqual([401, 401, 401]);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
