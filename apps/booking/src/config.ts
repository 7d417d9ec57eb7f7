import { commonConfigShape, masterKeysField, loadConfig } from '@app/platform';
import { z } from 'zod';

export const bookingConfigSchema = z.object({
  ...commonConfigShape('booking'),
  /** Master keys (`kid:base64,…`) that wrap the per-appointment keys of personal data. */
  SCHALTER_MASTER_KEYS: masterKeysField,
});

export type BookingConfig = z.infer<typeof bookingConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadBookingConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<BookingConfig> {
  return loadConfig(bookingConfigSchema, environment, { requiredInProduction: ['SCHALTER_MASTER_KEYS'] });
}
