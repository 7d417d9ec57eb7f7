import type { DomainError } from '../shared/domain-error';
import { fail, ok, type Result } from '../shared/result';
import { handlesServices } from './call-policy';
import type { QueueContext } from './catalog-view';
import type { CompleteService, MarkNoShow, Park, Recall, StartService, Transfer, Unpark } from './commands';
import { validateServices } from './decide-arrival';
import type { QueueEvent, ServiceLine } from './events';
import { queueRefusals as refuse } from './refusals';
import type { QueueState, Ticket } from './state';

type Decision = Result<readonly QueueEvent[], DomainError>;

function find(state: QueueState, ticketId: string): Result<Ticket, DomainError> {
  const ticket = state.tickets[ticketId];
  return ticket === undefined ? fail(refuse.ticketUnknown(ticketId)) : ok(ticket);
}

const facts = (t: Ticket) => ({ ticketId: t.ticketId, number: t.number, kind: t.kind });

/**
 * Calls the ticket again at the same counter, at the earliest `recallCooldownSeconds` after the last
 * call. Once it has been called `maxCalls` times, the next recall records a no-show instead.
 */
export function decideRecall(command: Recall, state: QueueState, context: QueueContext): Decision {
  const found = find(state, command.data.ticketId);
  if (!found.ok) return found;
  const t = found.value;
  if (t.status !== 'called') return fail(refuse.ticketWrongStatus(t.ticketId, t.status, ['called']));
  const { recallCooldownSeconds, maxCalls } = context.catalog.rules;
  const left = t.lastCalledAt + recallCooldownSeconds * 1000 - context.now;
  if (left > 0) return fail(refuse.recallTooSoon(t.ticketId, Math.ceil(left / 1000)));
  const { counterId, calls } = t;
  if (calls >= maxCalls) return ok([{ type: 'TicketNoShow', data: { ...facts(t), counterId, calls, reason: 'max_calls', at: context.now } }]);
  return ok([{ type: 'TicketRecalled', data: { ...facts(t), counterId, call: calls + 1, at: context.now } }]);
}

/** Sets a ticket at the counter aside (the customer fetches a document) and frees the counter. */
export function decidePark(command: Park, state: QueueState, context: QueueContext): Decision {
  const found = find(state, command.data.ticketId);
  if (!found.ok) return found;
  const t = found.value;
  if (t.status === 'parked') return ok([]);
  if (t.status !== 'called' && t.status !== 'serving') return fail(refuse.ticketWrongStatus(t.ticketId, t.status, ['called', 'serving']));
  return ok([{ type: 'TicketParked', data: { ...facts(t), counterId: t.counterId, at: context.now } }]);
}

/** A parked ticket goes back to the line at its original place (its joining order is kept). */
export function decideUnpark(command: Unpark, state: QueueState, context: QueueContext): Decision {
  const found = find(state, command.data.ticketId);
  if (!found.ok) return found;
  const t = found.value;
  if (t.status === 'waiting') return ok([]);
  if (t.status !== 'parked') return fail(refuse.ticketWrongStatus(t.ticketId, t.status, ['parked']));
  return ok([{ type: 'TicketUnparked', data: { ...facts(t), at: context.now } }]);
}

function transferServices(t: Ticket, toServiceIds: readonly string[] | undefined): readonly ServiceLine[] {
  if (toServiceIds === undefined) return t.services;
  return [...new Set(toServiceIds)].map((serviceId) => ({ serviceId, quantity: t.services.find((s) => s.serviceId === serviceId)?.quantity ?? 1 }));
}

const sameLines = (a: readonly ServiceLine[], b: readonly ServiceLine[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.serviceId === x.serviceId && y.quantity === x.quantity));

function checkTargetCounter(counterId: string, ticket: Ticket, services: readonly ServiceLine[], state: QueueState, context: QueueContext): DomainError | undefined {
  if (context.catalog.counters[counterId] === undefined) return refuse.counterUnknown(counterId);
  const counter = state.counters[counterId];
  if (counter?.status !== 'open') return refuse.counterClosed(counterId);
  return handlesServices(counter, services) ? undefined : refuse.counterCannotServe(counterId, ticket.ticketId);
}

/**
 * Sends a ticket to other services and/or a particular counter. The ticket goes back to waiting but
 * **keeps its joining order**: at every counter that serves its new services it stands where it would
 * have stood had it asked for them on arrival, so a citizen is never sent to the back of the line for
 * the office's own routing. Its pass-over count starts again, as for any new wait.
 */
export function decideTransfer(command: Transfer, state: QueueState, context: QueueContext): Decision {
  const { ticketId, toServiceIds, toCounterId } = command.data;
  const found = find(state, ticketId);
  if (!found.ok) return found;
  const t = found.value;
  if (t.status === 'completed' || t.status === 'no_show') return fail(refuse.ticketFinished(ticketId, t.status));
  if (toServiceIds === undefined && toCounterId === undefined) return fail(refuse.transferTargetMissing(ticketId));
  const services = transferServices(t, toServiceIds);
  const refusal = validateServices(services, context.catalog) ?? (toCounterId === undefined ? undefined : checkTargetCounter(toCounterId, t, services, state, context));
  if (refusal) return fail(refusal);
  if (t.status === 'waiting' && sameLines(t.services, services) && t.targetCounterId === toCounterId) return ok([]);
  const fromCounterId = t.status === 'waiting' ? undefined : t.counterId;
  const data = {
    ...facts(t),
    ...(fromCounterId === undefined ? {} : { fromCounterId }),
    fromServices: t.services,
    services,
    ...(toCounterId === undefined ? {} : { toCounterId }),
    at: context.now,
  };
  return ok([{ type: 'TicketTransferred', data }]);
}

export function decideStartService(command: StartService, state: QueueState, context: QueueContext): Decision {
  const found = find(state, command.data.ticketId);
  if (!found.ok) return found;
  const t = found.value;
  if (t.status === 'serving') return ok([]);
  if (t.status !== 'called') return fail(refuse.ticketWrongStatus(t.ticketId, t.status, ['called']));
  return ok([{ type: 'ServiceStarted', data: { ...facts(t), counterId: t.counterId, services: t.services, at: context.now } }]);
}

/** Records what was actually done; it may differ from what was asked for (or be nothing at all). */
export function decideCompleteService(command: CompleteService, state: QueueState, context: QueueContext): Decision {
  const found = find(state, command.data.ticketId);
  if (!found.ok) return found;
  const t = found.value;
  if (t.status === 'completed') return ok([]);
  if (t.status !== 'serving') return fail(refuse.ticketWrongStatus(t.ticketId, t.status, ['serving']));
  const { servicesDone } = command.data;
  const refusal = servicesDone.length === 0 ? undefined : validateServices(servicesDone, context.catalog);
  if (refusal) return fail(refusal);
  const data = { ...facts(t), counterId: t.counterId, servicesRequested: t.services, servicesDone, startedAt: t.startedAt, at: context.now };
  return ok([{ type: 'ServiceCompleted', data }]);
}

/** The customer did not come to the counter (called), or did not come back (parked). */
export function decideMarkNoShow(command: MarkNoShow, state: QueueState, context: QueueContext): Decision {
  const found = find(state, command.data.ticketId);
  if (!found.ok) return found;
  const t = found.value;
  if (t.status === 'no_show') return ok([]);
  if (t.status !== 'called' && t.status !== 'parked') return fail(refuse.ticketWrongStatus(t.ticketId, t.status, ['called', 'parked']));
  const calls = t.status === 'called' ? t.calls : 0;
  return ok([{ type: 'TicketNoShow', data: { ...facts(t), counterId: t.counterId, calls, reason: 'marked', at: context.now } }]);
}
