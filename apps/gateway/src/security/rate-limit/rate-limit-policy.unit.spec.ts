import { DEFAULT_RATE_LIMIT_POLICIES, parseRateLimitPolicies } from './rate-limit-policy';

describe('parseRateLimitPolicies', () => {
  it('keeps the defaults when nothing is configured: reads fail open, writes fail closed', () => {
    const parsed = parseRateLimitPolicies(undefined);
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.value.get('read')).toMatchObject({ limit: 120, periodMs: 60_000, whenRedisDown: 'allow' });
    expect(parsed.value.get('hold')).toMatchObject({ limit: 10, periodMs: 600_000, whenRedisDown: 'refuse' });
    expect(parsed.value.get('login')).toMatchObject({ limit: 5, periodMs: 60_000, whenRedisDown: 'refuse' });
    expect(parsed.value.size).toBe(DEFAULT_RATE_LIMIT_POLICIES.length);
  });

  it('overrides a default but keeps its Redis-down behaviour unless told', () => {
    const parsed = parseRateLimitPolicies('read=60/30s, hold=3/1h:allow');
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.value.get('read')).toEqual({ name: 'read', limit: 60, periodMs: 30_000, whenRedisDown: 'allow' });
    expect(parsed.value.get('hold')).toEqual({ name: 'hold', limit: 3, periodMs: 3_600_000, whenRedisDown: 'allow' });
  });

  it('adds a new policy, closed by default, and accepts a bare unit as one of it', () => {
    const parsed = parseRateLimitPolicies('export=2/m');
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.value.get('export')).toEqual({ name: 'export', limit: 2, periodMs: 60_000, whenRedisDown: 'refuse' });
  });

  it('reports every bad entry at once', () => {
    const parsed = parseRateLimitPolicies('read=0/1m,hold=ten/1m,ok=1/1s,x=1/1d');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('rate_limit_spec_invalid');
    expect(parsed.error.details).toEqual({ entries: ['read=0/1m', 'hold=ten/1m', 'x=1/1d'] });
  });
});
