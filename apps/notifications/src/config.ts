import { commonConfigShape, env, masterKeysField, loadConfig } from '@app/platform';
import { z } from 'zod';

export const notificationsConfigSchema = z.object({
  ...commonConfigShape('notifications'),
  /** Master keys (`kid:base64,…`) that wrap the per-appointment keys of personal data: needed to address emails. */
  SCHALTER_MASTER_KEYS: masterKeysField,
  /** Development default: the SMTP catcher (Mailpit in compose, or the test sink). */
  SMTP_HOST: z.string().min(1).default('localhost'),
  SMTP_PORT: env.port(1025),
  SMTP_SECURE: env.boolean(false),
  SMTP_FROM: z.string().min(3).default('Bürgerbüro Halberstadt <buergerbuero@halberstadt.example>'),
});

export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadNotificationsConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<NotificationsConfig> {
  return loadConfig(notificationsConfigSchema, environment, { requiredInProduction: ['SCHALTER_MASTER_KEYS', 'SMTP_HOST'] });
}
