import { HealthModule, jetStreamCheck, natsCheck, PlatformModule, redisCheck, type ServiceDefinition } from '@app/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { FrontdeskConfig } from './config';
import type { FrontdeskRuntimeOptions } from './frontdesk-runtime';
import { FrontdeskModule } from './frontdesk.module';
import { PingController } from './health/ping.controller';

@Module({})
export class AppModule {
  /** `overrides` (clock, catalogue) are for tests and the bench. */
  static forRoot(config: FrontdeskConfig, overrides: Partial<FrontdeskRuntimeOptions> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'frontdesk', config, redis: true }),
        HealthModule.forRoot({ checks: { nats: natsCheck(), jetstream: jetStreamCheck(), redis: redisCheck() } }),
        FrontdeskModule.forRoot(config, overrides),
      ],
      controllers: [PingController],
    };
  }
}

export function frontdeskServiceWith(overrides: Partial<FrontdeskRuntimeOptions>): ServiceDefinition<FrontdeskConfig> {
  return { service: 'frontdesk', microservice: true, module: (config) => AppModule.forRoot(config, overrides) };
}

export const frontdeskService: ServiceDefinition<FrontdeskConfig> = frontdeskServiceWith({});
