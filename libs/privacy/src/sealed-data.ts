import { createCipheriv, createDecipheriv } from 'node:crypto';
import { PrivacyError } from './privacy-error';
import { freshRandomBytes } from './random-pool';

/**
 * One AES-256-GCM ciphertext as small JSON-safe data (base64url), fit to put in an event. The same shape
 * serves for sealed personal data (under a data key) and for a wrapped data key (under a master key).
 * `kid` names the master key under which the data key was wrapped; it is authenticated via the AAD.
 */
export interface SealedData {
  readonly v: 1;
  readonly kid: string;
  readonly iv: string;
  readonly tag: string;
  readonly ct: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function encrypt(key: Buffer, kid: string, plaintext: Buffer, aad: Buffer): SealedData {
  const iv = freshRandomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { v: 1, kid, iv: iv.toString('base64url'), tag: cipher.getAuthTag().toString('base64url'), ct: ct.toString('base64url') };
}

/** The plaintext, or `undefined` when the tag does not verify (wrong key, wrong AAD or altered bytes). */
export function decrypt(key: Buffer, sealed: SealedData, aad: Buffer): Buffer | undefined {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'), { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64url')), decipher.final()]);
  } catch {
    return undefined;
  }
}

/**
 * Checks untrusted input (an event read back from the log) before any crypto touches it. Lengths are
 * checked on the decoded bytes, because Node's base64 decoder silently skips characters it dislikes.
 */
export function parseSealedData(value: unknown): SealedData {
  if (typeof value !== 'object' || value === null) throw new PrivacyError('sealed_data_malformed');
  const { v, kid, iv, tag, ct } = value as Record<string, unknown>;
  const wellFormed =
    v === 1 &&
    typeof kid === 'string' &&
    kid.length > 0 &&
    isBase64Url(iv, IV_BYTES) &&
    isBase64Url(tag, TAG_BYTES) &&
    isBase64Url(ct);
  if (!wellFormed) throw new PrivacyError('sealed_data_malformed');
  return { v, kid, iv, tag, ct };
}

function isBase64Url(value: unknown, bytes?: number): value is string {
  if (typeof value !== 'string' || !BASE64URL.test(value)) return false;
  return bytes === undefined || Buffer.from(value, 'base64url').length === bytes;
}
