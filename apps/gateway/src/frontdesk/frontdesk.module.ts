import { Inject, type MiddlewareConsumer, Module, type NestModule, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CONFIG } from '@app/platform';
import type { RequestHandler } from 'http-proxy-middleware';
import type { GatewayConfig } from '../config';
import { FrontdeskClient } from './frontdesk-client';
import { PagesController } from './pages.controller';
import { PublicQueueController } from './public-queue.controller';
import { createSocketProxy, proxyUpgrades } from './socket-proxy';
import { StaffQueueController } from './staff-queue.controller';
import { TicketQrController } from './ticket-qr.controller';

const SOCKET_PROXY = Symbol('SOCKET_PROXY');

/**
 * Front desk in the gateway: the staff queue API and kiosk/ticket endpoints (NATS to frontdesk), the
 * `/socket.io` proxy, and the console, display, kiosk and ticket pages. Needs StaffModule (global).
 */
@Module({
  controllers: [StaffQueueController, PublicQueueController, PagesController, TicketQrController],
  providers: [
    FrontdeskClient,
    { provide: SOCKET_PROXY, inject: [CONFIG], useFactory: (config: GatewayConfig) => createSocketProxy(config.FRONTDESK_URL) },
  ],
})
export class FrontdeskModule implements NestModule, OnApplicationBootstrap {
  constructor(
    @Inject(SOCKET_PROXY) private readonly proxy: RequestHandler,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    // Long-polling requests; http-proxy-middleware uses req.originalUrl, so Nest's mount path does not matter.
    consumer.apply(this.proxy).forRoutes({ path: 'socket.io/{*rest}', method: RequestMethod.ALL });
  }

  onApplicationBootstrap(): void {
    proxyUpgrades(this.adapterHost.httpAdapter.getHttpServer(), this.proxy);
  }
}
