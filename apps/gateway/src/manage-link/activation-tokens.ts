import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface IssuedActivationToken {
  readonly token: string; // goes into the email link only
  readonly hash: string; //  goes into the domain command / event (hex SHA-256)
}

/**
 * Email-activation tokens: 256 random bits. Only the SHA-256 hash enters the domain and the event log,
 * so reading the log never yields a working link. A plain hash (no salt, no slow KDF) is enough because
 * the token has full entropy: there is nothing to brute-force.
 */
export const ActivationTokens = {
  issue(): IssuedActivationToken {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: ActivationTokens.hash(token) };
  },

  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  },

  /** Constant-time check of a token from a link against the stored hash. */
  matches(token: string, expectedHash: string): boolean {
    if (!/^[0-9a-f]{64}$/.test(expectedHash)) return false;
    return timingSafeEqual(Buffer.from(ActivationTokens.hash(token), 'hex'), Buffer.from(expectedHash, 'hex'));
  },
} as const;
