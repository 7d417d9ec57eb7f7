import { KeyCache } from './key-cache';

function cacheAt(options: { maxEntries?: number; ttlMs?: number } = {}) {
  const clock = { now: 1_000 };
  const cache = new KeyCache<string>({ maxEntries: options.maxEntries ?? 3, ttlMs: options.ttlMs ?? 100, now: () => clock.now });
  return { cache, clock };
}

describe('KeyCache', () => {
  it('returns what was set until the TTL passes, then forgets it', () => {
    const { cache, clock } = cacheAt();
    cache.set('a', 'key-a');
    clock.now += 99;
    expect(cache.get('a')).toBe('key-a');
    clock.now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not extend the TTL on reads: a shredded key elsewhere expires on time', () => {
    const { cache, clock } = cacheAt();
    cache.set('a', 'key-a');
    for (let i = 0; i < 5; i++) {
      clock.now += 30;
      cache.get('a');
    }
    expect(cache.get('a')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its bound', () => {
    const { cache } = cacheAt({ maxEntries: 3 });
    cache.set('a', '1');
    cache.set('b', '2');
    cache.set('c', '3');
    cache.get('a');
    cache.set('d', '4');
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual(['1', '3', '4']);
    expect(cache.size).toBe(3);
  });

  it('deletes on request', () => {
    const { cache } = cacheAt();
    cache.set('a', '1');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('refuses a bound or TTL that would make it useless', () => {
    expect(() => new KeyCache({ maxEntries: 0, ttlMs: 1, now: Date.now })).toThrow(RangeError);
    expect(() => new KeyCache({ maxEntries: 1, ttlMs: 0, now: Date.now })).toThrow(RangeError);
  });
});
