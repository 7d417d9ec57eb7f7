import type { DomainError } from './domain-error';

/**
 * The outcome of a decision or a request. The same shape travels between services as the NATS reply
 * envelope (`{ ok: true, value }` / `{ ok: false, error }`), so it must stay plain, serialisable data.
 */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E = DomainError>(error: E): Result<never, E> => ({ ok: false, error });

export function isOk<T, E>(result: Result<T, E>): result is { ok: true; value: T } {
  return result.ok;
}
