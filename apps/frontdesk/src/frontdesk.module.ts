import type { Server as HttpServer } from 'node:http';
import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FrontdeskConfig } from './config';
import { FrontdeskRuntime, loadCatalogFile, type FrontdeskRuntimeOptions } from './frontdesk-runtime';
import { LiveSocketServer } from './live/live-socket-server';
import { FrontdeskController } from './queue/frontdesk.controller';
import { FrontdeskService } from './queue/frontdesk.service';

const CONFIG = Symbol('FRONTDESK_FEATURE_CONFIG');

/** Attaches Socket.IO to the app's own HTTP server once it exists, and closes both at shutdown. */
@Injectable()
class LiveSockets implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: LiveSocketServer;

  constructor(
    @Inject(FrontdeskRuntime) private readonly runtime: FrontdeskRuntime,
    @Inject(HttpAdapterHost) private readonly host: HttpAdapterHost,
    @Inject(CONFIG) private readonly config: FrontdeskConfig,
  ) {}

  onApplicationBootstrap(): void {
    const http = this.host.httpAdapter.getHttpServer() as HttpServer;
    const { runtime, config } = this;
    this.server = new LiveSocketServer(http, runtime.days, {
      staffTokenSecret: config.STAFF_TOKEN_SECRET,
      redisUrl: config.REDIS_URL,
      redisKey: config.SOCKET_REDIS_KEY,
      clock: runtime.clock,
      today: () => runtime.service.today(),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
    await this.runtime.close();
  }
}

/** The front desk feature: `frontdesk.*` handlers and the live Socket.IO channels. */
@Module({})
export class FrontdeskModule {
  static forRoot(config: FrontdeskConfig, overrides: Partial<FrontdeskRuntimeOptions> = {}): DynamicModule {
    return {
      module: FrontdeskModule,
      controllers: [FrontdeskController],
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: FrontdeskRuntime,
          useFactory: () =>
            FrontdeskRuntime.start({
              natsUrl: config.NATS_URL, streamName: config.EVENT_STREAM, subjectPrefix: config.EVENT_SUBJECT_PREFIX,
              catalog: overrides.catalog ?? loadCatalogFile(config.CATALOG_PATH), cacheSize: config.QUEUE_CACHE_SIZE, ...overrides,
            }),
        },
        { provide: FrontdeskService, inject: [FrontdeskRuntime], useFactory: (r: FrontdeskRuntime) => r.service },
        LiveSockets,
      ],
      exports: [FrontdeskRuntime, FrontdeskService],
    };
  }
}
