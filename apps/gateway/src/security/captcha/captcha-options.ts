export const CAPTCHA_OPTIONS = Symbol('CAPTCHA_OPTIONS');

export type CaptchaAlgorithm = 'PBKDF2/SHA-256' | 'SHA-256';

export interface CaptchaOptions {
  /** HMAC secret that signs challenges (env ALTCHA_HMAC_KEY, ≥ 32 characters). */
  readonly hmacKey: string;
  /** Redis key prefix for spent solutions, e.g. 'schalter:altcha:used:'. */
  readonly usedKeyPrefix: string;
  /** Purposes a challenge may be issued for; a scope is `<purpose>` or `<purpose>:<id>`. */
  readonly purposes: readonly string[];
  /** How long a challenge may be solved and redeemed; default 5 minutes. */
  readonly validityMs?: number;
  readonly algorithm?: CaptchaAlgorithm;
  /** Work per attempt (PBKDF2 iterations); default 1000. */
  readonly cost?: number;
  /**
   * The server picks the solution counter at random in [counterMin, counterMax] (ALTCHA's deterministic
   * mode), so the client's work is predictable: on average (min+max)/2 attempts. Defaults 500..1500 with
   * PBKDF2 cost 1000 take ≈ 0.3 s on one core of our server (Node); the widget spreads the search over
   * the phone's cores, so a mid-range phone lands around 0.5–1 s.
   */
  readonly counterMin?: number;
  readonly counterMax?: number;
  /** A spent-solution check slower than this fails closed (503); default 500 ms. */
  readonly redisTimeoutMs?: number;
}

export type ResolvedCaptchaOptions = Required<CaptchaOptions>;

export function resolveCaptchaOptions(options: CaptchaOptions): ResolvedCaptchaOptions {
  if (options.hmacKey.length < 32) throw new Error('Captcha hmacKey must be at least 32 characters');
  const resolved: ResolvedCaptchaOptions = {
    validityMs: 5 * 60_000,
    algorithm: 'PBKDF2/SHA-256',
    cost: 1000,
    counterMin: 500,
    counterMax: 1500,
    redisTimeoutMs: 500,
    ...options,
  };
  if (!(resolved.counterMin >= 1 && resolved.counterMax >= resolved.counterMin)) {
    throw new Error('Captcha counterMin must be ≥ 1 and ≤ counterMax');
  }
  return resolved;
}
