import { type DomainError, fail, isDomainError, type Result, unavailable } from '@app/domain';
import { Logger } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { RequestMux } from '@app/eventstore';
import { headers as natsHeaders, type NatsConnection } from 'nats';
import { CORRELATION_HEADER, CorrelationContext } from '../correlation/correlation-context';
import { isResult } from './rpc-envelope';

export const RPC_PROXY = Symbol('RPC_PROXY');

/** What a Nest NATS server answers to a request (`{ id, response | err, isDisposed }`). */
interface NestReply {
  readonly response?: unknown;
  readonly err?: unknown;
}

/** The parts of Nest's ClientNats (and our NamespacedNatsClient) that RpcClient uses. */
interface NatsProxy {
  connect(): Promise<NatsConnection>;
  normalizePattern(pattern: string): string;
}

/**
 * Request/reply with Nest's NATS services that always resolves to a Result: a service's refusal comes
 * back as its DomainError, and silence (timeout, no NATS, no responder) as `unavailable`, so a caller
 * handles one shape and never a hanging promise. The current correlation id travels in the
 * `x-correlation-id` header.
 *
 * It speaks Nest's NATS wire format (`{ pattern, data, id }` in, `{ id, response | err }` out) over the
 * connection of the ClientProxy, through one wildcard reply inbox (the event store's RequestMux) instead
 * of the ClientProxy's SUB + UNSUB of a fresh inbox and an rxjs pipeline per request, and of nats.js's
 * `request`, whose Error with a stack and "cancelled" NatsError per call were 2.3 % of the gateway's CPU
 * in a profile under the booking load.
 */
export class RpcClient {
  private readonly logger = new Logger('RpcClient');
  private readonly proxy: NatsProxy;
  private inbox: { connection: NatsConnection; mux: RequestMux } | undefined;
  private nextId = 0;

  constructor(
    proxy: ClientProxy,
    private readonly timeoutMs: number,
  ) {
    this.proxy = proxy as unknown as NatsProxy;
  }

  async request<T>(pattern: string, payload: unknown, options: { timeoutMs?: number } = {}): Promise<Result<T, DomainError>> {
    const header = natsHeaders();
    header.set(CORRELATION_HEADER, CorrelationContext.currentId() ?? CorrelationContext.acceptOrCreate(undefined));
    // Nest's server answers a packet with an `id` (any string) and treats one without as an event.
    const packet = JSON.stringify({ pattern, data: payload ?? null, id: String((this.nextId += 1)) });
    let reply: NestReply;
    try {
      const inbox = this.inboxOn(await this.proxy.connect());
      const message = await inbox.request(this.proxy.normalizePattern(pattern), packet, header, options.timeoutMs ?? this.timeoutMs);
      reply = JSON.parse(message.string()) as NestReply;
    } catch (thrown) {
      this.logger.warn({ pattern, err: thrown }, `Request ${pattern} failed`);
      return fail(notAnswered(pattern, 'service_unavailable'));
    }
    return this.resultOf<T>(pattern, reply);
  }

  /** One inbox per connection: a proxy closed and connected again brings a new one. */
  private inboxOn(connection: NatsConnection): RequestMux {
    if (this.inbox?.connection !== connection) {
      this.inbox?.mux.close();
      this.inbox = { connection, mux: new RequestMux(connection, this.timeoutMs) };
    }
    return this.inbox.mux;
  }

  private resultOf<T>(pattern: string, reply: NestReply): Result<T, DomainError> {
    if (reply.err !== undefined && reply.err !== null) {
      // A handler without the envelope interceptor may still throw a DomainError: pass it on.
      if (isDomainError(reply.err)) return fail(reply.err);
      this.logger.warn({ pattern, err: reply.err }, `Request ${pattern} failed`);
      return fail(notAnswered(pattern, 'service_unavailable'));
    }
    if (isResult(reply.response)) return reply.response as Result<T, DomainError>;
    this.logger.warn({ pattern }, `Reply to ${pattern} is not a Result envelope`);
    return fail(notAnswered(pattern, 'malformed_reply'));
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
