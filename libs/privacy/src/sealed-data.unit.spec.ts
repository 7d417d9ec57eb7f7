import { randomBytes } from 'node:crypto';
import { isPrivacyError } from './privacy-error';
import { decrypt, encrypt, parseSealedData } from './sealed-data';

const key = randomBytes(32);
const aad = Buffer.from('subject-a');

describe('sealed data (AES-256-GCM)', () => {
  it('decrypts only with the same key and the same AAD', () => {
    const sealed = encrypt(key, 'k1', Buffer.from('Grüße'), aad);
    expect(decrypt(key, sealed, aad)?.toString()).toBe('Grüße');
    expect(decrypt(key, sealed, Buffer.from('subject-b'))).toBeUndefined();
    expect(decrypt(randomBytes(32), sealed, aad)).toBeUndefined();
  });

  it('uses a fresh IV every time', () => {
    const ivs = new Set(Array.from({ length: 100 }, () => encrypt(key, 'k1', Buffer.from('x'), aad).iv));
    expect(ivs.size).toBe(100);
  });

  it('accepts only well-formed values', () => {
    const sealed = encrypt(key, 'k1', Buffer.from('x'), aad);
    expect(parseSealedData(JSON.parse(JSON.stringify(sealed)))).toEqual(sealed);
    const broken: unknown[] = [
      null,
      'text',
      { ...sealed, v: 2 },
      { ...sealed, kid: '' },
      { ...sealed, iv: sealed.iv.slice(2) },
      { ...sealed, tag: `${sealed.tag}AAAA` },
      { ...sealed, ct: 'not base64url!' },
      { v: 1, kid: 'k1', iv: sealed.iv, tag: sealed.tag },
    ];
    for (const value of broken) {
      expect(() => parseSealedData(value)).toThrow(expect.objectContaining({ code: 'sealed_data_malformed' }));
    }
    expect(isPrivacyError((() => { try { parseSealedData({}); } catch (e) { return e; } })(), 'sealed_data_malformed')).toBe(true);
  });
});
