import { HealthModule, jetStreamCheck, natsCheck, PlatformModule, type ServiceDefinition } from '@app/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { BookingModule } from './booking/booking.module';
import type { BookingRuntimeOptions } from './booking/booking-runtime';
import type { BookingConfig } from './config';
import { PingController } from './health/ping.controller';

@Module({})
export class AppModule {
  static forRoot(config: BookingConfig, overrides: Partial<BookingRuntimeOptions> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'booking', config }),
        HealthModule.forRoot({ checks: { nats: natsCheck(), jetstream: jetStreamCheck() } }),
        BookingModule.forRoot(config, overrides),
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
