import { type DomainError, fail, isDomainError, type Result, unavailable } from '@app/domain';
import { Logger } from '@nestjs/common';
import { type ClientProxy, NatsRecordBuilder } from '@nestjs/microservices';
import { headers as natsHeaders } from 'nats';
import { firstValueFrom, timeout } from 'rxjs';
import { CORRELATION_HEADER, CorrelationContext } from '../correlation/correlation-context';
import { isResult } from './rpc-envelope';

export const RPC_PROXY = Symbol('RPC_PROXY');

/**
 * Request/reply over Nest's NATS ClientProxy that always resolves to a Result: a service's refusal
 * comes back as its DomainError, and silence (timeout, no NATS, no responder) as `unavailable`, so a
 * caller handles one shape and never a hanging promise. The current correlation id travels in the
 * `x-correlation-id` header.
 */
export class RpcClient {
  private readonly logger = new Logger('RpcClient');

  constructor(
    private readonly proxy: ClientProxy,
    private readonly timeoutMs: number,
  ) {}

  async request<T>(pattern: string, payload: unknown, options: { timeoutMs?: number } = {}): Promise<Result<T, DomainError>> {
    const header = natsHeaders();
    header.set(CORRELATION_HEADER, CorrelationContext.currentId() ?? CorrelationContext.acceptOrCreate(undefined));
    const record = new NatsRecordBuilder(payload ?? null).setHeaders(header).build();
    try {
      const reply = await firstValueFrom(this.proxy.send<unknown>(pattern, record).pipe(timeout(options.timeoutMs ?? this.timeoutMs)));
      if (isResult(reply)) return reply as Result<T, DomainError>;
      this.logger.warn({ pattern }, `Reply to ${pattern} is not a Result envelope`);
      return fail(notAnswered(pattern, 'malformed_reply'));
    } catch (thrown) {
      // A handler without the envelope interceptor may still throw a DomainError: pass it on.
      if (isDomainError(thrown)) return fail(thrown);
      this.logger.warn({ pattern, err: thrown }, `Request ${pattern} failed`);
      return fail(notAnswered(pattern, 'service_unavailable'));
    }
  }
}

function notAnswered(pattern: string, code: string): DomainError {
  const service = pattern.split('.')[0];
  return unavailable(
    code,
    {
      de: `Der Dienst „${service}“ antwortet gerade nicht. Bitte versuchen Sie es gleich noch einmal.`,
      en: `The ${service} service is not answering. Please try again shortly.`,
    },
    { pattern },
  );
}
