import { readFileSync } from 'node:fs';
import { parseCatalog, queueDecider, type Catalog, type QueueRules } from '@app/domain';
import { CommandHandler, connectEventStore, DirectGet, type JetStreamEventStore } from '@app/eventstore';
import { LiveDays } from './live/live-days';
import { LiveTail } from './live/live-tail';
import { officeCatalog, type OfficeCatalog } from './queue/office-catalog';
import { FrontdeskService, type QueueHandler } from './queue/frontdesk.service';

export interface FrontdeskRuntimeOptions {
  readonly natsUrl: string;
  readonly streamName: string;
  readonly subjectPrefix: string;
  readonly catalog: Catalog;
  readonly rules?: Partial<QueueRules>;
  readonly clock?: () => number;
  readonly cacheSize?: number;
}

/** One frontdesk instance without Nest: event store, queue command handler, live days and their tail. */
export class FrontdeskRuntime {
  private constructor(
    readonly service: FrontdeskService,
    readonly days: LiveDays,
    readonly store: JetStreamEventStore,
    private readonly tail: LiveTail,
    readonly clock: () => number,
  ) {}

  static async start(options: FrontdeskRuntimeOptions): Promise<FrontdeskRuntime> {
    const clock = options.clock ?? Date.now;
    const store = await connectEventStore({ servers: options.natsUrl, name: 'frontdesk-eventstore', streamName: options.streamName, subjectPrefix: options.subjectPrefix });
    const catalogs = new Map<string, OfficeCatalog>();
    for (const office of options.catalog.offices) catalogs.set(office.id, officeCatalog(options.catalog, office.id, options.rules) as OfficeCatalog);
    const catalogOf = (officeId: string) => catalogs.get(officeId);
    const handler: QueueHandler = new CommandHandler(store, queueDecider, { aggregateType: 'queue', cacheSize: options.cacheSize });
    const days = new LiveDays(store, catalogOf);
    const tail = new LiveTail(store.nc.jetstream(), options.streamName, options.subjectPrefix);
    // The tail starts before any day is loaded, so no commit falls between a load and the tail.
    await tail.start((await store.lastPosition()) + 1, (commit) => days.onCommit(commit));
    const direct = new DirectGet(store.nc, options.streamName);
    const latestVersion = async (queueId: string) => (await direct.get({ lastBySubject: `${options.subjectPrefix}.queue.${queueId}` }))?.seq ?? 0;
    return new FrontdeskRuntime(new FrontdeskService(handler, days, catalogOf, clock, latestVersion), days, store, tail, clock);
  }

  async close(): Promise<void> {
    await this.tail.stop();
    await this.store.close();
  }
}

export function loadCatalogFile(path: string): Catalog {
  const parsed = parseCatalog(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(`Catalogue ${path} is invalid: ${parsed.error.messageEn} ${JSON.stringify(parsed.error.details ?? {})}`);
  return parsed.value;
}
