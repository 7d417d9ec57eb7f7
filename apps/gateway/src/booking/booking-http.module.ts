import { type DynamicModule, Module } from '@nestjs/common';
import { ManageLinkModule } from '../manage-link/manage-link.module';
import { SecurityModule } from '../security';
import { AppointmentsController } from './appointments.controller';
import { bookingHttpConfig, type BookingHttpConfig } from './booking-http.config';
import { OfficesController } from './offices.controller';

/** The public booking API under /api: offices, availability, holds, appointments (manage links). */
@Module({})
export class BookingHttpModule {
  static forRoot(config: BookingHttpConfig = bookingHttpConfig(process.env)): DynamicModule {
    return {
      module: BookingHttpModule,
      imports: [
        ManageLinkModule.forRoot({ keys: config.manageKeys }),
        SecurityModule.forRoot({
          redis: { url: config.redisUrl },
          rateLimit: { keyPrefix: `${config.redisPrefix}rl:`, policies: config.rateLimits },
          captcha: {
            hmacKey: config.altchaKey,
            usedKeyPrefix: `${config.redisPrefix}altcha:used:`,
            purposes: ['hold', 'reschedule'],
            counterMin: Math.min(500, config.captchaCounterMax),
            counterMax: config.captchaCounterMax,
          },
        }),
      ],
      controllers: [OfficesController, AppointmentsController],
    };
  }
}
