import { DEFAULT_QUEUE_RULES } from '../queue/catalog-view';
import type { LocalDate } from '../shared/local-time';
import { minutesBetween, round, waitSummary } from './flow-statistics';
import { simulateDay, type SimCustomer } from './what-if-day';
import type { Visit, WhatIfArrival, WhatIfCounter, WhatIfOptions, WhatIfResult, WhatIfVisit } from './types';

const MINUTE = 60_000;

/**
 * The recorded arrivals of one office day, in arrival order. Counter time: the service minutes of a
 * served visit; for a no-show the time from first to last call (at least one minute), the counter
 * being blocked while staff call; otherwise unknown.
 */
export function whatIfArrivals(visits: readonly Visit[], day: { officeId: string; date: LocalDate }): WhatIfArrival[] {
  return visits
    .filter((v) => v.officeId === day.officeId && v.date === day.date && v.arrivedAt !== null)
    .map((v): WhatIfArrival => ({
      visitId: v.visitId,
      kind: v.kind,
      arrivedAt: v.arrivedAt as number,
      arrivalPosition: v.arrivalPosition as number,
      appointmentAt: v.kind === 'booked' ? v.appointmentAt : null,
      services: v.services,
      priority: 0,
      recordedServiceMinutes: recordedCounterMinutes(v),
      recordedWaitMinutes: v.waitingMinutes,
    }))
    // The queue's own order: arrivals at the same instant joined in log order, and the call policy's
    // tie-breaks (pass-over counts) depend on who joined first.
    .sort((a, b) => a.arrivedAt - b.arrivedAt || a.arrivalPosition - b.arrivalPosition);
}

function recordedCounterMinutes(v: Visit): number | null {
  if (v.serviceMinutes !== null) return v.serviceMinutes;
  if (v.outcome === 'no_show' && v.calls.length > 0) return Math.max(1, minutesBetween(v.calls[0], v.calls[v.calls.length - 1]));
  return null;
}

/**
 * Evenly spread, deterministic choice of `k` of `n` indexes (no randomness in the domain): index j is
 * chosen when ⌊(j+1)k/n⌋ steps up.
 */
function spread(n: number, k: number): Set<number> {
  const chosen = new Set<number>();
  for (let j = 0; j < n; j += 1) if (Math.floor(((j + 1) * k) / n) > Math.floor((j * k) / n)) chosen.add(j);
  return chosen;
}

/**
 * A different online / walk-in split: round(share × n) arrivals come booked. A walk-in turned booked is
 * taken to have booked the time they came (and to arrive on time); a booked customer turned walk-in
 * comes at the same time without appointment. Who is turned is spread evenly over the day.
 */
function withOnlineShare(arrivals: readonly WhatIfArrival[], share: number): WhatIfArrival[] {
  const target = Math.round(Math.min(1, Math.max(0, share)) * arrivals.length);
  const booked = arrivals.filter((a) => a.kind === 'booked').length;
  const from = target > booked ? 'walk_in' : 'booked';
  const pool = arrivals.map((a, i) => ({ a, i })).filter(({ a }) => a.kind === from);
  const turn = spread(pool.length, Math.abs(target - booked));
  const turned = new Set(pool.filter((_, j) => turn.has(j)).map(({ i }) => i));
  return arrivals.map((a, i) => {
    if (!turned.has(i)) return a;
    return from === 'walk_in' ? { ...a, kind: 'booked', appointmentAt: a.arrivedAt } : { ...a, kind: 'walk_in', appointmentAt: null };
  });
}

function countersOf(option: WhatIfOptions['counters'], serviceIds: readonly string[]): WhatIfCounter[] {
  if (typeof option !== 'number') return [...option];
  return Array.from({ length: Math.max(0, Math.floor(option)) }, (_, i) => ({ counterId: `c${String(i + 1).padStart(2, '0')}`, serviceIds }));
}

function durationMs(a: WhatIfArrival, options: WhatIfOptions): number {
  const fallback = options.defaultServiceMinutes ?? 10;
  const planned = a.services.reduce((sum, s) => sum + (options.serviceTimes[s.serviceId] ?? fallback) * s.quantity, 0);
  const minutes = options.useRecordedServiceTimes !== false && a.recordedServiceMinutes !== null ? a.recordedServiceMinutes : planned;
  return Math.round(minutes * MINUTE);
}

/**
 * Replays recorded arrivals against other counters (and/or another online share) with the real call
 * policy, and puts predicted waits beside the recorded ones. Waits are measured as in `Visit`:
 * from arrival (walk-in) or from the later of arrival and appointment (booked) to the first call.
 */
export function simulateWhatIf(recordedArrivals: readonly WhatIfArrival[], options: WhatIfOptions): WhatIfResult {
  const arrivals = options.onlineShare === undefined ? [...recordedArrivals] : withOnlineShare(recordedArrivals, options.onlineShare);
  const serviceIds = [...new Set([...arrivals.flatMap((a) => a.services.map((s) => s.serviceId)), ...Object.keys(options.serviceTimes)])].sort();
  const counters = countersOf(options.counters, serviceIds);
  const customers: SimCustomer[] = arrivals.map((a) => ({ ...a, durationMs: durationMs(a, options) }));
  const outcomes = simulateDay(customers, counters, {
    passOverLimit: options.passOverLimit ?? DEFAULT_QUEUE_RULES.passOverLimit,
    earlyGraceMinutes: options.earlyGraceMinutes ?? DEFAULT_QUEUE_RULES.earlyGraceMinutes,
  });
  const visits: WhatIfVisit[] = arrivals.map((a, i) => {
    const { calledAt, counterId } = outcomes[i];
    const owedFrom = a.kind === 'booked' && a.appointmentAt !== null ? Math.max(a.arrivedAt, a.appointmentAt) : a.arrivedAt;
    const predicted = calledAt === null ? null : Math.max(0, minutesBetween(owedFrom, calledAt));
    return { visitId: a.visitId, kind: a.kind, arrivedAt: a.arrivedAt, recordedWaitMinutes: a.recordedWaitMinutes, predictedWaitMinutes: predicted, counterId };
  });
  return {
    counters: counters.length,
    onlineShare: options.onlineShare === undefined ? null : round(options.onlineShare, 4),
    visits,
    recorded: summaries(visits, (v) => v.recordedWaitMinutes),
    predicted: summaries(visits, (v) => v.predictedWaitMinutes),
    unserved: visits.filter((v) => v.predictedWaitMinutes === null).length,
  };
}

function summaries(visits: readonly WhatIfVisit[], pick: (v: WhatIfVisit) => number | null): WhatIfResult['recorded'] {
  const of = (kind?: 'booked' | 'walk_in') =>
    waitSummary(visits.filter((v) => kind === undefined || v.kind === kind).map(pick).filter((x): x is number => x !== null));
  return { all: of(), booked: of('booked'), walkIn: of('walk_in') };
}
