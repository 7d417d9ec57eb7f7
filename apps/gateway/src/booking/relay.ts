import type { DomainError, Result } from '@app/domain';
import { DomainException } from '@app/platform';

/** A booking service reply as the HTTP answer: the value, or its refusal thrown for the problem filter. */
export function relay<T>(result: Result<T, DomainError>): T {
  if (!result.ok) throw new DomainException(result.error);
  return result.value;
}

/** `personalausweis:1,anmeldung:2` → service lines; a bad entry is left for the service's validation. */
export function parseServiceLines(text: unknown): { serviceId: string; quantity: number }[] {
  if (typeof text !== 'string' || text.length > 300) return [];
  return text.split(',').filter(Boolean).map((entry) => {
    const [serviceId = '', quantity = '1'] = entry.split(':');
    return { serviceId: serviceId.trim(), quantity: Number(quantity) };
  });
}
