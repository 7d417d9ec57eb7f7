import { berlinWeekdayHour } from './berlin-clock';
import { distribution, minutesBetween, round } from './flow-statistics';
import type { CounterSession, CounterUtilisation, FlowFigures, FlowPeriod, Visit, VisitOutcome } from './types';

/** Histogram edges, chosen for a Bürgerbüro: minutes of waiting, of service, of (un)punctuality; days of lead time. */
export const WAIT_EDGES = [5, 10, 15, 20, 30, 45, 60, 90, 120];
export const SERVICE_EDGES = [5, 10, 15, 20, 30, 45, 60];
export const PUNCTUALITY_EDGES = [-30, -15, -10, -5, 0, 5, 10, 15, 30];
export const LEAD_TIME_EDGES = [1, 2, 3, 7, 14, 28, 56];
const OUTCOMES: readonly VisitOutcome[] = ['served', 'no_show', 'not_arrived', 'cancelled', 'rescheduled', 'transferred', 'unfinished'];

/** Whether a visit or session (by its day and office) lies in the period. */
export const inPeriod = (period: FlowPeriod) => (x: { date: string; officeId: string }) =>
  x.date >= period.from && x.date <= period.to && (period.officeId === undefined || x.officeId === period.officeId);

const rate = (part: number, whole: number) => (whole === 0 ? null : round(part / whole, 4));

/** The fields of a visit the figures read (a `Visit` has them all). */
export type FigureVisit = Pick<
  Visit,
  'officeId' | 'date' | 'kind' | 'hadAppointment' | 'servicesDone' | 'bookedAt' | 'appointmentAt' | 'arrivedAt' | 'segments' | 'outcome' | 'waitingMinutes' | 'serviceMinutes'
>;

/** What one pass over the chosen visits collects; every list is sorted later, so its order is free. */
interface Tally {
  total: number;
  booked: number;
  walkIn: number;
  readonly outcomes: Record<VisitOutcome, number>;
  readonly grid: number[][];
  readonly waitBooked: number[];
  readonly waitWalkIn: number[];
  readonly punctuality: number[];
  readonly leadTime: number[];
  readonly perService: Map<string, number[]>;
  appointments: number;
  cancelled: number;
  missed: number;
  walkInNoShows: number;
  readonly cell: (instant: number) => number;
  readonly rows: UtilisationRows;
}

/**
 * Figures folded one visit at a time: `add` each visit of the period in the visits' order, then `result`.
 * `flowFigures` feeds it a list of visits; a replay feeds it straight from its state (see
 * `flowStateFigures`), so a year's visits need not all be copied into `Visit` objects first.
 */
export interface FigureFold {
  readonly add: (visit: FigureVisit) => void;
  readonly result: () => FlowFigures;
}

export function figureFold(period: FlowPeriod, sessions: readonly CounterSession[] = []): FigureFold {
  const t = newTally();
  return { add: (v) => addVisit(t, v), result: () => figuresOf(t, period, sessions.filter(inPeriod(period))) };
}

/**
 * The analyst's figures over the visits of a period (inclusive Berlin days). Every number is rounded
 * and every key is written in a fixed order, so equal inputs serialise to identical bytes. Each figure
 * but the serving minutes (summed in the visits' order) depends only on the multiset of visits.
 * One pass over the visits fills every figure: a replay of a year has hundreds of thousands.
 */
export function flowFigures(visits: readonly Visit[], period: FlowPeriod, sessions: readonly CounterSession[] = []): FlowFigures {
  const fold = figureFold(period, sessions);
  const chosen = inPeriod(period);
  for (const v of visits) if (chosen(v)) fold.add(v);
  return fold.result();
}

function figuresOf(t: Tally, period: FlowPeriod, sessions: readonly CounterSession[]): FlowFigures {
  return {
    period: { from: period.from, to: period.to, officeId: period.officeId ?? null },
    visits: { total: t.total, booked: t.booked, walkIn: t.walkIn, outcomes: t.outcomes },
    arrivalsByWeekdayHour: t.grid,
    waitingMinutes: { booked: distribution(t.waitBooked, WAIT_EDGES), walkIn: distribution(t.waitWalkIn, WAIT_EDGES) },
    serviceMinutesPerUnit: Object.fromEntries([...t.perService.keys()].sort().map((id) => [id, distribution(t.perService.get(id) as number[], SERVICE_EDGES)])),
    rates: {
      appointmentNoShow: rate(t.missed, t.appointments - t.cancelled),
      appointmentCancellation: rate(t.cancelled, t.appointments),
      walkInNoShow: rate(t.walkInNoShows, t.walkIn),
    },
    punctualityMinutes: distribution(t.punctuality, PUNCTUALITY_EDGES),
    leadTimeDays: distribution(t.leadTime, LEAD_TIME_EDGES),
    counterUtilisation: t.rows.result(sessions),
  };
}

function newTally(): Tally {
  return {
    total: 0, booked: 0, walkIn: 0, outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<VisitOutcome, number>,
    grid: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)), waitBooked: [], waitWalkIn: [], punctuality: [], leadTime: [],
    perService: new Map(), appointments: 0, cancelled: 0, missed: 0, walkInNoShows: 0, cell: berlinWeekdayHour(), rows: utilisationRows(),
  };
}

function addVisit(t: Tally, v: FigureVisit): void {
  t.total += 1;
  t.outcomes[v.outcome] += 1;
  if (v.kind === 'booked') t.booked += 1;
  else {
    t.walkIn += 1;
    if (v.outcome === 'no_show') t.walkInNoShows += 1;
  }
  if (v.arrivedAt !== null) arrival(t, v, v.arrivedAt, t.cell(v.arrivedAt));
  if (v.bookedAt !== null && v.appointmentAt !== null) t.leadTime.push(round((v.appointmentAt - v.bookedAt) / 86_400_000));
  if (v.hadAppointment && v.outcome !== 'rescheduled') appointment(t, v.outcome);
  serviceTime(t.perService, v);
  t.rows.serve(v);
}

function arrival(t: Tally, v: FigureVisit, arrivedAt: number, cell: number): void {
  t.grid[Math.floor(cell / 24)][cell % 24] += 1;
  if (v.waitingMinutes !== null) (v.kind === 'booked' ? t.waitBooked : t.waitWalkIn).push(v.waitingMinutes);
  if (v.appointmentAt !== null && v.hadAppointment) t.punctuality.push(minutesBetween(v.appointmentAt, arrivedAt));
}

/** Appointments not moved to another day: cancelled, or kept and then missed (nobody came, or not to the counter). */
function appointment(t: Tally, outcome: VisitOutcome): void {
  t.appointments += 1;
  if (outcome === 'cancelled') t.cancelled += 1;
  else if (outcome === 'not_arrived' || outcome === 'no_show') t.missed += 1;
}

/** Per unit: a visit for two passports counts two units. Only single-line visits, so no time is split by guess. */
function serviceTime(perService: Map<string, number[]>, v: FigureVisit): void {
  const done = v.servicesDone;
  if (v.outcome !== 'served' || v.serviceMinutes === null || done === null || done.length !== 1) return;
  const list = perService.get(done[0].serviceId);
  const value = round(v.serviceMinutes / done[0].quantity);
  if (list === undefined) perService.set(done[0].serviceId, [value]);
  else list.push(value);
}

interface UtilisationRow {
  readonly officeId: string;
  readonly date: string;
  readonly counterId: string;
  open: number;
  serving: number;
}

interface UtilisationRows {
  /** Adds a visit's service segments to its counters' serving minutes. */
  readonly serve: (v: FigureVisit) => void;
  /** Adds the sessions' open minutes and returns the rows ordered by their `date|office|counter` text. */
  readonly result: (sessions: readonly CounterSession[]) => CounterUtilisation[];
}

/**
 * Serving minutes of the period's visits per counter and day over that counter's open minutes. Rows
 * are found per office-day first (visits come grouped by day and office), so a segment costs one small
 * map lookup rather than building a key. Each sum runs in its own order (serving: the visits' order;
 * open: the sessions'), whichever comes first.
 */
function utilisationRows(): UtilisationRows {
  const days = new Map<string, Map<string, UtilisationRow>>();
  let lastDay: Map<string, UtilisationRow> | undefined;
  let lastOffice = '';
  let lastDate = '';
  const row = (officeId: string, date: string, counterId: string) => {
    if (lastDay === undefined || officeId !== lastOffice || date !== lastDate) {
      const dayKey = `${date}|${officeId}`;
      lastOffice = officeId;
      lastDate = date;
      lastDay = days.get(dayKey);
      if (lastDay === undefined) days.set(dayKey, (lastDay = new Map()));
    }
    let r = lastDay.get(counterId);
    if (r === undefined) lastDay.set(counterId, (r = { officeId, date, counterId, open: 0, serving: 0 }));
    return r;
  };
  const serve = (v: FigureVisit) => {
    for (const seg of v.segments) row(v.officeId, v.date, seg.counterId).serving += minutesBetween(seg.from, seg.until);
  };
  const result = (sessions: readonly CounterSession[]) => {
    for (const s of sessions) row(s.officeId, s.date, s.counterId).open += minutesBetween(s.openedAt, s.closedAt);
    const rows = [...days.values()].flatMap((counters) => [...counters.values()]).map((r) => ({ key: `${r.date}|${r.officeId}|${r.counterId}`, r }));
    return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ r }) => {
      const openMinutes = round(r.open);
      return { officeId: r.officeId, date: r.date, counterId: r.counterId, openMinutes, servingMinutes: round(r.serving), utilisation: openMinutes === 0 ? null : round(r.serving / r.open, 3) };
    });
  };
  return { serve, result };
}
