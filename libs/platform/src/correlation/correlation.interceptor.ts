import type { ExecutionContext } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import type { MsgHdrs } from 'nats';
import { CORRELATION_HEADER, CorrelationContext } from './correlation-context';

/**
 * The correlation id of a NATS message: the `x-correlation-id` header (set by RpcClient), else
 * `correlationId` / `meta.correlationId` in the payload (events), else a fresh id. RpcEnvelopeInterceptor
 * (and RpcResponder) run the handler inside it; HTTP requests already got theirs from the middleware.
 */
export function rpcCorrelationId(context: ExecutionContext): string {
  const rpc = context.switchToRpc();
  const rpcContext: unknown = rpc.getContext();
  return messageCorrelationId(rpc.getData(), rpcContext instanceof NatsContext ? rpcContext.getHeaders() : undefined);
}

/** The same rule for a bare NATS message: its headers and its decoded payload. */
export function messageCorrelationId(payload: unknown, headers: MsgHdrs | undefined): string {
  return CorrelationContext.acceptOrCreate(headers?.get(CORRELATION_HEADER) || correlationIdIn(payload));
}

function correlationIdIn(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const record = payload as { correlationId?: unknown; meta?: { correlationId?: unknown } };
  return record.correlationId ?? record.meta?.correlationId;
}
