import type { Instant } from '../shared/local-time';
import { canServe, compareForCall } from './call-policy';
import type { QueueCatalogView } from './catalog-view';
import type { ServiceCompleted, ServiceLine } from './events';
import { activeTicketAt, openCounters, waitingTickets, type ActiveTicket, type QueueState } from './state';

/** Learned minutes per unit of a service (from past completions); missing services use the catalogue. */
export type ServiceMinutes = Readonly<Record<string, number>>;

export type WaitEstimate =
  | {
      readonly status: 'estimated';
      readonly minutes: number;
      /** Tickets that would be called before this one at the counters that can serve it. */
      readonly ahead: number;
      /** Open counters that can serve it. */
      readonly counters: number;
    }
  /** No open counter handles its services: no honest figure can be given. */
  | { readonly status: 'no_counter' }
  | { readonly status: 'not_waiting' };

const MINUTE = 60_000;

/** Minutes a set of services takes: learned averages where they exist, catalogue minutes otherwise. */
export function serviceMinutes(services: readonly ServiceLine[], catalog: QueueCatalogView, learned: ServiceMinutes = {}): number {
  return services.reduce((sum, s) => sum + s.quantity * (learned[s.serviceId] ?? catalog.services[s.serviceId]?.minutes ?? 0), 0);
}

function remainingMinutes(t: ActiveTicket, now: Instant, catalog: QueueCatalogView, learned: ServiceMinutes): number {
  const total = serviceMinutes(t.services, catalog, learned);
  return t.status === 'called' ? total : Math.max(0, total - (now - t.startedAt) / MINUTE);
}

/**
 * Expected minutes until a waiting ticket is called: the work ahead of it (tickets the call policy
 * would call first at the counters that can serve it, plus what those counters are busy with), shared
 * by those counters. A booked ticket that came early is ranked as at its due time and waits at least
 * until then. It is an estimate for the screen, not a promise: fairness calls and new arrivals with a
 * higher priority can shift it.
 */
export function estimateWait(
  state: QueueState,
  ticketId: string,
  now: Instant,
  catalog: QueueCatalogView,
  learned: ServiceMinutes = {},
): WaitEstimate {
  const ticket = state.tickets[ticketId];
  if (ticket?.status !== 'waiting') return { status: 'not_waiting' };
  const counters = openCounters(state).filter((c) => canServe(c, ticket));
  if (counters.length === 0) return { status: 'no_counter' };
  const rankedAt = Math.max(now, ticket.dueAt);
  const ahead = waitingTickets(state).filter(
    (u) => u.ticketId !== ticketId && compareForCall(u, ticket, rankedAt, catalog.rules) < 0 && counters.some((c) => canServe(c, u)),
  );
  const busy = counters
    .map((c) => activeTicketAt(state, c.counterId))
    .reduce((sum, t) => sum + (t ? remainingMinutes(t, now, catalog, learned) : 0), 0);
  const work = ahead.reduce((sum, u) => sum + serviceMinutes(u.services, catalog, learned), busy);
  const untilDue = Math.max(0, (ticket.dueAt - now) / MINUTE);
  return { status: 'estimated', minutes: Math.ceil(Math.max(work / counters.length, untilDue)), ahead: ahead.length, counters: counters.length };
}

/**
 * Learns minutes per unit of each service from completed services. A visit with several services is
 * split in proportion to their catalogue minutes. A service needs `minSamples` visits before its
 * average replaces the catalogue figure.
 */
export function learnServiceMinutes(completions: readonly ServiceCompleted[], catalog: QueueCatalogView, minSamples = 5): ServiceMinutes {
  const totals = new Map<string, { minutes: number; units: number; samples: number }>();
  for (const { data } of completions) {
    const planned = serviceMinutes(data.servicesDone, catalog);
    if (planned <= 0) continue;
    const actual = (data.at - data.startedAt) / MINUTE;
    for (const line of data.servicesDone) {
      const share = (actual * line.quantity * (catalog.services[line.serviceId]?.minutes ?? 0)) / planned;
      const entry = totals.get(line.serviceId) ?? { minutes: 0, units: 0, samples: 0 };
      totals.set(line.serviceId, { minutes: entry.minutes + share, units: entry.units + line.quantity, samples: entry.samples + 1 });
    }
  }
  const learned: Record<string, number> = {};
  for (const [serviceId, t] of totals) if (t.samples >= minSamples) learned[serviceId] = t.minutes / t.units;
  return learned;
}
