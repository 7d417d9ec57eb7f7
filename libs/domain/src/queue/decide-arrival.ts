import type { DomainError } from '../shared/domain-error';
import { fail, ok, type Result } from '../shared/result';
import type { QueueCatalogView, QueueContext } from './catalog-view';
import type { CheckIn, IssueWalkIn } from './commands';
import type { QueueEvent, ServiceLine } from './events';
import { queueRefusals as refuse } from './refusals';
import { nextTicketNumber, type QueueState } from './state';

type Decision = Result<readonly QueueEvent[], DomainError>;
const MINUTE = 60_000;

/** Services must be known to the catalogue, with whole quantities of at least one. */
export function validateServices(services: readonly ServiceLine[], catalog: QueueCatalogView): DomainError | undefined {
  if (services.length === 0) return refuse.servicesEmpty();
  for (const line of services) {
    if (catalog.services[line.serviceId] === undefined) return refuse.serviceUnknown(line.serviceId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1) return refuse.quantityInvalid(line.serviceId, line.quantity);
  }
  return undefined;
}

function validatePriority(priority: number, catalog: QueueCatalogView): DomainError | undefined {
  const max = catalog.rules.maxPriority;
  return Number.isInteger(priority) && priority >= 0 && priority <= max ? undefined : refuse.priorityInvalid(priority, max);
}

/**
 * Check-in of a booked appointment. Idempotent by appointment: a second check-in returns nothing new.
 * More than `lateAfterMinutes` late, the customer gets a walk-in ticket (their slot is gone) whatever
 * the walk-in rules of the services, since they did book. Early, the ticket waits and becomes due at
 * start minus `earlyGraceMinutes`.
 */
export function decideCheckIn(command: CheckIn, state: QueueState, context: QueueContext): Decision {
  const { appointmentId, reference, appointmentStart, services } = command.data;
  if (state.byAppointment[appointmentId] !== undefined) return ok([]);
  const priority = command.data.priority ?? 0;
  const invalidInput = validateServices(services, context.catalog) ?? validatePriority(priority, context.catalog);
  if (invalidInput) return fail(invalidInput);
  const { now, catalog } = context;
  const base = { ticketId: context.newId(), seq: state.lastSeq + 1, services, priority, at: now };
  const appointment = { appointmentId, reference, start: appointmentStart };
  if (now - appointmentStart > catalog.rules.lateAfterMinutes * MINUTE) {
    const minutesLate = Math.floor((now - appointmentStart) / MINUTE);
    const number = nextTicketNumber(state, 'walk_in');
    return ok([{ type: 'WalkInTicketIssued', data: { ...base, number, kind: 'walk_in', reason: 'late_for_appointment', appointment: { ...appointment, minutesLate } } }]);
  }
  const dueAt = appointmentStart - catalog.rules.earlyGraceMinutes * MINUTE;
  const number = nextTicketNumber(state, 'booked');
  return ok([{ type: 'BookedCustomerCheckedIn', data: { ...base, number, kind: 'booked', appointment, dueAt, minutesEarly: Math.floor((appointmentStart - now) / MINUTE) } }]);
}

/** A walk-in ticket, only for services that may be done without an appointment. */
export function decideIssueWalkIn(command: IssueWalkIn, state: QueueState, context: QueueContext): Decision {
  const { services, requestId } = command.data;
  if (requestId !== undefined && state.byRequest[requestId] !== undefined) return ok([]);
  const priority = command.data.priority ?? 0;
  const invalidInput = validateServices(services, context.catalog) ?? validatePriority(priority, context.catalog);
  if (invalidInput) return fail(invalidInput);
  const notWalkIn = services.find((s) => !context.catalog.services[s.serviceId].walkInAllowed);
  if (notWalkIn) return fail(refuse.serviceNotWalkIn(notWalkIn.serviceId));
  const data = {
    ticketId: context.newId(),
    number: nextTicketNumber(state, 'walk_in'),
    kind: 'walk_in' as const,
    seq: state.lastSeq + 1,
    services,
    priority,
    reason: 'walk_in' as const,
    at: context.now,
    ...(requestId === undefined ? {} : { requestId }),
  };
  return ok([{ type: 'WalkInTicketIssued', data }]);
}
