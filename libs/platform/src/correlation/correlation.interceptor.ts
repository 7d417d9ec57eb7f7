import type { ExecutionContext } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { CORRELATION_HEADER, CorrelationContext } from './correlation-context';

/**
 * The correlation id of a NATS message: the `x-correlation-id` header (set by RpcClient), else
 * `correlationId` / `meta.correlationId` in the payload (events), else a fresh id. RpcEnvelopeInterceptor
 * runs the handler inside it; HTTP requests already got theirs from the middleware.
 */
export function rpcCorrelationId(context: ExecutionContext): string {
  const rpc = context.switchToRpc();
  return CorrelationContext.acceptOrCreate(correlationIdOf(rpc.getData(), rpc.getContext()));
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
