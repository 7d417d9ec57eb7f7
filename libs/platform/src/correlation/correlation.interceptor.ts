import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { CORRELATION_HEADER, CorrelationContext } from './correlation-context';

/**
 * Runs a NATS message handler inside the correlation context of the message: the `x-correlation-id`
 * header (set by RpcClient), else `correlationId` / `meta.correlationId` in the payload (events),
 * else a fresh id. HTTP requests already got theirs from the middleware.
 */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const correlationId = CorrelationContext.acceptOrCreate(correlationIdOf(context.switchToRpc().getData(), context.switchToRpc().getContext()));
    return new Observable((subscriber) => CorrelationContext.run(correlationId, () => next.handle().subscribe(subscriber)));
  }
}

function correlationIdOf(payload: unknown, rpcContext: unknown): unknown {
  if (rpcContext instanceof NatsContext) {
    const fromHeader = rpcContext.getHeaders()?.get(CORRELATION_HEADER);
    if (fromHeader) return fromHeader;
  }
  if (typeof payload !== 'object' || payload === null) return undefined;
  const record = payload as { correlationId?: unknown; meta?: { correlationId?: unknown } };
  return record.correlationId ?? record.meta?.correlationId;
}
