import { freshRandomBytes } from './random-pool';

describe('freshRandomBytes', () => {
  it('never hands out the same bytes twice, across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(freshRandomBytes(12).toString('hex')); // 24 kB: several refills
    expect(seen.size).toBe(2000);
  });

  it('gives copies: a refill does not change bytes already handed out', () => {
    const key = freshRandomBytes(32);
    const before = Buffer.from(key);
    for (let i = 0; i < 300; i++) freshRandomBytes(32);
    expect(key.equals(before)).toBe(true);
    expect(key.equals(Buffer.alloc(32))).toBe(false);
  });

  it('serves sizes larger than the pool directly', () => {
    expect(freshRandomBytes(5000)).toHaveLength(5000);
  });
});
