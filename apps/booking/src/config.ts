import { commonConfigShape, masterKeyField, loadConfig } from '@app/platform';
import { z } from 'zod';

export const bookingConfigSchema = z.object({
  ...commonConfigShape('booking'),
  /** Wraps the per-appointment keys of personal data (base64, 32 bytes). */
  PII_MASTER_KEY: masterKeyField,
});

export type BookingConfig = z.infer<typeof bookingConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadBookingConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<BookingConfig> {
  return loadConfig(bookingConfigSchema, environment, { requiredInProduction: ['PII_MASTER_KEY'] });
}
