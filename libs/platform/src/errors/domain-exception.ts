import { type DomainError, invalid, isDomainError, unavailable } from '@app/domain';
import { ZodError } from 'zod';

/**
 * A DomainError as something throwable (with a stack and a `cause`) for the places where a refusal has
 * to leave through an exception: a pipe, a guard, a gateway controller relaying a service's answer.
 * Code that can return a Result should return it instead.
 */
export class DomainException extends Error {
  constructor(
    readonly error: DomainError,
    options?: { cause?: unknown },
  ) {
    super(`${error.kind}/${error.code}: ${error.messageEn}`, options);
    this.name = 'DomainException';
  }
}

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** Zod's issues as field errors, the `errors` of problem details and of the `invalid` envelope. */
export function fieldErrorsOf(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

export function validationError(error: ZodError): DomainError {
  const errors = fieldErrorsOf(error);
  return invalid(
    'validation_failed',
    {
      de: `Die Eingabe ist ungültig: ${errors.map((e) => e.path || '(Eingabe)').join(', ')}.`,
      en: `The input is invalid: ${errors.map((e) => e.path || '(input)').join(', ')}.`,
    },
    { errors },
  );
}

export const INTERNAL_ERROR: DomainError = unavailable('internal_error', {
  de: 'Der Dienst ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.',
  en: 'The service is unavailable at the moment. Please try again later.',
});

/**
 * What a thrown value means to a caller, or undefined when it is an unexpected failure (a bug or a
 * dependency down) that should be logged and answered as `unavailable` without its inner details.
 */
export function knownDomainError(thrown: unknown): DomainError | undefined {
  if (thrown instanceof DomainException) return thrown.error;
  if (thrown instanceof ZodError) return validationError(thrown);
  if (isDomainError(thrown)) return thrown;
  return undefined;
}
