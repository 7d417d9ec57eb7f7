import { conflict, invalid, notFound, ruleViolation, type DomainError } from '../shared/domain-error';
import type { TicketStatus } from './state';

/**
 * Every refusal of the queue, with its stable code. German first (the office's language), English second.
 * Codes are part of the API: clients branch on them, so they never change meaning.
 */
export const queueRefusals = {
  servicesEmpty: (): DomainError =>
    invalid('services_empty', { de: 'Es wurde keine Dienstleistung angegeben.', en: 'No service was given.' }),
  serviceUnknown: (serviceId: string): DomainError =>
    invalid('service_unknown', { de: `Die Dienstleistung „${serviceId}“ ist unbekannt.`, en: `Unknown service "${serviceId}".` }, { serviceId }),
  quantityInvalid: (serviceId: string, quantity: number): DomainError =>
    invalid('quantity_invalid', { de: 'Die Anzahl muss eine ganze Zahl ab 1 sein.', en: 'The quantity must be a whole number of at least 1.' }, { serviceId, quantity }),
  priorityInvalid: (priority: number, maxPriority: number): DomainError =>
    invalid('priority_invalid', { de: `Die Vorrangstufe muss zwischen 0 und ${maxPriority} liegen.`, en: `The priority level must be between 0 and ${maxPriority}.` }, { priority, maxPriority }),
  serviceNotWalkIn: (serviceId: string): DomainError =>
    ruleViolation('service_not_walk_in', { de: `Für „${serviceId}“ ist ein Termin nötig; ohne Termin ist das nicht möglich.`, en: `"${serviceId}" needs an appointment; it is not available to walk-ins.` }, { serviceId }),
  counterUnknown: (counterId: string): DomainError =>
    notFound('counter_unknown', { de: `Den Schalter „${counterId}“ gibt es nicht.`, en: `There is no counter "${counterId}".` }, { counterId }),
  counterClosed: (counterId: string): DomainError =>
    ruleViolation('counter_closed', { de: `Der Schalter „${counterId}“ ist geschlossen.`, en: `Counter "${counterId}" is closed.` }, { counterId }),
  counterBusy: (counterId: string, ticketId: string, number: string): DomainError =>
    conflict('counter_busy', { de: `Am Schalter „${counterId}“ ist noch ${number} aufgerufen oder in Bedienung.`, en: `Counter "${counterId}" is still busy with ${number}.` }, { counterId, ticketId, number }),
  counterCannotServe: (counterId: string, ticketId: string): DomainError =>
    ruleViolation('counter_cannot_serve', { de: `Der Schalter „${counterId}“ bearbeitet die Anliegen dieser Wartenummer nicht.`, en: `Counter "${counterId}" does not handle this ticket's services.` }, { counterId, ticketId }),
  nothingWaiting: (counterId: string, waitingElsewhere: number): DomainError =>
    ruleViolation('nothing_waiting', { de: 'Für diesen Schalter wartet niemand.', en: 'Nobody is waiting for this counter.' }, { counterId, waitingElsewhere }),
  ticketUnknown: (ticketId: string): DomainError =>
    notFound('ticket_unknown', { de: 'Diese Wartenummer gibt es heute nicht.', en: 'There is no such ticket today.' }, { ticketId }),
  ticketWrongStatus: (ticketId: string, status: TicketStatus, expected: readonly TicketStatus[]): DomainError =>
    conflict(`ticket_not_${expected.join('_or_')}`, {
      de: `Die Wartenummer ist im Zustand „${STATUS_DE[status]}“; dafür muss sie ${expected.map((s) => `„${STATUS_DE[s]}“`).join(' oder ')} sein.`,
      en: `The ticket is ${status}; this needs it to be ${expected.join(' or ')}.`,
    }, { ticketId, status, expected }),
  ticketFinished: (ticketId: string, status: TicketStatus): DomainError =>
    conflict('ticket_finished', { de: `Die Wartenummer ist bereits abgeschlossen („${STATUS_DE[status]}“).`, en: `The ticket is already finished (${status}).` }, { ticketId, status }),
  recallTooSoon: (ticketId: string, secondsLeft: number): DomainError =>
    ruleViolation('recall_too_soon', { de: `Ein erneuter Aufruf ist erst in ${secondsLeft} Sekunden möglich.`, en: `The ticket can be called again in ${secondsLeft} seconds.` }, { ticketId, secondsLeft }),
  transferTargetMissing: (ticketId: string): DomainError =>
    invalid('transfer_target_missing', { de: 'Bitte eine Dienstleistung oder einen Schalter als Ziel angeben.', en: 'Give a service or a counter to transfer to.' }, { ticketId }),
};

const STATUS_DE: Record<TicketStatus, string> = {
  waiting: 'wartend',
  called: 'aufgerufen',
  serving: 'in Bedienung',
  parked: 'zurückgestellt',
  completed: 'erledigt',
  no_show: 'nicht erschienen',
};
