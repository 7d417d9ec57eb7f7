import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { DomainError } from '@app/domain';
import type { Response } from 'express';
import { of, type Observable } from 'rxjs';
import { CORRELATION_HEADER, CorrelationContext } from '../correlation/correlation-context';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, toProblemDetails } from '../http/problem-details';
import { errorEnvelope } from '../rpc/rpc-envelope';
import { INTERNAL_ERROR, knownDomainError } from './domain-exception';

/**
 * The last line for errors that escaped a handler (guards run outside interceptors): over NATS the
 * caller still gets an error envelope, never silence; over HTTP an RFC 9457 problem.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(thrown: unknown, host: ArgumentsHost): Observable<unknown> | void {
    if (host.getType() === 'rpc') {
      const subject = host.switchToRpc().getContext<{ getSubject?: () => string } | undefined>()?.getSubject?.();
      return of(errorEnvelope(thrown, subject ?? 'unknown'));
    }
    if (host.getType() !== 'http') throw thrown;
    const response = host.switchToHttp().getResponse<Response>();
    const correlationId = CorrelationContext.currentId() ?? String(response.getHeader(CORRELATION_HEADER) ?? '');
    const problem = this.problemOf(thrown, correlationId || undefined);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).json(problem);
  }

  private problemOf(thrown: unknown, correlationId: string | undefined): ProblemDetails {
    const known = knownDomainError(thrown);
    if (known) return toProblemDetails(known, correlationId);
    if (thrown instanceof HttpException) return toProblemDetails(fromHttpException(thrown), correlationId, thrown.getStatus());
    this.logger.error({ err: thrown }, 'Unhandled error in HTTP request');
    return toProblemDetails(INTERNAL_ERROR, correlationId, 500);
  }
}

/** Nest's own refusals (unknown route, malformed JSON body) in the same shape as ours. */
function fromHttpException(exception: HttpException): DomainError {
  const status = exception.getStatus();
  const en = exception.message;
  const de = status === 404 ? 'Diese Adresse gibt es nicht.' : status < 500 ? 'Die Anfrage ist ungültig.' : 'Ein interner Fehler ist aufgetreten.';
  const kind = status === 404 ? 'not_found' : status < 500 ? 'invalid' : 'unavailable';
  return { kind, code: `http_${status}`, message: de, messageEn: en };
}
