import { commonConfigShape, masterKeyField, loadConfig } from '@app/platform';
import { z } from 'zod';

export const frontdeskConfigSchema = z.object({
  ...commonConfigShape('frontdesk'),
  /** Wraps the per-appointment keys of personal data (base64, 32 bytes). */
  PII_MASTER_KEY: masterKeyField,
});

export type FrontdeskConfig = z.infer<typeof frontdeskConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadFrontdeskConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<FrontdeskConfig> {
  return loadConfig(frontdeskConfigSchema, environment, { requiredInProduction: ['PII_MASTER_KEY'] });
}
