import { commonConfigShape, masterKeysField, loadConfig } from '@app/platform';
import { z } from 'zod';

export const frontdeskConfigSchema = z.object({
  ...commonConfigShape('frontdesk'),
  /** Master keys (`kid:base64,…`) that wrap the per-appointment keys of personal data. */
  SCHALTER_MASTER_KEYS: masterKeysField,
});

export type FrontdeskConfig = z.infer<typeof frontdeskConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadFrontdeskConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<FrontdeskConfig> {
  return loadConfig(frontdeskConfigSchema, environment, { requiredInProduction: ['SCHALTER_MASTER_KEYS'] });
}
