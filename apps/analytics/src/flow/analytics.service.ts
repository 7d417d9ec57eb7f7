import { fail, invalid, ok, type Catalog, type DomainError, type Result } from '@app/domain';
import type { CsvExport, FlowNames, FlowQuery, FlowReport, WhatIfQuery, WhatIfReport } from '@app/contracts/analytics';
import { LruCache, type EventStore } from '@app/eventstore';
import { parsePeriod } from '../replay/flow-period';
import type { Replayed } from '../replay/flow-replay';
import { catalogNames } from '../report/catalog-names';
import { csvExport, flowReport, whatIfReport } from '../report/flow-report';

export const MAX_WHAT_IF_COUNTERS = 30;

/** Answers the analytics questions by replaying the log; holds no state between requests. */
export class AnalyticsService {
  private readonly offices: string[];
  private readonly names: FlowNames;
  /** A few recent replays (a year of all offices is tens of MB of visits): figures, CSV and what-if of one view share one. */
  private readonly replays = new LruCache<string, Promise<Replayed>>(4);

  constructor(
    private readonly store: EventStore,
    private readonly catalog: Catalog,
    private readonly batchSize: number,
  ) {
    this.offices = catalog.offices.map((o) => o.id);
    this.names = catalogNames(catalog);
  }

  async figures(query: Partial<FlowQuery>): Promise<Result<FlowReport, DomainError>> {
    const period = parsePeriod(query, this.offices);
    if (!period.ok) return period;
    return ok({ ...(await flowReport(this.store, period.value, { batchSize: this.batchSize, cache: this.replays })), names: this.names });
  }

  async csv(query: Partial<FlowQuery>): Promise<Result<CsvExport, DomainError>> {
    const period = parsePeriod(query, this.offices);
    if (!period.ok) return period;
    return ok(await csvExport(this.store, period.value, { batchSize: this.batchSize, cache: this.replays }));
  }

  async whatIf(query: Partial<WhatIfQuery>): Promise<Result<WhatIfReport, DomainError>> {
    if (query.officeId === undefined || query.officeId === '') {
      return fail(invalid('office_required', { de: 'Für die Was-wäre-wenn-Rechnung ein Amt wählen.', en: 'Choose an office for the what-if.' }, { field: 'officeId' }));
    }
    const period = parsePeriod(query, this.offices);
    if (!period.ok) return period;
    const checked = checkWhatIf(query);
    if (!checked.ok) return checked;
    return ok(await whatIfReport(this.store, this.catalog, { ...checked.value, officeId: query.officeId, from: period.value.from, to: period.value.to }, { batchSize: this.batchSize, cache: this.replays }));
  }
}

function checkWhatIf(query: Partial<WhatIfQuery>): Result<{ counters?: number; onlineShare?: number }, DomainError> {
  const { counters, onlineShare } = query;
  if (counters !== undefined && (!Number.isInteger(counters) || counters < 1 || counters > MAX_WHAT_IF_COUNTERS)) {
    return fail(invalid('bad_counters', { de: `Schalter: eine ganze Zahl von 1 bis ${MAX_WHAT_IF_COUNTERS}.`, en: `Counters: a whole number from 1 to ${MAX_WHAT_IF_COUNTERS}.` }, { field: 'counters' }));
  }
  if (onlineShare !== undefined && (typeof onlineShare !== 'number' || !(onlineShare >= 0 && onlineShare <= 1))) {
    return fail(invalid('bad_online_share', { de: 'Online-Anteil: eine Zahl von 0 bis 1.', en: 'Online share: a number from 0 to 1.' }, { field: 'onlineShare' }));
  }
  return ok({ ...(counters === undefined ? {} : { counters }), ...(onlineShare === undefined ? {} : { onlineShare }) });
}
