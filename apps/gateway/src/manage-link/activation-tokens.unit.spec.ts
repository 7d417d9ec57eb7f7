import { ActivationTokens } from './activation-tokens';

describe('ActivationTokens', () => {
  it('issues a 256-bit url-safe token and its SHA-256 hash', () => {
    const { token, hash } = ActivationTokens.issue();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(ActivationTokens.hash(token)).toBe(hash);
  });

  it('never issues the same token twice', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => ActivationTokens.issue().token));
    expect(seen.size).toBe(1000);
  });

  it('matches the token against its hash only', () => {
    const first = ActivationTokens.issue();
    const second = ActivationTokens.issue();
    expect(ActivationTokens.matches(first.token, first.hash)).toBe(true);
    expect(ActivationTokens.matches(second.token, first.hash)).toBe(false);
    expect(ActivationTokens.matches(first.token, 'not-a-hash')).toBe(false);
    expect(ActivationTokens.matches(first.hash, first.hash)).toBe(false); // the stored hash is not a key
  });
});
