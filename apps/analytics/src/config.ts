import { commonConfigShape, loadConfig } from '@app/platform';
import { z } from 'zod';

export const analyticsConfigSchema = z.object({
  ...commonConfigShape('analytics'),
});

export type AnalyticsConfig = z.infer<typeof analyticsConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadAnalyticsConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<AnalyticsConfig> {
  return loadConfig(analyticsConfigSchema, environment);
}
