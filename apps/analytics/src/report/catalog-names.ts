import type { FlowNames } from '@app/contracts/analytics';
import type { Catalog } from '@app/domain';

/** The names of every service, office and counter of the catalogue, keyed by the ids the figures use. */
export function catalogNames(catalog: Catalog): FlowNames {
  return {
    services: Object.fromEntries(catalog.services.map((s) => [s.id, s.name])),
    offices: Object.fromEntries(catalog.offices.map((o) => [o.id, o.name])),
    counters: Object.fromEntries(catalog.offices.map((o) => [o.id, Object.fromEntries(o.counters.map((c) => [c.id, c.name]))])),
  };
}
