import { createHash } from 'node:crypto';
import {
  flowCounterSessions, flowStateFigures, flowVisits, simulateWhatIf, visitsToCsv, whatIfArrivals,
  type Catalog, type FlowPeriod, type WaitSummary, type WhatIfCounter, type WhatIfVisit,
} from '@app/domain';
import type { CsvExport, FlowReport, WaitSides, WhatIfDay, WhatIfQuery, WhatIfReport } from '@app/contracts/analytics';
import type { EventStore } from '@app/eventstore';
import { periodDays } from '../replay/flow-period';
import { replayFlow, type ReplayOptions } from '../replay/flow-replay';

/** The figures of a period and the hash of their JSON (the determinism check compares it). */
/** The figures of a period as replayed; the service adds the catalogue's names. */
export async function flowReport(store: EventStore, period: FlowPeriod, options: ReplayOptions = {}): Promise<Omit<FlowReport, 'names'>> {
  const replayed = await replayFlow(store, period, options);
  const figures = flowStateFigures(replayed.state, period);
  return { figures, eventsReplayed: replayed.eventsUsed, hash: sha256(JSON.stringify(figures)) };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** One line per visit, from the projection's formula-safe CSV writer. */
export async function csvExport(store: EventStore, period: FlowPeriod, options: ReplayOptions = {}): Promise<CsvExport> {
  const replayed = await replayFlow(store, period, options);
  const filename = `schalter-besuche-${period.officeId ?? 'alle'}-${period.from}-${period.to}.csv`;
  return { filename, content: visitsToCsv(flowVisits(replayed.state)) };
}

/**
 * Each day of the period simulated apart (a queue empties overnight): with `counters` counters that
 * handle everything, or by default with the counters that were open that day as the catalogue
 * configures them. Counter minutes per service come from the catalogue when a visit has none recorded.
 */
export async function whatIfReport(store: EventStore, catalog: Catalog, query: WhatIfQuery, options: ReplayOptions = {}): Promise<WhatIfReport> {
  const period = { officeId: query.officeId, from: query.from, to: query.to };
  const replayed = await replayFlow(store, period, options);
  const visits = flowVisits(replayed.state);
  const sessions = flowCounterSessions(replayed.state);
  const office = catalog.offices.find((o) => o.id === query.officeId);
  const serviceTimes = Object.fromEntries(catalog.services.map((s) => [s.id, s.minutes]));
  const all: WhatIfVisit[] = [];
  const days: WhatIfDay[] = [];
  let unserved = 0;
  for (const date of periodDays(period)) {
    const arrivals = whatIfArrivals(visits, { officeId: query.officeId, date });
    if (arrivals.length === 0) continue;
    const openIds = [...new Set(sessions.filter((s) => s.officeId === query.officeId && s.date === date).map((s) => s.counterId))].sort();
    const recordedCounters: WhatIfCounter[] = (office?.counters ?? []).filter((c) => openIds.includes(c.id)).map((c) => ({ counterId: c.id, serviceIds: c.services }));
    const counters = query.counters ?? (recordedCounters.length > 0 ? recordedCounters : Math.max(1, openIds.length));
    const result = simulateWhatIf(arrivals, { counters, serviceTimes, ...(query.onlineShare === undefined ? {} : { onlineShare: query.onlineShare }) });
    unserved += result.unserved;
    all.push(...result.visits);
    days.push({
      date,
      arrivals: arrivals.length,
      recordedCounters: openIds.length,
      counters: result.counters,
      recorded: summarize(result.visits.map((v) => v.recordedWaitMinutes)),
      predicted: summarize(result.visits.map((v) => v.predictedWaitMinutes)),
    });
  }
  return { query, arrivals: all.length, unserved, recorded: sides(all, 'recordedWaitMinutes'), predicted: sides(all, 'predictedWaitMinutes'), days };
}

function sides(visits: readonly WhatIfVisit[], key: 'recordedWaitMinutes' | 'predictedWaitMinutes'): WaitSides {
  const of = (kind?: 'booked' | 'walk_in') => summarize(visits.filter((v) => kind === undefined || v.kind === kind).map((v) => v[key]));
  return { all: of(), booked: of('booked'), walkIn: of('walk_in') };
}

/** Nearest-rank percentiles, two decimals; unknown waits (null) are left out. */
export function summarize(values: readonly (number | null)[]): WaitSummary {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return { count: 0, mean: null, p50: null, p90: null, max: null };
  const rank = (p: number) => known[Math.max(0, Math.ceil(p * known.length) - 1)]!;
  const round = (v: number) => Math.round(v * 100) / 100;
  const mean = known.reduce((sum, v) => sum + v, 0) / known.length;
  return { count: known.length, mean: round(mean), p50: round(rank(0.5)), p90: round(rank(0.9)), max: round(known[known.length - 1]!) };
}
