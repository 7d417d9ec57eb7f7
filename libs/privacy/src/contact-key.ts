import { createHmac } from 'node:crypto';
import { PrivacyError } from './privacy-error';

const MIN_PEPPER_BYTES = 16;

/**
 * The identity of a contact for per-contact limits: HMAC-SHA256 (base64url) of the normalised email,
 * keyed with a secret pepper so the log and the contact aggregates never hold the clear address, and a
 * dictionary of known addresses cannot be hashed without the pepper.
 *
 * Normalised = Unicode NFC, trimmed, lower-cased, so `Anna@Example.de ` and `anna@example.de` are one
 * contact. (Lower-casing the local part is not strictly RFC 5321, but no real mailbox relies on case,
 * and treating them apart would let one person dodge the limit.)
 */
export function contactKey(email: string, pepper: string | Buffer): string {
  const pepperBytes = typeof pepper === 'string' ? Buffer.from(pepper, 'utf8') : pepper;
  if (!Buffer.isBuffer(pepperBytes) || pepperBytes.length < MIN_PEPPER_BYTES) {
    throw new PrivacyError('pepper_invalid', { minBytes: MIN_PEPPER_BYTES });
  }
  return createHmac('sha256', pepperBytes).update(normaliseEmail(email), 'utf8').digest('base64url');
}

export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}
