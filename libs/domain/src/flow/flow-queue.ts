import type { BookedCustomerCheckedIn, QueueEvent, WalkInTicketIssued } from '../queue/events';
import { assertNever } from '../shared/decider';
import type { Instant } from '../shared/local-time';
import { addCall, appointmentDraft, canonicalLines, closeSegment, newDraft, openSegment, type OfficeDay, type VisitDraft } from './flow-draft';
import type { FlowState } from './flow-state';

/** Folds one queue event into the flow state (mutably, see FlowState). Unknown tickets are skipped. */
export function evolveQueueFlow(state: FlowState, e: QueueEvent, position: number, where: OfficeDay): void {
  const at = e.data.at;
  if (where.lastQueueAt === null || at > where.lastQueueAt) where.lastQueueAt = at;
  switch (e.type) {
    case 'BookedCustomerCheckedIn':
    case 'WalkInTicketIssued':
      return arrived(state, e, position, where);
    case 'CounterOpened':
      return counterOpened(state, `${where.key}|${e.data.counterId}`, at);
    case 'CounterClosed':
      return counterClosed(state, where, e.data.counterId, at);
    case 'CounterServicesChanged':
      return;
    default:
      return ticketEvent(state, state.byTicket.get(e.data.ticketId), e);
  }
}

function arrived(state: FlowState, e: BookedCustomerCheckedIn | WalkInTicketIssued, position: number, where: OfficeDay): void {
  const d = e.data;
  let draft: VisitDraft;
  if (d.appointment !== undefined) {
    draft = appointmentDraft(state, d.appointment.appointmentId, position, where.officeId, where.date);
    if (draft.appointmentAt === null) draft.appointmentAt = d.appointment.start;
    draft.late = e.type === 'WalkInTicketIssued';
  } else {
    draft = newDraft(position, where.officeId, where.date);
    state.drafts.push(draft);
  }
  draft.kind = d.kind;
  draft.ticketNumber = d.number;
  draft.arrivedAt = d.at;
  draft.arrivalPosition = position;
  draft.services = canonicalLines(state.lines, d.services);
  draft.status = 'waiting';
  state.byTicket.set(d.ticketId, draft);
}

type TicketEvent = Exclude<QueueEvent, BookedCustomerCheckedIn | WalkInTicketIssued | { type: 'CounterOpened' | 'CounterClosed' | 'CounterServicesChanged' }>;

function ticketEvent(state: FlowState, draft: VisitDraft | undefined, e: TicketEvent): void {
  if (draft === undefined) return;
  const at = e.data.at;
  switch (e.type) {
    case 'TicketCalled':
    case 'TicketRecalled':
      addCall(draft, at);
      draft.counterId = e.data.counterId;
      draft.status = 'called';
      return;
    case 'TicketParked':
      closeSegment(draft, at);
      draft.status = 'parked';
      return;
    case 'TicketUnparked':
      draft.status = 'waiting';
      return;
    case 'TicketTransferred':
      closeSegment(draft, at);
      draft.transfers += 1;
      draft.services = canonicalLines(state.lines, e.data.services);
      draft.status = 'waiting';
      return;
    case 'ServiceStarted':
      openSegment(draft, e.data.counterId, at);
      draft.counterId = e.data.counterId;
      draft.status = 'serving';
      return;
    case 'ServiceCompleted':
      // A replay that starts mid-service has missed ServiceStarted: the completion carries the start.
      if (draft.openCounterId === null) openSegment(draft, e.data.counterId, e.data.startedAt);
      closeSegment(draft, at);
      draft.counterId = e.data.counterId;
      draft.servicesDone = canonicalLines(state.lines, e.data.servicesDone);
      draft.status = 'served';
      return;
    case 'TicketNoShow':
      closeSegment(draft, at);
      draft.status = 'no_show';
      return;
    default:
      return assertNever(e);
  }
}

function counterOpened(state: FlowState, key: string, at: Instant): void {
  if (!state.openCounters.has(key)) state.openCounters.set(key, at);
}

function counterClosed(state: FlowState, where: OfficeDay, counterId: string, at: Instant): void {
  const key = `${where.key}|${counterId}`;
  const openedAt = state.openCounters.get(key);
  if (openedAt === undefined) return;
  state.openCounters.delete(key);
  state.closedSessions.push({ officeId: where.officeId, date: where.date, counterId, openedAt, closedAt: at });
}
