import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { DomainError } from '@app/domain';
import { CORRELATION_HEADER, PROBLEM_CONTENT_TYPE, httpStatusOf, toProblemDetails, type ProblemDetails } from '@app/platform';

export function statusOf(error: DomainError): number {
  return httpStatusOf(error.kind);
}

/**
 * The platform's problem details (German `detail`, English `detail_en`, `type` per code), so that a
 * refusal by the gateway's own guards (captcha, rate limit, body) has the same shape as a service's;
 * plus what only these refusals carry: `details` (e.g. `retryAfterSeconds`, `limitBytes`) and `instance`.
 */
export interface Problem extends ProblemDetails {
  details?: Readonly<Record<string, unknown>>;
  instance?: string;
}

export function toProblem(error: DomainError, status = statusOf(error), instance?: string): Problem {
  const problem: Problem = { ...toProblemDetails(error, undefined, status) };
  if (error.details !== undefined) problem.details = error.details;
  if (instance !== undefined) problem.instance = instance;
  return problem;
}

/** Sends the problem with the request's correlation id (the correlation middleware has set the header). */
export function sendProblem(res: Response, problem: Problem, headers: Readonly<Record<string, string>> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  const correlationId = res.getHeader(CORRELATION_HEADER);
  const body = typeof correlationId === 'string' && problem.correlationId === undefined ? { ...problem, correlationId } : problem;
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
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
