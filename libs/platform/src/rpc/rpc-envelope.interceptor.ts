import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, map, type Observable, of } from 'rxjs';
import { errorEnvelope, toEnvelope } from './rpc-envelope';

/**
 * Every NATS request is answered with `Result<T, DomainError>`: a returned Result passes as is, any
 * other value becomes `{ ok: true, value }`, and whatever the handler (or a pipe before it) throws
 * becomes `{ ok: false, error }`. HTTP handlers are left alone.
 */
@Injectable()
export class RpcEnvelopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const pattern = patternOf(context);
    return next.handle().pipe(
      map(toEnvelope),
      catchError((thrown: unknown) => of(errorEnvelope(thrown, pattern))),
    );
  }
}

export function patternOf(context: ExecutionContext): string {
  const rpc = context.switchToRpc().getContext<{ getSubject?: () => string } | undefined>();
  return rpc?.getSubject?.() ?? context.getHandler().name;
}
