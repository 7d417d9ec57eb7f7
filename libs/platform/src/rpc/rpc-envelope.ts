import { type DomainError, fail, isDomainError, ok, type Result } from '@app/domain';
import { Logger } from '@nestjs/common';
import { INTERNAL_ERROR, knownDomainError } from '../errors/domain-exception';

/** A reply is already an envelope when it is a Result; anything else a handler returns is a success value. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const candidate = value as { ok: unknown; value?: unknown; error?: unknown };
  return (candidate.ok === true && 'value' in candidate) || (candidate.ok === false && isDomainError(candidate.error));
}

export function toEnvelope(value: unknown): Result<unknown> {
  return isResult(value) ? value : ok(value ?? null);
}

const logger = new Logger('Rpc');

/**
 * The error envelope for anything a handler threw. Known refusals go back as they are; an unexpected
 * failure is logged here (where it is handled) and the caller learns only that the service could not
 * answer, never the internals.
 */
export function errorEnvelope(thrown: unknown, pattern: string): Result<never, DomainError> {
  const known = knownDomainError(thrown);
  if (known) return fail(known);
  logger.error({ err: thrown, pattern }, `Handler for ${pattern} failed`);
  return fail(INTERNAL_ERROR);
}
