import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { BookingConfig } from '../config';
import { developmentSecretsInUse } from '../config';
import { BookingRpc } from './booking.rpc';
import { BookingRuntime, loadCatalogFile, type BookingRuntimeOptions } from './booking-runtime';
import { BookingService } from './booking.service';

@Injectable()
class RuntimeCloser implements OnApplicationShutdown {
  constructor(@Inject(BookingRuntime) private readonly runtime: BookingRuntime) {}
  async onApplicationShutdown(): Promise<void> {
    await this.runtime.close();
  }
}

/** The booking feature: `booking.*` request/reply (BookingRpc) over one BookingRuntime (event store, vault, catalogue). */
@Module({})
export class BookingModule {
  static forRoot(config: BookingConfig, overrides: Partial<BookingRuntimeOptions> = {}): DynamicModule {
    return {
      module: BookingModule,
      providers: [
        { provide: BookingRuntime, useFactory: () => startRuntime(config, overrides) },
        { provide: BookingRpc, inject: [BookingRuntime], useFactory: (runtime: BookingRuntime) => new BookingRpc(runtime, { namespace: config.RPC_NAMESPACE, queue: config.NATS_QUEUE }) },
        { provide: BookingService, inject: [BookingRuntime], useFactory: (runtime: BookingRuntime) => runtime.service },
        RuntimeCloser,
      ],
      exports: [BookingService, BookingRuntime],
    };
  }
}

function startRuntime(config: BookingConfig, overrides: Partial<BookingRuntimeOptions>): Promise<BookingRuntime> {
  const defaults = developmentSecretsInUse(config);
  if (defaults.length > 0 && config.NODE_ENV !== 'development') {
    new Logger('Booking').warn({ keys: defaults }, `Development secrets in use outside development: ${defaults.join(', ')}`);
  }
  return BookingRuntime.start({
    natsUrl: config.NATS_URL,
    streamName: config.EVENT_STREAM,
    subjectPrefix: config.EVENT_SUBJECT_PREFIX,
    keyBucket: config.PRIVACY_KEY_BUCKET,
    masterKeys: config.SCHALTER_MASTER_KEYS,
    pepper: config.CONTACT_PEPPER,
    activationKey: Buffer.from(config.ACTIVATION_KEY, 'base64'),
    catalog: overrides.catalog ?? loadCatalogFile(config.CATALOG_PATH),
    cacheSize: config.CALENDAR_CACHE_SIZE,
    ...overrides,
  });
}
