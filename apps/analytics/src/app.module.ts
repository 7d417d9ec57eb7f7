import { HealthModule, jetStreamCheck, natsCheck, PlatformModule, type ServiceDefinition } from '@app/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { AnalyticsConfig } from './config';
import { AnalyticsModule } from './flow/analytics.module';
import { PingController } from './health/ping.controller';

@Module({})
export class AppModule {
  static forRoot(config: AnalyticsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'analytics', config }),
        HealthModule.forRoot({ checks: { nats: natsCheck(), jetstream: jetStreamCheck() } }),
        AnalyticsModule,
      ],
      controllers: [PingController],
    };
  }
}

export const analyticsService: ServiceDefinition<AnalyticsConfig> = {
  service: 'analytics',
  microservice: true,
  module: (config) => AppModule.forRoot(config),
};
