import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { connect, type NatsConnection } from 'nats';

/** The service's own NATS connection (JetStream, health, event store), apart from Nest's transport. */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
/** A general-purpose Redis connection (health, small keys). BullMQ and Socket.IO make their own. */
export const REDIS = Symbol('REDIS');

export interface ConnectionsOptions {
  readonly service: string;
  readonly natsUrl: string;
  /** Omit for services that do not use Redis, so their health does not depend on it. */
  readonly redisUrl?: string;
}

const logger = new Logger('Connections');

/** Reconnect forever, once a second: a NATS restart is an outage to report in /health, not a reason to exit. */
export const NATS_RECONNECT = { maxReconnectAttempts: -1, reconnectTimeWait: 1000 } as const;

async function connectNats(options: ConnectionsOptions): Promise<NatsConnection> {
  const nc = await connect({ servers: options.natsUrl, name: options.service, ...NATS_RECONNECT });
  void (async () => {
    for await (const status of nc.status()) {
      // Only changes an operator cares about; ping timers and reconnect attempts are debug chatter.
      if (['disconnect', 'reconnect', 'error', 'ldm'].includes(status.type)) logger.warn({ nats: status.type, data: status.data }, `NATS ${status.type}`);
    }
  })();
  return nc;
}

async function connectRedis(url: string): Promise<Redis> {
  // Without an offline queue a command fails at once while Redis is down, so health answers quickly;
  // the first connect is awaited so that a healthy Redis is "up" from the first probe on.
  // Auto-pipelining writes the commands of one event-loop turn in one socket write instead of one each.
  // disconnectTimeout: ioredis arms a 2 s timer on disconnect that a never-opened socket never clears,
  // which would hold a shutting-down process (and jest) open.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true, disconnectTimeout: 200, enableAutoPipelining: true });
  let lastWarned = 0;
  redis.on('error', (err: Error) => {
    if (Date.now() - lastWarned < 10_000) return;
    lastWarned = Date.now();
    logger.warn({ err: err.message }, 'Redis connection error');
  });
  // Redis down at boot is an outage for /health to report, not a reason to refuse to start: ioredis
  // keeps reconnecting.
  await redis.connect().catch((err: Error) => logger.warn({ err: err.message }, 'Redis not reachable at start'));
  return redis;
}

@Injectable()
class ConnectionsCloser implements OnApplicationShutdown {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis?.disconnect();
    if (!this.nats.isClosed()) await this.nats.drain().catch(() => this.nats.close());
  }
}

@Module({})
export class ConnectionsModule {
  static forRoot(options: ConnectionsOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: NATS_CONNECTION, useFactory: () => connectNats(options) },
      { provide: REDIS, useFactory: async () => (options.redisUrl ? connectRedis(options.redisUrl) : null) },
      ConnectionsCloser,
    ];
    return { module: ConnectionsModule, global: true, providers, exports: [NATS_CONNECTION, REDIS] };
  }
}
