import { PrivacyError } from './privacy-error';

/**
 * The master keys that wrap every data key. Keys are never removed while a data key wrapped with them
 * may still exist: rotation adds a new key and makes it current; old keys age out once the subjects
 * they wrapped are shredded at the end of their retention period.
 */
export interface MasterKeyring {
  readonly currentKid: string;
  readonly keys: Readonly<Record<string, Buffer>>;
}

export const MASTER_KEY_BYTES = 32;
export const MASTER_KEYS_ENV = 'SCHALTER_MASTER_KEYS';
/** A kid travels in every sealed value and its AAD, so it is short and needs no escaping. */
const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/;

type Problem = { de: string; en: string };

/**
 * Reads `SCHALTER_MASTER_KEYS=k1:<base64>,k2:<base64>` (the last entry is current). Every problem is
 * listed at once, naming the entry and kid but never the key text. There is deliberately no default:
 * whether a development key is acceptable is the app config's decision.
 */
export function masterKeyringFromEnv(env: Readonly<Record<string, string | undefined>>): MasterKeyring {
  const raw = env[MASTER_KEYS_ENV];
  if (raw === undefined || raw.trim() === '') {
    throw invalidKeyring([
      { de: `${MASTER_KEYS_ENV} ist nicht gesetzt`, en: `${MASTER_KEYS_ENV} is not set` },
    ]);
  }
  // No prototype, so a kid like `constructor` or `__proto__` is just a name.
  const keys: Record<string, Buffer> = Object.create(null);
  const problems: Problem[] = [];
  let currentKid = '';
  raw.split(',').forEach((entry, index) => {
    const parsed = parseEntry(entry.trim(), index + 1);
    if ('problem' in parsed) return void problems.push(parsed.problem);
    if (Object.hasOwn(keys, parsed.kid)) {
      return void problems.push({
        de: `Eintrag ${index + 1}: Schlüssel-ID „${parsed.kid}“ kommt doppelt vor`,
        en: `entry ${index + 1}: key id "${parsed.kid}" appears twice`,
      });
    }
    keys[parsed.kid] = parsed.key;
    currentKid = parsed.kid;
  });
  if (problems.length > 0) throw invalidKeyring(problems);
  return redacted({ currentKid, keys });
}

function parseEntry(entry: string, position: number): { kid: string; key: Buffer } | { problem: Problem } {
  const colon = entry.indexOf(':');
  if (colon < 0) {
    return { problem: { de: `Eintrag ${position}: erwartet „kid:base64“`, en: `entry ${position}: expected "kid:base64"` } };
  }
  const kid = entry.slice(0, colon).trim();
  const text = entry.slice(colon + 1).trim();
  if (!KID_PATTERN.test(kid)) {
    return {
      problem: {
        de: `Eintrag ${position}: Schlüssel-ID muss 1–32 Zeichen aus A–Z, a–z, 0–9, _ und - haben`,
        en: `entry ${position}: key id must be 1–32 characters of A–Z, a–z, 0–9, _ and -`,
      },
    };
  }
  const key = BASE64_PATTERN.test(text) ? Buffer.from(text, 'base64') : undefined;
  if (key === undefined || key.length !== MASTER_KEY_BYTES) {
    const got = key === undefined ? 'kein gültiges Base64' : `${key.length} Bytes`;
    const gotEn = key === undefined ? 'not valid base64' : `${key.length} bytes`;
    return {
      problem: {
        de: `Schlüssel „${kid}“: erwartet ${MASTER_KEY_BYTES} Bytes in Base64, erhalten: ${got}`,
        en: `key "${kid}": expected ${MASTER_KEY_BYTES} bytes in base64, got ${gotEn}`,
      },
    };
  }
  return { kid, key };
}

/** Checks a keyring built by hand (tests, other config sources) the same way the parser does. */
export function checkMasterKeyring(keyring: MasterKeyring): void {
  const problems: Problem[] = [];
  for (const [kid, key] of Object.entries(keyring.keys)) {
    if (!KID_PATTERN.test(kid)) problems.push({ de: `ungültige Schlüssel-ID „${kid}“`, en: `invalid key id "${kid}"` });
    if (!Buffer.isBuffer(key) || key.length !== MASTER_KEY_BYTES) {
      problems.push({ de: `Schlüssel „${kid}“ hat nicht ${MASTER_KEY_BYTES} Bytes`, en: `key "${kid}" is not ${MASTER_KEY_BYTES} bytes` });
    }
  }
  if (!Object.hasOwn(keyring.keys, keyring.currentKid)) {
    problems.push({ de: 'aktuelle Schlüssel-ID fehlt im Schlüsselbund', en: 'current key id is not in the keyring' });
  }
  if (problems.length > 0) throw invalidKeyring(problems);
}

/**
 * Config objects get logged at boot: make the keyring print its kids only, in JSON and in
 * `util.inspect`, so a careless `log.info(config)` cannot leak master keys.
 */
export function redacted(keyring: MasterKeyring): MasterKeyring {
  const shown = () => ({ currentKid: keyring.currentKid, kids: Object.keys(keyring.keys), keys: '[redacted]' });
  const result = { currentKid: keyring.currentKid, keys: Object.freeze(Object.assign(Object.create(null), keyring.keys)) };
  Object.defineProperty(result, 'toJSON', { value: shown, enumerable: false });
  Object.defineProperty(result, Symbol.for('nodejs.util.inspect.custom'), { value: shown, enumerable: false });
  return Object.freeze(result);
}

function invalidKeyring(problems: readonly Problem[]): PrivacyError {
  return new PrivacyError('master_keyring_invalid', undefined, {
    explain: { de: problems.map((p) => p.de), en: problems.map((p) => p.en) },
  });
}
