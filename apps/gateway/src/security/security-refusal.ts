import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { DomainError, ErrorKind } from '@app/domain';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  too_many: 429,
  unavailable: 503,
};

const TITLE: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

export function statusOf(error: DomainError): number {
  return STATUS[error.kind];
}

/** RFC 9457 problem details; `detail` is German (the office's language), `detailEn` English. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  detailEn: string;
  code: string;
  details?: Readonly<Record<string, unknown>>;
  instance?: string;
}

export function toProblem(error: DomainError, status = statusOf(error), instance?: string): Problem {
  const problem: Problem = {
    type: 'about:blank',
    title: TITLE[status] ?? 'Error',
    status,
    detail: error.message,
    detailEn: error.messageEn,
    code: error.code,
  };
  if (error.details !== undefined) problem.details = error.details;
  if (instance !== undefined) problem.instance = instance;
  return problem;
}

export function sendProblem(res: Response, problem: Problem, headers: Readonly<Record<string, string>> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/**
 * Thrown by the security guards (never by services) so that a refusal carries its stable code and the
 * headers it needs (`Retry-After`). Guards cannot return a body, and Nest turns a plain `false` into 403.
 */
export class SecurityRefusal extends Error {
  constructor(
    readonly error: DomainError,
    readonly headers: Readonly<Record<string, string>> = {},
    options?: { cause?: unknown },
  ) {
    super(error.messageEn, options);
    this.name = 'SecurityRefusal';
  }
}

/**
 * Renders a `SecurityRefusal` as problem+json. The platform's global DomainError → problem mapping may
 * take over; until then, register this one (`app.useGlobalFilters(new SecurityRefusalFilter())`).
 */
@Catch(SecurityRefusal)
export class SecurityRefusalFilter implements ExceptionFilter<SecurityRefusal> {
  catch(refusal: SecurityRefusal, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<{ originalUrl?: string }>();
    sendProblem(res, toProblem(refusal.error, statusOf(refusal.error), req.originalUrl), refusal.headers);
  }
}
