import { HealthModule, jetStreamCheck, natsCheck, PlatformModule, type ServiceDefinition } from '@app/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { BookingConfig } from './config';
import { PingController } from './health/ping.controller';

@Module({})
export class AppModule {
  static forRoot(config: BookingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'booking', config }),
        HealthModule.forRoot({ checks: { nats: natsCheck(), jetstream: jetStreamCheck() } }),
      ],
      controllers: [PingController],
    };
  }
}

export const bookingService: ServiceDefinition<BookingConfig> = {
  service: 'booking',
  microservice: true,
  module: (config) => AppModule.forRoot(config),
};
