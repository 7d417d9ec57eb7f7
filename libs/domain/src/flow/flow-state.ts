import type { CalendarEvent } from '../calendar/events';
import type { QueueEvent } from '../queue/events';
import { LOCAL_DATE, toZoned, type Instant, type LocalDate } from '../shared/local-time';
import type { OfficeDay } from './flow-draft';
import { appointmentDraft, canonicalLines, type VisitDraft } from './flow-draft';
import { evolveQueueFlow } from './flow-queue';
import type { FlowEvent, FlowServiceLine } from './types';

const ZONE = 'Europe/Berlin';

/**
 * The projection's accumulator. Unlike a decider's state it is **mutable**: `evolveFlow` updates it in
 * place and returns it, so replaying a million events allocates per visit, not per event. The function
 * boundary stays pure — the result depends only on the events folded in, in position order — as long
 * as each replay starts from its own `initialFlowState()` (a fresh object, never a shared constant).
 * Memory is O(visits + counter sessions), not O(events). The caches below (office-days, the last
 * aggregate id, shared service lines) only spare work and allocation; they never change a result.
 */
export interface FlowState {
  /** Highest position folded in; events at or below it are repeats and are skipped. */
  lastPosition: number;
  readonly drafts: VisitDraft[];
  readonly byAppointment: Map<string, VisitDraft>;
  readonly byTicket: Map<string, VisitDraft>;
  /** `office|date|counter` → opening instant of the session now open. */
  readonly openCounters: Map<string, Instant>;
  readonly closedSessions: { officeId: string; date: LocalDate; counterId: string; openedAt: Instant; closedAt: Instant }[];
  /** `office|date` → that office-day, with the latest queue instant seen (closes sessions never closed). */
  readonly days: Map<string, OfficeDay>;
  /** Queue events come in runs of one aggregate: the last aggregate id and its office-day. */
  lastAggregateId: string | undefined;
  lastDay: OfficeDay | undefined;
  /** Shared frozen single-line service lists (see `canonicalLines`). */
  readonly lines: Map<string, Map<number, readonly FlowServiceLine[]>>;
}

export function initialFlowState(): FlowState {
  return {
    lastPosition: 0, drafts: [], byAppointment: new Map(), byTicket: new Map(), openCounters: new Map(), closedSessions: [], days: new Map(),
    lastAggregateId: undefined, lastDay: undefined, lines: new Map(),
  };
}

/** Folds one event in (see FlowState on mutation). Never throws; unknown event types are skipped. */
export function evolveFlow(state: FlowState, event: FlowEvent): FlowState {
  if (event.position <= state.lastPosition) return state;
  state.lastPosition = event.position;
  const e = event as unknown as CalendarEvent | QueueEvent;
  switch (e.type) {
    case 'HoldPlaced':
    case 'HoldExtended':
    case 'AppointmentRequested':
      return state;
    case 'AppointmentBooked': {
      const d = e.data;
      const draft = appointmentDraft(state, d.appointmentId, event.position, d.officeId, d.date);
      draft.hadAppointment = true;
      draft.bookedAt = d.bookedAt;
      moveAppointment(state, draft, d.officeId, d.date, d.startsAt, d.services);
      return state;
    }
    case 'AppointmentRescheduled': {
      const d = e.data;
      moveAppointment(state, appointmentDraft(state, d.appointmentId, event.position, d.officeId, d.date), d.officeId, d.date, d.startsAt, d.services);
      return state;
    }
    case 'AppointmentCancelled':
      cancel(state, e, event.position);
      return state;
    // Queue events listed here rather than looked up in a set: a type string fresh from JSON.parse has
    // no cached hash, so each lookup hashed it (isQueueEvent was ~2.5 % of a replay's profile).
    case 'BookedCustomerCheckedIn':
    case 'WalkInTicketIssued':
    case 'CounterOpened':
    case 'CounterServicesChanged':
    case 'CounterClosed':
    case 'TicketCalled':
    case 'TicketRecalled':
    case 'TicketParked':
    case 'TicketUnparked':
    case 'TicketTransferred':
    case 'ServiceStarted':
    case 'ServiceCompleted':
    case 'TicketNoShow':
      evolveQueueFlow(state, e, event.position, officeDay(state, event.aggregateId, e.data.at));
      return state;
    default: {
      // Only calendar events the flow ignores get here: a queue event type added later and not listed
      // above fails this assignment at compile time.
      const ignored: CalendarEvent = e;
      void ignored;
      return state;
    }
  }
}

export function evolveFlowBatch(state: FlowState, events: Iterable<FlowEvent>): FlowState {
  for (const event of events) evolveFlow(state, event);
  return state;
}

function moveAppointment(state: FlowState, draft: VisitDraft, officeId: string, date: LocalDate, startsAt: Instant, services: CalendarEvent['data']['services']): void {
  draft.officeId = officeId;
  draft.date = date;
  draft.appointmentAt = startsAt;
  if (draft.arrivedAt === null) draft.services = canonicalLines(state.lines, services);
}

function cancel(state: FlowState, e: Extract<CalendarEvent, { type: 'AppointmentCancelled' }>, position: number): void {
  const d = e.data;
  // An appointment never activated was never a visit.
  if (!d.wasBooked) return;
  const draft = appointmentDraft(state, d.appointmentId, position, d.officeId, d.date);
  if (draft.appointmentAt === null) moveAppointment(state, draft, d.officeId, d.date, d.startsAt, d.services);
  if (draft.status === 'expected') draft.status = d.reason === 'rescheduled' ? 'rescheduled' : 'cancelled';
}


/**
 * Office and day of a queue event from its aggregate id `<officeId>-<YYYY-MM-DD>`; without one, the
 * Berlin day of the event and office `unknown`. The same aggregate's events mostly follow each other,
 * so the last id answers most events without slicing or a map lookup.
 */
export function officeDay(state: FlowState, aggregateId: string | undefined, at: Instant): OfficeDay {
  if (aggregateId !== undefined && aggregateId === state.lastAggregateId) return state.lastDay as OfficeDay;
  const date = aggregateId === undefined ? '' : aggregateId.slice(-10);
  if (aggregateId !== undefined && aggregateId.length > 11 && LOCAL_DATE.test(date)) {
    state.lastAggregateId = aggregateId;
    return (state.lastDay = dayOf(state, aggregateId.slice(0, -11), date));
  }
  return dayOf(state, 'unknown', toZoned(at, ZONE).date);
}

function dayOf(state: FlowState, officeId: string, date: LocalDate): OfficeDay {
  const key = `${officeId}|${date}`;
  let day = state.days.get(key);
  if (day === undefined) state.days.set(key, (day = { officeId, date, key, lastQueueAt: null }));
  return day;
}
