import { commonConfigShape, env, masterKeysField, loadConfig } from '@app/platform';
import { z } from 'zod';
import { DEVELOPMENT_ACTIVATION_KEY, DEVELOPMENT_MANAGE_LINK_KEYS } from '@app/contracts';

/** Development-only secrets, equal to the booking and gateway defaults so a laptop works without setup. */
export { DEVELOPMENT_ACTIVATION_KEY, DEVELOPMENT_MANAGE_LINK_KEYS };

const base64Key = z.string().refine((value) => Buffer.from(value, 'base64').length >= 32, 'must be at least 32 bytes in base64 (openssl rand -base64 32)');

export const notificationsConfigSchema = z.object({
  ...commonConfigShape('notifications'),
  /** Master keys (`kid:base64,…`) that wrap the per-appointment keys of personal data: needed to address emails. */
  SCHALTER_MASTER_KEYS: masterKeysField,
  /** Development default: the SMTP catcher (Mailpit in compose, or the test sink). */
  SMTP_HOST: z.string().min(1).default('localhost'),
  SMTP_PORT: env.port(1025),
  SMTP_SECURE: env.boolean(false),
  SMTP_FROM: z.string().min(3).default('Bürgerbüro Halberstadt <buergerbuero@halberstadt.example>'),
  /** Public origin of the booking pages; the links in emails start with it. */
  PUBLIC_BASE_URL: env.url(['http:', 'https:'], 'http://127.0.0.1:3000'),
  /** Same value as booking's: activation tokens are HMACs of the hold id under this key. */
  ACTIVATION_KEY: base64Key.default(DEVELOPMENT_ACTIVATION_KEY),
  /** Same value as the gateway's (`id:base64,…`, newest first): manage-link tokens sign the reference. */
  MANAGE_LINK_KEYS: z.string().min(1).default(DEVELOPMENT_MANAGE_LINK_KEYS),
  PRIVACY_KEY_BUCKET: env.name('SCHALTER_PERSONAL_KEYS'),
  CATALOG_PATH: z.string().min(1).default('config/catalog.json'),
  /** BullMQ queue of email jobs and the durable JetStream consumer that fills it. */
  EMAIL_QUEUE: env.name('emails'),
  NOTIFICATIONS_CONSUMER: env.name('notifications'),
  EMAIL_CONCURRENCY: env.positiveInt(5),
  /** Attempts per email; transient failures wait base · 2^(n−1) in between (30 s … 8 min by default). */
  EMAIL_MAX_ATTEMPTS: env.positiveInt(6),
  EMAIL_RETRY_BASE_MS: env.positiveInt(30_000),
  /** Events older than this send no immediate email (a fresh consumer over an old log). */
  EMAIL_MAX_EVENT_AGE_HOURS: env.positiveInt(48),
  /** Reminder: this many days before, at this Berlin time; none closer than the minimum lead. */
  REMINDER_DAYS_BEFORE: env.positiveInt(1),
  REMINDER_AT: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').default('10:00'),
  REMINDER_MIN_LEAD_MINUTES: env.positiveInt(120),
  /** When the regular reminder time has already passed: send this long after booking. */
  REMINDER_CATCH_UP_MS: env.positiveInt(60_000),
});

export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;

/** Validated once at boot; every bad key is reported together. */
export function loadNotificationsConfig(environment: Readonly<Record<string, string | undefined>>): Readonly<NotificationsConfig> {
  return loadConfig(notificationsConfigSchema, environment, {
    requiredInProduction: ['SCHALTER_MASTER_KEYS', 'SMTP_HOST', 'ACTIVATION_KEY', 'MANAGE_LINK_KEYS', 'PUBLIC_BASE_URL'],
  });
}
