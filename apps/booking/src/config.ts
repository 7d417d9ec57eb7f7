import { commonConfigShape, env, loadConfig, masterKeysField } from '@app/platform';
import { z } from 'zod';
import { DEVELOPMENT_ACTIVATION_KEY } from '@app/contracts';

/** Development-only secrets: a laptop starts without setup; `warnOnDevelopmentSecrets` flags them elsewhere. */
export const DEVELOPMENT_PEPPER = 'schalter-development-pepper-only';
export { DEVELOPMENT_ACTIVATION_KEY };

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length >= 32, 'must be at least 32 bytes in base64 (openssl rand -base64 32)');

export const bookingConfigSchema = z.object({
  ...commonConfigShape('booking'),
  /** Master keys (`kid:base64,…`) that wrap the per-appointment keys of personal data. */
  SCHALTER_MASTER_KEYS: masterKeysField,
  /** Pepper of the contact hash (per-contact limits); changing it forgets every contact's open places. */
  CONTACT_PEPPER: z.string().min(16, 'must be at least 16 characters').default(DEVELOPMENT_PEPPER),
  /** Key of the derived activation tokens; notifications needs the same value to build the email link. */
  ACTIVATION_KEY: base64Key.default(DEVELOPMENT_ACTIVATION_KEY),
  /** JetStream KV bucket of the wrapped per-appointment data keys. */
  PRIVACY_KEY_BUCKET: env.name('SCHALTER_PERSONAL_KEYS'),
  /** The catalogue file (offices, services); relative to the working directory. */
  CATALOG_PATH: z.string().min(1).default('config/catalog.json'),
  /** Calendars (office-days) each instance keeps in memory. */
  CALENDAR_CACHE_SIZE: env.positiveInt(2000),
});

export type BookingConfig = z.infer<typeof bookingConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadBookingConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<BookingConfig> {
  return loadConfig(bookingConfigSchema, environment, { requiredInProduction: ['SCHALTER_MASTER_KEYS', 'CONTACT_PEPPER', 'ACTIVATION_KEY'] });
}

/** Names of secrets still at their development default (to warn about outside development). */
export function developmentSecretsInUse(config: BookingConfig): string[] {
  return [
    ...(config.CONTACT_PEPPER === DEVELOPMENT_PEPPER ? ['CONTACT_PEPPER'] : []),
    ...(config.ACTIVATION_KEY === DEVELOPMENT_ACTIVATION_KEY ? ['ACTIVATION_KEY'] : []),
  ];
}
