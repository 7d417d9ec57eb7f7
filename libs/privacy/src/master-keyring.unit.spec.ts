import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { checkMasterKeyring, masterKeyringFromEnv } from './master-keyring';
import { isPrivacyError, type PrivacyError } from './privacy-error';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

function parseError(value: string | undefined): PrivacyError {
  try {
    masterKeyringFromEnv({ SCHALTER_MASTER_KEYS: value });
  } catch (error) {
    if (isPrivacyError(error, 'master_keyring_invalid')) return error;
    throw error;
  }
  throw new Error('expected the keyring to be refused');
}

describe('masterKeyringFromEnv', () => {
  it('reads every key, and the last one is current', () => {
    const keyring = masterKeyringFromEnv({ SCHALTER_MASTER_KEYS: `k1:${k1.toString('base64')}, k2:${k2.toString('base64')}` });
    expect(keyring.currentKid).toBe('k2');
    expect(Object.keys(keyring.keys)).toEqual(['k1', 'k2']);
    expect(keyring.keys.k1.equals(k1)).toBe(true);
    expect(keyring.keys.k2.equals(k2)).toBe(true);
  });

  it('accepts base64url keys too', () => {
    const keyring = masterKeyringFromEnv({ SCHALTER_MASTER_KEYS: `a:${k1.toString('base64url')}` });
    expect(keyring.keys.a.equals(k1)).toBe(true);
  });

  it('treats kids like "constructor" as plain names', () => {
    const keyring = masterKeyringFromEnv({ SCHALTER_MASTER_KEYS: `constructor:${k1.toString('base64')}` });
    expect(keyring.currentKid).toBe('constructor');
    expect(() => checkMasterKeyring(keyring)).not.toThrow();
  });

  it('says so when the variable is missing or empty', () => {
    expect(parseError(undefined).messageEn).toContain('SCHALTER_MASTER_KEYS is not set');
    expect(parseError('  ').message).toContain('SCHALTER_MASTER_KEYS ist nicht gesetzt');
  });

  it('lists every bad entry at once, by position and kid', () => {
    const error = parseError(`k1:${k1.toString('base64')},nokid,bad kid:${k2.toString('base64')},short:${randomBytes(16).toString('base64')},k1:${k2.toString('base64')},x:***`);
    expect(error.messageEn).toContain('entry 2: expected "kid:base64"');
    expect(error.messageEn).toContain('entry 3: key id must be');
    expect(error.messageEn).toContain('key "short": expected 32 bytes in base64, got 16 bytes');
    expect(error.messageEn).toContain('entry 5: key id "k1" appears twice');
    expect(error.messageEn).toContain('key "x": expected 32 bytes in base64, got not valid base64');
    expect(error.message).toContain('Schlüssel „short“');
    expect(error.toDomainError()).toMatchObject({ kind: 'invalid', code: 'master_keyring_invalid' });
  });

  it('never repeats key text in its errors', () => {
    const shortKey = randomBytes(31).toString('base64');
    const error = parseError(`k1:${shortKey}`);
    const everything = [error.message, error.messageEn, inspect(error), JSON.stringify(error.toDomainError())].join('\n');
    expect(everything).not.toContain(shortKey);
    expect(everything).not.toContain(shortKey.slice(0, 12));
  });

  it('prints kids only when logged as JSON or inspected', () => {
    const keyring = masterKeyringFromEnv({ SCHALTER_MASTER_KEYS: `k1:${k1.toString('base64')}` });
    const printed = [JSON.stringify(keyring), JSON.stringify({ config: { keyring } }), inspect(keyring), inspect({ keyring })];
    for (const text of printed) {
      expect(text).toContain('k1');
      expect(text).not.toContain(k1.toString('base64'));
      expect(text).not.toContain(k1.toString('hex').slice(0, 16));
      expect(text).not.toContain(String(k1[0]) + ',' + String(k1[1]) + ',' + String(k1[2]));
    }
  });
});

describe('checkMasterKeyring', () => {
  it('refuses a current kid that has no key, and keys of the wrong length', () => {
    expect(() => checkMasterKeyring({ currentKid: 'k9', keys: { k1 } })).toThrow(/current key id is not in the keyring|aktuelle/);
    expect(() => checkMasterKeyring({ currentKid: 'k1', keys: { k1: randomBytes(16) } })).toThrow(/32 Bytes/);
  });
});
