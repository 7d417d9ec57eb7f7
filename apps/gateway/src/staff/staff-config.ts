import { env, loadConfig } from '@app/platform';
import { z } from 'zod';

/**
 * Staff keys of the gateway's environment. Kept beside the staff module so that this feature stays in
 * one folder; the lead may fold the shape into apps/gateway/src/config.ts.
 */
export const staffConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  STAFF_USERS_FILE: z.string().min(1).default('config/staff-users.json'),
  STAFF_SESSION_IDLE_MINUTES: env.positiveInt(30),
  STAFF_SESSION_ABSOLUTE_HOURS: env.positiveInt(10),
  STAFF_SESSION_KEY_PREFIX: z.string().min(1).default('schalter:staff-session:'),
  /** HMAC secret shared with frontdesk for the staff socket token (≥ 32 characters). */
  STAFF_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').default('schalter-development-staff-token-secret!'),
  STAFF_TOKEN_TTL_SECONDS: env.positiveInt(120),
});

export type StaffConfig = z.infer<typeof staffConfigSchema>;

export function loadStaffConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<StaffConfig> {
  return loadConfig(staffConfigSchema, environment, { requiredInProduction: ['STAFF_TOKEN_SECRET', 'STAFF_USERS_FILE'] });
}
