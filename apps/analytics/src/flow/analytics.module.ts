import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, NATS_CONNECTION } from '@app/platform';
import type { JetStreamEventStore } from '@app/eventstore';
import type { NatsConnection } from 'nats';
import type { AnalyticsConfig } from '../config';
import { AnalyticsController } from './analytics.controller';
import { loadCatalog, openEventLog } from './analytics-runtime';
import { AnalyticsService } from './analytics.service';

const EVENT_LOG = Symbol('EVENT_LOG');

class EventLogCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_LOG) private readonly store: JetStreamEventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close(); // the connection belongs to the platform, which drains it
  }
}

@Module({
  controllers: [AnalyticsController],
  providers: [
    {
      provide: EVENT_LOG,
      inject: [NATS_CONNECTION, CONFIG],
      useFactory: (nc: NatsConnection, config: AnalyticsConfig) => openEventLog(nc, { streamName: config.EVENT_STREAM, subjectPrefix: config.EVENT_SUBJECT_PREFIX, natsUrl: config.NATS_URL }),
    },
    {
      provide: AnalyticsService,
      inject: [EVENT_LOG, CONFIG],
      useFactory: (store: JetStreamEventStore, config: AnalyticsConfig) => new AnalyticsService(store, loadCatalog(config.CATALOG_PATH), config.REPLAY_BATCH_SIZE),
    },
    EventLogCloser,
  ],
})
export class AnalyticsModule {}
