import { commonConfigShape, env, loadConfig } from '@app/platform';
import { z } from 'zod';

export const analyticsConfigSchema = z.object({
  ...commonConfigShape('analytics'),
  /** The catalogue file (offices, services); relative to the working directory. */
  CATALOG_PATH: z.string().min(1).default('config/catalog.json'),
  /** Messages per pull batch of a replay. */
  REPLAY_BATCH_SIZE: env.positiveInt(1000),
});

export type AnalyticsConfig = z.infer<typeof analyticsConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadAnalyticsConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<AnalyticsConfig> {
  return loadConfig(analyticsConfigSchema, environment);
}
