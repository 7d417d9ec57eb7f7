import type { BookedCustomerCheckedIn, QueueEvent, TicketCalled, WalkInTicketIssued } from './events';
import type { QueueState, Ticket, TicketFacts, WaitingTicket } from './state';

/**
 * Folds one queue event into the state. Never throws and never validates: an event that does not fit
 * (an unknown ticket, from a bug or a hand-repaired log) leaves the state as it is.
 */
export function evolveQueue(state: QueueState, event: QueueEvent): QueueState {
  switch (event.type) {
    case 'BookedCustomerCheckedIn':
    case 'WalkInTicketIssued':
      return issued(state, event);
    case 'CounterOpened':
      return withCounter(state, { status: 'open', counterId: event.data.counterId, serviceIds: event.data.serviceIds, openedAt: event.data.at });
    case 'CounterServicesChanged': {
      const current = state.counters[event.data.counterId];
      const openedAt = current?.status === 'open' ? current.openedAt : event.data.at;
      return withCounter(state, { status: 'open', counterId: event.data.counterId, serviceIds: event.data.serviceIds, openedAt });
    }
    case 'CounterClosed': {
      const closed = withCounter(state, { status: 'closed', counterId: event.data.counterId });
      return updateTickets(closed, event.data.releasedTicketIds, (t) => (t.status === 'waiting' ? waiting(factsOf(t), t.queuedAt, undefined, t.passedOver) : t));
    }
    case 'TicketCalled':
      return ticketCalled(state, event);
    case 'TicketRecalled':
      return updateTickets(state, [event.data.ticketId], (t) => (t.status === 'called' ? { ...t, calls: event.data.call, lastCalledAt: event.data.at } : t));
    case 'TicketParked':
      return replace(state, event.data.ticketId, (f) => ({ ...f, status: 'parked', counterId: event.data.counterId, parkedAt: event.data.at }));
    case 'TicketUnparked':
      return replace(state, event.data.ticketId, (f) => waiting(f, event.data.at));
    case 'TicketTransferred':
      return replace(state, event.data.ticketId, (f) => waiting({ ...f, services: event.data.services }, event.data.at, event.data.toCounterId));
    case 'ServiceStarted':
      return replace(state, event.data.ticketId, (f) => ({ ...f, status: 'serving', counterId: event.data.counterId, startedAt: event.data.at }));
    case 'ServiceCompleted': {
      const { counterId, servicesDone, at } = event.data;
      return replace(state, event.data.ticketId, (f) => ({ ...f, status: 'completed', counterId, servicesDone, completedAt: at }));
    }
    case 'TicketNoShow': {
      const { counterId, at } = event.data;
      return replace(state, event.data.ticketId, (f) => ({ ...f, status: 'no_show', ...(counterId === undefined ? {} : { counterId }), at }));
    }
    default: {
      // The compiler proves the switch exhaustive; at run time an unknown type (a newer schema read
      // by older code) leaves the state as it is instead of throwing.
      const _exhaustive: never = event;
      return state;
    }
  }
}

function waiting(facts: TicketFacts, at: number, targetCounterId?: string, passedOver = 0): WaitingTicket {
  return { ...facts, status: 'waiting', queuedAt: at, passedOver, ...(targetCounterId === undefined ? {} : { targetCounterId }) };
}

function issued(state: QueueState, event: BookedCustomerCheckedIn | WalkInTicketIssued): QueueState {
  const d = event.data;
  const appointment = d.appointment && { appointmentId: d.appointment.appointmentId, reference: d.appointment.reference, start: d.appointment.start };
  const dueAt = event.type === 'BookedCustomerCheckedIn' ? event.data.dueAt : d.at;
  const requestId = event.type === 'WalkInTicketIssued' ? event.data.requestId : undefined;
  const facts: TicketFacts = {
    ticketId: d.ticketId, number: d.number, kind: d.kind, seq: d.seq, services: d.services, priority: d.priority,
    issuedAt: d.at, dueAt, ...(appointment ? { appointment } : {}), ...(requestId === undefined ? {} : { requestId }),
  };
  return {
    ...state,
    tickets: { ...state.tickets, [d.ticketId]: waiting(facts, d.at) },
    lastNumber: { ...state.lastNumber, [d.kind]: state.lastNumber[d.kind] + 1 },
    lastSeq: Math.max(state.lastSeq, d.seq),
    byAppointment: appointment ? { ...state.byAppointment, [appointment.appointmentId]: d.ticketId } : state.byAppointment,
    byRequest: requestId === undefined ? state.byRequest : { ...state.byRequest, [requestId]: d.ticketId },
  };
}

function ticketCalled(state: QueueState, event: TicketCalled): QueueState {
  const { ticketId, counterId, at, passedOver } = event.data;
  const bumped = updateTickets(state, passedOver, (t) => (t.status === 'waiting' ? { ...t, passedOver: t.passedOver + 1 } : t));
  return replace(bumped, ticketId, (f) => ({ ...f, status: 'called', counterId, calls: 1, lastCalledAt: at }));
}

function withCounter(state: QueueState, counter: QueueState['counters'][string]): QueueState {
  return { ...state, counters: { ...state.counters, [counter.counterId]: counter } };
}

/** The facts of a ticket without the fields of its current status. */
function factsOf(t: Ticket): TicketFacts {
  const { ticketId, number, kind, seq, services, priority, issuedAt, dueAt, appointment, requestId } = t;
  return {
    ticketId, number, kind, seq, services, priority, issuedAt, dueAt,
    ...(appointment ? { appointment } : {}), ...(requestId === undefined ? {} : { requestId }),
  };
}

function replace(state: QueueState, ticketId: string, next: (facts: TicketFacts) => Ticket): QueueState {
  return updateTickets(state, [ticketId], (t) => next(factsOf(t)));
}

function updateTickets(state: QueueState, ticketIds: readonly string[], update: (t: Ticket) => Ticket): QueueState {
  const present = ticketIds.filter((id) => state.tickets[id] !== undefined);
  if (present.length === 0) return state;
  const tickets = { ...state.tickets };
  for (const id of present) tickets[id] = update(tickets[id]);
  return { ...state, tickets };
}
