import { type DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ClientsModule, type ClientProxy } from '@nestjs/microservices';
import type { CommonConfig, ServiceName } from './config/common-config';
import { ConnectionsModule } from './connections/connections.module';
import { DomainErrorFilter } from './errors/domain-error.filter';
import { LoggingModule } from './logging/logging.module';
import { RPC_PROXY, RpcClient } from './rpc/rpc-client';
import { RpcEnvelopeInterceptor } from './rpc/rpc-envelope.interceptor';
import { NamespacedNatsClient } from './rpc/namespaced-nats';

/** The app's validated config, injectable anywhere: `@Inject(CONFIG) config: BookingConfig`. */
export const CONFIG = Symbol('CONFIG');

export interface PlatformOptions {
  readonly service: ServiceName;
  readonly config: CommonConfig;
  /** Open a Redis connection (and so let /health check it). */
  readonly redis?: boolean;
  /** Provide RpcClient for requests to other services. */
  readonly rpcClient?: boolean;
  /**
   * The app answers NATS requests (default true): install the reply-envelope interceptor. An HTTP-only
   * app says false, because a global interceptor also wraps every HTTP request in an rxjs pipeline and
   * an AsyncResource (≈ 4 % of the gateway's CPU under the booking load) only to pass it through.
   */
  readonly rpcHandlers?: boolean;
}

/**
 * Everything an app shares with the others: config, JSON logs with correlation ids, NATS (and Redis)
 * connections, the reply envelope for NATS handlers and problem details for HTTP errors. Import it
 * once, in the app module.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { service, config } = options;
    const imports = [
      LoggingModule.forRoot({ service, level: config.LOG_LEVEL }),
      ConnectionsModule.forRoot({ service, natsUrl: config.NATS_URL, redisUrl: options.redis ? config.REDIS_URL : undefined }),
      ...(options.rpcClient
        ? [ClientsModule.register([{ name: RPC_PROXY, customClass: NamespacedNatsClient as unknown as Type<ClientProxy>, options: { servers: [config.NATS_URL], name: `${service}-rpc`, rpcNamespace: config.RPC_NAMESPACE } }])]
        : []),
    ];
    const providers: Provider[] = [
      { provide: CONFIG, useValue: config },
      // One interceptor for NATS handlers: the correlation context and the reply envelope.
      ...(options.rpcHandlers === false ? [] : [{ provide: APP_INTERCEPTOR, useClass: RpcEnvelopeInterceptor }]),
      { provide: APP_FILTER, useClass: DomainErrorFilter },
      ...(options.rpcClient
        ? [{ provide: RpcClient, inject: [RPC_PROXY], useFactory: (proxy: ClientProxy) => new RpcClient(proxy, config.RPC_TIMEOUT_MS) }]
        : []),
    ];
    return { module: PlatformModule, global: true, imports, providers, exports: [CONFIG, LoggingModule, ...(options.rpcClient ? [RpcClient] : [])] };
  }
}
