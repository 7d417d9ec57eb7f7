import type { DomainError } from '../shared/domain-error';
import { fail, ok, type Result } from '../shared/result';
import { canServe, passedOverBy, pickNext, type CounterView } from './call-policy';
import type { QueueContext } from './catalog-view';
import type { CallNext, CallTicket, CloseCounter, OpenCounter } from './commands';
import type { QueueEvent, TicketCalled } from './events';
import { queueRefusals as refuse } from './refusals';
import { activeTicketAt, waitingTickets, type QueueState, type WaitingTicket } from './state';

type Decision = Result<readonly QueueEvent[], DomainError>;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Opens a counter, or changes the services of an open one; opening it again unchanged does nothing. */
export function decideOpenCounter(command: OpenCounter, state: QueueState, context: QueueContext): Decision {
  const { counterId } = command.data;
  const known = context.catalog.counters[counterId];
  if (known === undefined) return fail(refuse.counterUnknown(counterId));
  const serviceIds = [...new Set(command.data.serviceIds ?? known.serviceIds)];
  if (serviceIds.length === 0) return fail(refuse.servicesEmpty());
  const unknown = serviceIds.find((id) => context.catalog.services[id] === undefined);
  if (unknown !== undefined) return fail(refuse.serviceUnknown(unknown));
  const current = state.counters[counterId];
  const at = context.now;
  if (current?.status !== 'open') return ok([{ type: 'CounterOpened', data: { counterId, serviceIds, at } }]);
  if (sameSet(current.serviceIds, serviceIds)) return ok([]);
  return ok([{ type: 'CounterServicesChanged', data: { counterId, serviceIds, previousServiceIds: current.serviceIds, at } }]);
}

/** Closing needs the counter free: staff first complete, park or transfer the ticket they have. */
export function decideCloseCounter(command: CloseCounter, state: QueueState, context: QueueContext): Decision {
  const { counterId } = command.data;
  if (context.catalog.counters[counterId] === undefined) return fail(refuse.counterUnknown(counterId));
  if (state.counters[counterId]?.status !== 'open') return ok([]);
  const busy = activeTicketAt(state, counterId);
  if (busy) return fail(refuse.counterBusy(counterId, busy.ticketId, busy.number));
  const releasedTicketIds = waitingTickets(state)
    .filter((t) => t.targetCounterId === counterId)
    .map((t) => t.ticketId);
  return ok([{ type: 'CounterClosed', data: { counterId, releasedTicketIds, at: context.now } }]);
}

/** The open, free counter a call happens at, or why there is none. */
function callingCounter(counterId: string, state: QueueState, context: QueueContext): Result<CounterView, DomainError> {
  if (context.catalog.counters[counterId] === undefined) return fail(refuse.counterUnknown(counterId));
  const counter = state.counters[counterId];
  if (counter?.status !== 'open') return fail(refuse.counterClosed(counterId));
  const busy = activeTicketAt(state, counterId);
  if (busy) return fail(refuse.counterBusy(counterId, busy.ticketId, busy.number));
  return ok(counter);
}

function called(ticket: WaitingTicket, counterId: string, reason: TicketCalled['data']['reason'], passedOver: readonly string[], at: number): TicketCalled {
  const { ticketId, number, kind, services, priority, queuedAt } = ticket;
  return { type: 'TicketCalled', data: { ticketId, number, kind, services, priority, counterId, reason, passedOver, queuedAt, at } };
}

/** Calls the ticket the call policy picks (see `pickNext`). */
export function decideCallNext(command: CallNext, state: QueueState, context: QueueContext): Decision {
  const counter = callingCounter(command.data.counterId, state, context);
  if (!counter.ok) return counter;
  const waiting = waitingTickets(state);
  const pick = pickNext(waiting, counter.value, context.now, context.catalog.rules);
  if (pick === undefined) return fail(refuse.nothingWaiting(counter.value.counterId, waiting.length));
  return ok([called(pick.ticket, counter.value.counterId, pick.reason, pick.passedOver, context.now)]);
}

/** Staff call a particular ticket (an override of the policy); calling it again at the same counter does nothing. */
export function decideCallTicket(command: CallTicket, state: QueueState, context: QueueContext): Decision {
  const { ticketId, counterId } = command.data;
  const ticket = state.tickets[ticketId];
  if (ticket === undefined) return fail(refuse.ticketUnknown(ticketId));
  if (ticket.status === 'called' && ticket.counterId === counterId) return ok([]);
  const counter = callingCounter(counterId, state, context);
  if (!counter.ok) return counter;
  if (ticket.status !== 'waiting') return fail(refuse.ticketWrongStatus(ticketId, ticket.status, ['waiting']));
  if (!canServe(counter.value, ticket)) return fail(refuse.counterCannotServe(counterId, ticketId));
  const passedOver = passedOverBy(waitingTickets(state), ticket.seq, counter.value, context.now);
  return ok([called(ticket, counterId, 'manual', passedOver, context.now)]);
}
