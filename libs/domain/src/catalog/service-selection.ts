import { invalid, notFound, ruleViolation, type DomainError } from '../shared/domain-error';
import { fail, ok, type Result } from '../shared/result';
import type { Catalog, Office, Service } from './catalog.schema';
import { findService, someCounterHandles } from './office-schedule';

/** One line of a booking: a service and how many of it (persons or documents). */
export interface ServiceLine {
  readonly serviceId: string;
  readonly quantity: number;
}

export interface ServiceSelection {
  readonly services: readonly ServiceLine[];
  /** Counter time of the whole appointment: the sum of minutes × quantity. */
  readonly minutes: number;
}

/**
 * Checks a set of services for one online appointment: known, bookable online, quantities allowed,
 * combinable with each other and handled together at some counter of the office.
 */
export function selectServices(catalog: Catalog, office: Office, lines: readonly ServiceLine[]): Result<ServiceSelection, DomainError> {
  if (lines.length === 0) return fail(invalid('no_services', { de: 'Bitte wählen Sie mindestens eine Leistung.', en: 'Please choose at least one service.' }));
  const services: Service[] = [];
  for (const line of lines) {
    const checked = checkLine(catalog, line, services);
    if (!checked.ok) return checked;
    services.push(checked.value);
  }
  const pair = firstIncompatiblePair(services);
  if (pair) {
    return fail(ruleViolation('not_combinable', {
      de: `„${pair[0].name.de}“ und „${pair[1].name.de}“ können nicht in einem Termin erledigt werden.`,
      en: `"${pair[0].name.en}" and "${pair[1].name.en}" cannot be combined in one appointment.`,
    }, { serviceIds: [pair[0].id, pair[1].id] }));
  }
  if (!someCounterHandles(office, services.map((s) => s.id))) {
    return fail(ruleViolation('service_not_offered', {
      de: 'Diese Leistungen werden an diesem Standort nicht gemeinsam angeboten.',
      en: 'This office does not offer these services together.',
    }, { officeId: office.id }));
  }
  const minutes = lines.reduce((sum, line, i) => sum + services[i].minutes * line.quantity, 0);
  return ok({ services: lines.map((l) => ({ serviceId: l.serviceId, quantity: l.quantity })), minutes });
}

function checkLine(catalog: Catalog, line: ServiceLine, earlier: readonly Service[]): Result<Service, DomainError> {
  const service = findService(catalog, line.serviceId);
  if (!service) return fail(notFound('unknown_service', { de: 'Diese Leistung gibt es nicht.', en: 'This service does not exist.' }, { serviceId: line.serviceId }));
  if (earlier.some((s) => s.id === service.id)) {
    return fail(invalid('duplicate_service', { de: 'Jede Leistung nur einmal angeben, bitte mit Anzahl.', en: 'List each service once, with a quantity.' }, { serviceId: service.id }));
  }
  if (!Number.isInteger(line.quantity) || line.quantity < 1) {
    return fail(invalid('invalid_quantity', { de: 'Die Anzahl muss eine ganze Zahl ab 1 sein.', en: 'The quantity must be a whole number of at least 1.' }, { serviceId: service.id }));
  }
  if (line.quantity > service.maxQuantity) {
    return fail(ruleViolation('quantity_too_high', {
      de: `„${service.name.de}“ kann höchstens ${service.maxQuantity}-mal in einem Termin beantragt werden.`,
      en: `"${service.name.en}" can be requested at most ${service.maxQuantity} times in one appointment.`,
    }, { serviceId: service.id, maxQuantity: service.maxQuantity }));
  }
  if (!service.bookableOnline) {
    return fail(ruleViolation('not_bookable_online', {
      de: `„${service.name.de}“ ist nicht online buchbar. Bitte kommen Sie ohne Termin vorbei.`,
      en: `"${service.name.en}" cannot be booked online. Please come without an appointment.`,
    }, { serviceId: service.id }));
  }
  return ok(service);
}

function firstIncompatiblePair(services: readonly Service[]): [Service, Service] | undefined {
  for (let i = 0; i < services.length; i++) {
    for (let j = i + 1; j < services.length; j++) {
      const [a, b] = [services[i], services[j]];
      if (!a.combinableWith.includes(b.id) && !b.combinableWith.includes(a.id)) return [a, b];
    }
  }
  return undefined;
}

