import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const ACTIVATION_CONTEXT = 'schalter/activation/v1\0'; // domain separation from the manage-link MAC

/**
 * Activation tokens are derived, not stored: HMAC-SHA256(ACTIVATION_KEY, holdId), 256 bits. The booking
 * service puts only the SHA-256 of the token into `SubmitContact` (and so into the log); notifications
 * derive the same token from the `holdId` of `AppointmentRequested` to build the email link, and tests
 * derive it from their test key. Reading the log alone never yields a working link.
 */
export function activationTokenFor(key: Buffer, holdId: string): string {
  return createHmac('sha256', key).update(ACTIVATION_CONTEXT).update(holdId, 'utf8').digest('base64url');
}

export function activationTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex hashes (or any two equal-length ASCII strings). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
