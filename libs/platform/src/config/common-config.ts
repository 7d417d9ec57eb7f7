import { z } from 'zod';
import { MASTER_KEYS_ENV, masterKeyringFromEnv } from '@app/privacy';
import { env } from './load-config';
import { RPC_NAMESPACE_PATTERN } from '../rpc/namespaced-nats';

export const SERVICES = ['gateway', 'booking', 'frontdesk', 'notifications', 'analytics'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Default HTTP port per app, so all five run side by side on one machine. */
export const DEFAULT_PORTS: Readonly<Record<ServiceName, number>> = {
  gateway: 3000,
  booking: 3001,
  frontdesk: 3002,
  notifications: 3003,
  analytics: 3004,
};

/**
 * Keys every app reads. Defaults fit a developer machine with the Debian nats-server and redis-server
 * on localhost; docker-compose.yml overrides the hosts.
 */
export function commonConfigShape(service: ServiceName) {
  return {
    NODE_ENV: env.oneOf(['development', 'test', 'production'], 'development'),
    LOG_LEVEL: env.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    HTTP_HOST: z.string().min(1).default('127.0.0.1'),
    HTTP_PORT: env.port(DEFAULT_PORTS[service]),
    NATS_URL: env.url(['nats:', 'tls:'], 'nats://127.0.0.1:4222'),
    /** Queue group of the service's NATS subscriptions: instances in one group share the load. */
    NATS_QUEUE: env.name(service),
    REDIS_URL: env.url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
    EVENT_STREAM: env.name('SCHALTER_EVENTS'),
    EVENT_SUBJECT_PREFIX: env.name('ev'),
    RPC_TIMEOUT_MS: env.positiveInt(5000),
    /** Namespace of request/reply subjects (`<ns>.booking.…`): systems sharing one NATS stay apart. */
    RPC_NAMESPACE: z.string().regex(RPC_NAMESPACE_PATTERN, 'must be dot-separated [A-Za-z0-9_-] words').default(''),
  };
}

export const commonConfigSchema = (service: ServiceName) => z.object(commonConfigShape(service));
export type CommonConfig = z.infer<ReturnType<typeof commonConfigSchema>>;

/**
 * `SCHALTER_MASTER_KEYS` (`kid:base64,…`, see @app/privacy): the keys that wrap the per-appointment keys
 * of personal data. A fixed key is allowed outside production only (list the key in
 * `requiredInProduction`), so a laptop starts without setup while a production start without real keys
 * fails at boot.
 */
export const DEVELOPMENT_MASTER_KEYS = `dev:${Buffer.alloc(32, 'schalter-development-only-key!!!').toString('base64')}`;

export const masterKeysField = z
  .string()
  .superRefine((value, ctx) => {
    try {
      masterKeyringFromEnv({ [MASTER_KEYS_ENV]: value });
    } catch (err) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: (err as { messageEn?: string }).messageEn ?? 'is not a valid keyring' });
    }
  })
  .default(DEVELOPMENT_MASTER_KEYS);
