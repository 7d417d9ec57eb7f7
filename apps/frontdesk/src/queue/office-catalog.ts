import { queueCatalogView, type Catalog, type Office, type QueueCatalogView, type QueueRules } from '@app/domain';

/** What frontdesk needs of one office: the queue's view of the catalogue, and counter names for screens. */
export interface OfficeCatalog {
  readonly office: Office;
  readonly queue: QueueCatalogView;
  readonly counterNames: Readonly<Record<string, { de: string; en: string }>>;
}

/** The one mapping from the real catalogue to the queue's `QueueCatalogView`. */
export function officeCatalog(catalog: Catalog, officeId: string, rules: Partial<QueueRules> = {}): OfficeCatalog | undefined {
  const office = catalog.offices.find((o) => o.id === officeId);
  if (office === undefined) return undefined;
  const queue = queueCatalogView(
    catalog.services.map((s) => ({ serviceId: s.id, minutes: s.minutes, walkInAllowed: s.walkInAllowed })),
    office.counters.map((c) => ({ counterId: c.id, serviceIds: c.services })),
    rules,
  );
  return { office, queue, counterNames: Object.fromEntries(office.counters.map((c) => [c.id, c.name])) };
}
