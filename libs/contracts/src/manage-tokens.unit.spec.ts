import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { ManageTokens, parseManageTokenKeys } from './manage-tokens';

const k1 = { id: 'k1', secret: randomBytes(32) };
const k2 = { id: 'k2', secret: randomBytes(32) };

describe('ManageTokens', () => {
  const tokens = new ManageTokens([k1]);

  it('accepts the token it issued for the same appointment', () => {
    const token = tokens.issue('hbs-2026-12-01-0930-a1');
    expect(token).toMatch(/^k1\.[A-Za-z0-9_-]{43}$/);
    expect(tokens.verify('hbs-2026-12-01-0930-a1', token)).toBe(true);
  });

  it('rejects the token for another appointment', () => {
    expect(tokens.verify('hbs-2026-12-01-0930-a2', tokens.issue('hbs-2026-12-01-0930-a1'))).toBe(false);
  });

  it('rejects any single-character change to a token', () => {
    const token = tokens.issue('a1');
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...'abcXYZ019-_.'), (index, char) => {
        fc.pre(token[index] !== char);
        const tampered = token.slice(0, index) + char + token.slice(index + 1);
        return !tokens.verify('a1', tampered);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts only the canonical spelling of the MAC (no spare-bit variants)', () => {
    const token = tokens.issue('a1');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token[token.length - 1]);
    const variants = [1, 2, 3].map((spare) => token.slice(0, -1) + alphabet[last ^ spare]);
    expect(variants.map((variant) => Buffer.from(variant.split('.')[1], 'base64url').equals(Buffer.from(token.split('.')[1], 'base64url')))).toEqual([true, true, true]);
    expect(variants.filter((variant) => tokens.verify('a1', variant))).toEqual([]);
  });

  it('rejects tokens of another secret, unknown key ids and garbage', () => {
    const foreign = new ManageTokens([{ id: 'k1', secret: randomBytes(32) }]);
    expect(tokens.verify('a1', foreign.issue('a1'))).toBe(false);
    expect(tokens.verify('a1', tokens.issue('a1').replace(/^k1/, 'k9'))).toBe(false);
    for (const junk of ['', 'k1.', 'k1.short', `k1.${'A'.repeat(44)}`, 'a1']) expect(tokens.verify('a1', junk)).toBe(false);
  });

  it('keeps old links valid across a key rotation and signs new ones with the newest key', () => {
    const old = new ManageTokens([k1]).issue('a1');
    const rotated = new ManageTokens([k2, k1]);
    expect(rotated.verify('a1', old)).toBe(true);
    expect(rotated.issue('a1').startsWith('k2.')).toBe(true);
    expect(new ManageTokens([k2]).verify('a1', old)).toBe(false); // retired key: old links die
  });

  it('refuses short secrets and odd key ids at construction', () => {
    expect(() => new ManageTokens([{ id: 'k1', secret: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => new ManageTokens([{ id: 'K.1', secret: randomBytes(32) }])).toThrow(/key id/);
    expect(() => new ManageTokens([])).toThrow();
  });
});

describe('parseManageTokenKeys', () => {
  it('reads newest-first id:base64 pairs', () => {
    const parsed = parseManageTokenKeys(`k2:${k2.secret.toString('base64')}, k1:${k1.secret.toString('base64')}`);
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.value.map((key) => key.id)).toEqual(['k2', 'k1']);
    expect(parsed.value[0].secret.equals(k2.secret)).toBe(true);
  });

  it('refuses empty, short or malformed keys without echoing secrets', () => {
    const short = randomBytes(8).toString('base64');
    const parsed = parseManageTokenKeys(`k1:${short}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).not.toContain(short);
    expect(parseManageTokenKeys('').ok).toBe(false);
  });
});
