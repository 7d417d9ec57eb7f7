import { HealthModule, natsCheck, PlatformModule, redisCheck, type ServiceDefinition } from '@app/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { AnalyticsHttpModule } from './analytics/analytics-http.module';
import { BookingHttpModule } from './booking/booking-http.module';
import type { GatewayConfig } from './config';
import { StatusController } from './health/status.controller';
import { StaffModule } from './staff/staff.module';
import { FrontdeskModule } from './frontdesk/frontdesk.module';
import { CitizenLinksController } from './citizen-links/citizen-links.controller';
import { configureGatewayHttp } from './http-setup';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'gateway', config, redis: true, rpcClient: true, rpcHandlers: false }),
        HealthModule.forRoot({ checks: { nats: natsCheck(), redis: redisCheck() } }),
        // Express tries routes in registration order, one path match per route: the booking API (the
        // busiest routes, a citizen's hold → contact → activate) goes before the ~30 staff and
        // front-desk routes, which then pay those few extra matches instead.
        BookingHttpModule.forRoot(),
        StaffModule.forRoot(),
        FrontdeskModule,
        AnalyticsHttpModule,
      ],
      controllers: [StatusController, CitizenLinksController],
    };
  }
}

/** HTTP only: the gateway answers no NATS requests, it makes them. */
export const gatewayService: ServiceDefinition<GatewayConfig> = {
  service: 'gateway',
  microservice: false,
  module: (config) => AppModule.forRoot(config),
  configure: configureGatewayHttp,
};
