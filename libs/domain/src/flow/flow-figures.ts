import { berlinClock } from './berlin-clock';
import { distribution, minutesBetween, round } from './flow-statistics';
import type { CounterSession, CounterUtilisation, FlowDistribution, FlowFigures, FlowPeriod, Visit, VisitOutcome } from './types';

/** Histogram edges, chosen for a Bürgerbüro: minutes of waiting, of service, of (un)punctuality; days of lead time. */
export const WAIT_EDGES = [5, 10, 15, 20, 30, 45, 60, 90, 120];
export const SERVICE_EDGES = [5, 10, 15, 20, 30, 45, 60];
export const PUNCTUALITY_EDGES = [-30, -15, -10, -5, 0, 5, 10, 15, 30];
export const LEAD_TIME_EDGES = [1, 2, 3, 7, 14, 28, 56];
const OUTCOMES: readonly VisitOutcome[] = ['served', 'no_show', 'not_arrived', 'cancelled', 'rescheduled', 'transferred', 'unfinished'];

const inPeriod = (period: FlowPeriod) => (x: { date: string; officeId: string }) =>
  x.date >= period.from && x.date <= period.to && (period.officeId === undefined || x.officeId === period.officeId);

const values = (visits: readonly Visit[], pick: (v: Visit) => number | null) =>
  visits.map(pick).filter((x): x is number => x !== null);

const rate = (part: number, whole: number) => (whole === 0 ? null : round(part / whole, 4));

/**
 * The analyst's figures over the visits of a period (inclusive Berlin days). Every number is rounded
 * and every key is written in a fixed order, so equal inputs serialise to identical bytes. Each figure
 * depends only on the multiset of visits, never on their order.
 */
export function flowFigures(visits: readonly Visit[], period: FlowPeriod, sessions: readonly CounterSession[] = []): FlowFigures {
  const chosen = visits.filter(inPeriod(period));
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<VisitOutcome, number>;
  for (const v of chosen) outcomes[v.outcome] += 1;
  const inLine = chosen.filter((v) => v.arrivedAt !== null);
  return {
    period: { from: period.from, to: period.to, officeId: period.officeId ?? null },
    visits: {
      total: chosen.length,
      booked: chosen.filter((v) => v.kind === 'booked').length,
      walkIn: chosen.filter((v) => v.kind === 'walk_in').length,
      outcomes,
    },
    arrivalsByWeekdayHour: arrivalsGrid(inLine),
    waitingMinutes: {
      booked: distribution(values(inLine.filter((v) => v.kind === 'booked'), (v) => v.waitingMinutes), WAIT_EDGES),
      walkIn: distribution(values(inLine.filter((v) => v.kind === 'walk_in'), (v) => v.waitingMinutes), WAIT_EDGES),
    },
    serviceMinutesPerUnit: serviceTimes(chosen),
    rates: rates(chosen),
    punctualityMinutes: distribution(
      values(inLine, (v) => (v.appointmentAt === null || !v.hadAppointment ? null : minutesBetween(v.appointmentAt, v.arrivedAt as number))),
      PUNCTUALITY_EDGES,
    ),
    leadTimeDays: distribution(
      values(chosen, (v) => (v.bookedAt === null || v.appointmentAt === null ? null : round((v.appointmentAt - v.bookedAt) / 86_400_000))),
      LEAD_TIME_EDGES,
    ),
    counterUtilisation: utilisation(chosen, sessions.filter(inPeriod(period))),
  };
}

function arrivalsGrid(visits: readonly Visit[]): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const clock = berlinClock();
  for (const v of visits) {
    const z = clock(v.arrivedAt as number);
    grid[z.weekday - 1][Math.floor(z.minuteOfDay / 60)] += 1;
  }
  return grid;
}

/** Per unit: a visit for two passports counts two units. Only single-line visits, so no time is split by guess. */
function serviceTimes(visits: readonly Visit[]): Record<string, FlowDistribution> {
  const perService = new Map<string, number[]>();
  for (const v of visits) {
    const done = v.servicesDone;
    if (v.outcome !== 'served' || v.serviceMinutes === null || done === null || done.length !== 1) continue;
    const list = perService.get(done[0].serviceId) ?? [];
    list.push(round(v.serviceMinutes / done[0].quantity));
    perService.set(done[0].serviceId, list);
  }
  const ids = [...perService.keys()].sort();
  return Object.fromEntries(ids.map((id) => [id, distribution(perService.get(id) as number[], SERVICE_EDGES)]));
}

function rates(visits: readonly Visit[]): FlowFigures['rates'] {
  const appointments = visits.filter((v) => v.hadAppointment && v.outcome !== 'rescheduled');
  const kept = appointments.filter((v) => v.outcome !== 'cancelled');
  const missed = kept.filter((v) => v.outcome === 'not_arrived' || v.outcome === 'no_show').length;
  const walkIns = visits.filter((v) => v.kind === 'walk_in');
  return {
    appointmentNoShow: rate(missed, kept.length),
    appointmentCancellation: rate(appointments.length - kept.length, appointments.length),
    walkInNoShow: rate(walkIns.filter((v) => v.outcome === 'no_show').length, walkIns.length),
  };
}

/** Serving minutes of the period's visits per counter and day over that counter's open minutes. */
function utilisation(visits: readonly Visit[], sessions: readonly CounterSession[]): CounterUtilisation[] {
  const rows = new Map<string, { officeId: string; date: string; counterId: string; open: number; serving: number }>();
  const row = (officeId: string, date: string, counterId: string) => {
    const key = `${date}|${officeId}|${counterId}`;
    let r = rows.get(key);
    if (r === undefined) rows.set(key, (r = { officeId, date, counterId, open: 0, serving: 0 }));
    return r;
  };
  for (const s of sessions) row(s.officeId, s.date, s.counterId).open += minutesBetween(s.openedAt, s.closedAt);
  for (const v of visits) for (const seg of v.segments) row(v.officeId, v.date, seg.counterId).serving += minutesBetween(seg.from, seg.until);
  return [...rows.keys()].sort().map((key) => {
    const r = rows.get(key) as { officeId: string; date: string; counterId: string; open: number; serving: number };
    const openMinutes = round(r.open);
    return { officeId: r.officeId, date: r.date, counterId: r.counterId, openMinutes, servingMinutes: round(r.serving), utilisation: openMinutes === 0 ? null : round(r.serving / r.open, 3) };
  });
}
