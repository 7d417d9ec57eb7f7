import { notFound, type DomainError } from '../shared/domain-error';
import { fail, ok, type Result } from '../shared/result';
import type { Catalog, Language } from './catalog.schema';
import { findService } from './office-schedule';
import type { ServiceLine } from './service-selection';

/**
 * What a citizen must bring, for confirmation emails and the booking page: the documents of all
 * services, each named once even when several services ask for it (deduplicated on the German text,
 * so both languages list the same items).
 */
export function documentsToBring(catalog: Catalog, lines: readonly ServiceLine[], language: Language): string[] {
  const seen = new Map<string, string>();
  for (const line of lines) {
    for (const doc of findService(catalog, line.serviceId)?.documents ?? []) {
      if (!seen.has(doc.de)) seen.set(doc.de, doc[language]);
    }
  }
  return [...seen.values()];
}

export interface FeeLine {
  readonly serviceId: string;
  readonly quantity: number;
  readonly reducedQuantity: number;
  readonly cents: number;
}

export interface Fee {
  readonly totalCents: number;
  readonly lines: readonly FeeLine[];
}

/**
 * Fees to pay at the counter, in euro cents. `reducedUnder24` says per service how many of the units
 * are for applicants under 24 (reduced fee where the service has one; more than the quantity is capped).
 */
export function feeFor(catalog: Catalog, lines: readonly ServiceLine[], reducedUnder24: Readonly<Record<string, number>> = {}): Result<Fee, DomainError> {
  const out: FeeLine[] = [];
  for (const line of lines) {
    const service = findService(catalog, line.serviceId);
    if (!service) return fail(notFound('unknown_service', { de: 'Diese Leistung gibt es nicht.', en: 'This service does not exist.' }, { serviceId: line.serviceId }));
    const reducedPrice = service.fee.reducedUnder24Cents;
    const reducedQuantity = reducedPrice === undefined ? 0 : Math.min(line.quantity, Math.max(0, reducedUnder24[line.serviceId] ?? 0));
    const cents = (line.quantity - reducedQuantity) * service.fee.cents + reducedQuantity * (reducedPrice ?? 0);
    out.push({ serviceId: line.serviceId, quantity: line.quantity, reducedQuantity, cents });
  }
  return ok({ totalCents: out.reduce((sum, l) => sum + l.cents, 0), lines: out });
}
