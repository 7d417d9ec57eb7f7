import type { VisitDraft } from './flow-draft';
import type { FlowState } from './flow-state';
import { minutesBetween, round } from './flow-statistics';
import type { CounterSession, Visit, VisitOutcome } from './types';

/**
 * The visits folded so far, as frozen plain objects in a fixed order: by day, office, then the
 * position of the visit's first event (so the order never depends on map iteration or batch size).
 */
export function flowVisits(state: FlowState): Visit[] {
  // Sorted on the drafts' own fields (no visit id parsed per comparison), then copied once.
  return [...state.drafts]
    .sort((a, b) => compareText(a.date, b.date) || compareText(a.officeId, b.officeId) || a.firstPosition - b.firstPosition)
    .map(toVisit);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function outcome(d: VisitDraft): VisitOutcome {
  switch (d.status) {
    case 'served':
    case 'no_show':
    case 'cancelled':
    case 'rescheduled':
      return d.status;
    case 'expected':
      return 'not_arrived';
    default:
      return d.transfers > 0 ? 'transferred' : 'unfinished';
  }
}

/** When service was owed: arrival for a walk-in; for a booked ticket not before the appointment time. */
function waitingMinutes(d: VisitDraft): number | null {
  if (d.calls.length === 0 || d.arrivedAt === null) return null;
  const owedFrom = d.kind === 'booked' && d.appointmentAt !== null ? Math.max(d.arrivedAt, d.appointmentAt) : d.arrivedAt;
  return Math.max(0, minutesBetween(owedFrom, d.calls[0]));
}

function toVisit(d: VisitDraft): Visit {
  // Segments are frozen when the draft closes them: the visit takes a copy of the list, not of each segment.
  const segments = d.segments.slice();
  let sum = 0;
  for (const s of segments) sum += minutesBetween(s.from, s.until);
  const serviceMinutes = segments.length === 0 ? null : round(sum);
  return Object.freeze({
    visitId: `${d.officeId}-${d.date}-${d.firstPosition}`,
    officeId: d.officeId,
    date: d.date,
    kind: d.kind,
    hadAppointment: d.hadAppointment,
    lateForAppointment: d.late,
    ticketNumber: d.ticketNumber,
    services: d.services,
    servicesDone: d.servicesDone,
    bookedAt: d.bookedAt,
    appointmentAt: d.appointmentAt,
    arrivedAt: d.arrivedAt,
    arrivalPosition: d.arrivalPosition,
    calls: d.calls.slice(),
    servedFrom: segments.length === 0 ? null : segments[0].from,
    servedUntil: segments.length === 0 ? null : segments[segments.length - 1].until,
    counterId: d.counterId,
    transfers: d.transfers,
    segments,
    outcome: outcome(d),
    waitingMinutes: waitingMinutes(d),
    serviceMinutes,
  });
}

/** Counter sessions by day, office, counter and opening; one still open ends at its day's last queue event. */
export function flowCounterSessions(state: FlowState): CounterSession[] {
  const open: CounterSession[] = [...state.openCounters].map(([key, openedAt]) => {
    const [officeId, date, counterId] = key.split('|');
    const closedAt = Math.max(openedAt, state.days.get(`${officeId}|${date}`)?.lastQueueAt ?? openedAt);
    return { officeId, date, counterId, openedAt, closedAt };
  });
  return [...state.closedSessions.map((s) => ({ ...s })), ...open].sort(
    (a, b) => compareText(a.date, b.date) || compareText(a.officeId, b.officeId) || compareText(a.counterId, b.counterId) || a.openedAt - b.openedAt,
  );
}
