import { HealthModule, jetStreamCheck, natsCheck, PlatformModule, redisCheck, type ServiceDefinition } from '@app/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { NotificationsConfig } from './config';
import { NotificationsModule } from './delivery/notifications.module';
import { PingController } from './health/ping.controller';

@Module({})
export class AppModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'notifications', config, redis: true }),
        HealthModule.forRoot({ checks: { nats: natsCheck(), jetstream: jetStreamCheck(), redis: redisCheck() } }),
        NotificationsModule.forRoot(config),
      ],
      controllers: [PingController],
    };
  }
}

export const notificationsService: ServiceDefinition<NotificationsConfig> = {
  service: 'notifications',
  microservice: true,
  module: (config) => AppModule.forRoot(config),
};
