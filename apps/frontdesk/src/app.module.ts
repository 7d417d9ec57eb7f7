import { HealthModule, jetStreamCheck, natsCheck, PlatformModule, redisCheck, type ServiceDefinition } from '@app/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { FrontdeskConfig } from './config';
import { PingController } from './health/ping.controller';

@Module({})
export class AppModule {
  static forRoot(config: FrontdeskConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'frontdesk', config, redis: true }),
        HealthModule.forRoot({ checks: { nats: natsCheck(), jetstream: jetStreamCheck(), redis: redisCheck() } }),
      ],
      controllers: [PingController],
    };
  }
}

export const frontdeskService: ServiceDefinition<FrontdeskConfig> = {
  service: 'frontdesk',
  microservice: true,
  module: (config) => AppModule.forRoot(config),
};
