import { DEFAULT_RATE_LIMIT_POLICIES, parseRateLimitPolicies, type RateLimitPolicy } from '../security';
import { DEVELOPMENT_MANAGE_LINK_KEYS as DEV_MANAGE_LINK_KEYS, parseManageTokenKeys, type ManageTokenKey } from '@app/contracts';

/** Development-only defaults; a production start must set every one (see `bookingHttpConfig`). */
const DEV_ALTCHA_KEY = 'schalter-development-altcha-hmac-key-only';

export interface BookingHttpConfig {
  readonly manageKeys: readonly ManageTokenKey[];
  readonly altchaKey: string;
  readonly captchaCounterMax: number;
  readonly rateLimits: ReadonlyMap<string, RateLimitPolicy>;
  readonly redisUrl: string;
  readonly redisPrefix: string;
}

/**
 * The gateway's booking keys from the environment (MANAGE_LINK_KEYS, ALTCHA_HMAC_KEY, ALTCHA_COUNTER_MAX,
 * RATE_LIMITS, REDIS_URL, REDIS_PREFIX). Kept here until the gateway's config.ts takes them over.
 */
export function bookingHttpConfig(env: Readonly<Record<string, string | undefined>>): BookingHttpConfig {
  const production = env['NODE_ENV'] === 'production';
  for (const key of ['MANAGE_LINK_KEYS', 'ALTCHA_HMAC_KEY']) {
    if (production && !env[key]) throw new Error(`${key} is required when NODE_ENV=production`);
  }
  const keys = parseManageTokenKeys(env['MANAGE_LINK_KEYS'] || DEV_MANAGE_LINK_KEYS);
  if (!keys.ok) throw new Error(keys.error.messageEn);
  const limits = parseRateLimitPolicies(env['RATE_LIMITS'], DEFAULT_RATE_LIMIT_POLICIES);
  if (!limits.ok) throw new Error(limits.error.messageEn);
  return {
    manageKeys: keys.value,
    altchaKey: env['ALTCHA_HMAC_KEY'] || DEV_ALTCHA_KEY,
    captchaCounterMax: Number(env['ALTCHA_COUNTER_MAX'] || 1500),
    rateLimits: limits.value,
    redisUrl: env['REDIS_URL'] || 'redis://127.0.0.1:6379',
    redisPrefix: env['REDIS_PREFIX'] || 'schalter:',
  };
}
