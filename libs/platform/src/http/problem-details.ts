import { assertNever, type DomainError, type ErrorKind } from '@app/domain';
import type { FieldError } from '../errors/domain-exception';

/** The one place that maps a DomainError kind to an HTTP status. */
export function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'rule':
      return 422;
    case 'too_many':
      return 429;
    case 'unavailable':
      return 503;
    default:
      return assertNever(kind);
  }
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** RFC 9457 problem details, with German `detail` (the office's language) and English `detail_en`. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly detail_en: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
  readonly correlationId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** `type` is a stable, dereferenceable-looking URN per code; clients branch on `code`. */
export function toProblemDetails(error: DomainError, correlationId?: string, status = httpStatusOf(error.kind)): ProblemDetails {
  const errors = fieldErrors(error.details?.['errors']);
  return {
    type: `urn:schalter:problem:${error.code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: error.message,
    detail_en: error.messageEn,
    code: error.code,
    ...(errors ? { errors } : {}),
    ...(correlationId ? { correlationId } : {}),
  };
}

function fieldErrors(candidate: unknown): FieldError[] | undefined {
  if (!Array.isArray(candidate)) return undefined;
  return candidate.filter((e): e is FieldError => typeof e?.path === 'string' && typeof e?.message === 'string');
}
