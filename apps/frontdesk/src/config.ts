import { commonConfigShape, env, masterKeysField, loadConfig } from '@app/platform';
import { z } from 'zod';

export const frontdeskConfigSchema = z.object({
  ...commonConfigShape('frontdesk'),
  /** Master keys (`kid:base64,…`) that wrap the per-appointment keys of personal data. */
  SCHALTER_MASTER_KEYS: masterKeysField,
  CATALOG_PATH: z.string().min(1).default('config/catalog.json'),
  /** HMAC secret shared with the gateway, which issues the staff socket tokens (≥ 32 characters). */
  STAFF_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').default('schalter-development-staff-token-secret!'),
  /** Channel prefix of the Socket.IO Redis adapter; instances that serve together share it. */
  SOCKET_REDIS_KEY: env.name('schalter-frontdesk-io'),
  /** Office-day queues kept in memory by the command handler. */
  QUEUE_CACHE_SIZE: env.positiveInt(200),
});

export type FrontdeskConfig = z.infer<typeof frontdeskConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadFrontdeskConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<FrontdeskConfig> {
  return loadConfig(frontdeskConfigSchema, environment, { requiredInProduction: ['SCHALTER_MASTER_KEYS', 'STAFF_TOKEN_SECRET'] });
}
