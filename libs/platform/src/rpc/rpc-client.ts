import { type DomainError, fail, isDomainError, type Result, unavailable } from '@app/domain';
import { Logger } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { createInbox, headers as natsHeaders, type Msg, type MsgHdrs, type NatsConnection, type Subscription } from 'nats';
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
 * connection of the ClientProxy, through one wildcard reply inbox (ReplyInbox) instead of the
 * ClientProxy's SUB + UNSUB of a fresh inbox and an rxjs pipeline per request.
 */
export class RpcClient {
  private readonly logger = new Logger('RpcClient');
  private readonly proxy: NatsProxy;
  private inbox: ReplyInbox | undefined;
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
  private inboxOn(connection: NatsConnection): ReplyInbox {
    if (this.inbox?.connection !== connection) {
      this.inbox?.close();
      this.inbox = new ReplyInbox(connection, this.timeoutMs);
    }
    return this.inbox;
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

interface Pending {
  readonly resolve: (msg: Msg) => void;
  readonly reject: (err: Error) => void;
  readonly subject: string;
  readonly deadline: number;
}

/**
 * Requests over one wildcard inbox subscription, as the event store's RequestMux does for JetStream.
 * nats.js's `request` builds an Error with a stack trace per call (async traces) and a NatsError
 * "cancelled" even on success, and arms a timer per request: that NatsError alone was 2.3 % of the
 * gateway's CPU in a profile under the booking load. Here a reply is a map lookup, and timeouts are swept a few
 * times per timeout period, so a request may fail up to a quarter of the timeout (at most 250 ms) late.
 */
class ReplyInbox {
  private readonly pending = new Map<string, Pending>();
  private readonly prefix = `${createInbox()}.`;
  private readonly subscription: Subscription;
  private readonly sweeper: NodeJS.Timeout;
  private next = 0;

  constructor(
    readonly connection: NatsConnection,
    timeoutMs: number,
  ) {
    this.subscription = connection.subscribe(`${this.prefix}*`, { callback: (_err, msg) => this.settle(msg) });
    // At most every 250 ms, so that a caller's shorter timeout (a health probe's) is kept closely too.
    this.sweeper = setInterval(() => this.sweep(Date.now()), Math.min(250, Math.max(10, Math.floor(timeoutMs / 4))));
    this.sweeper.unref();
  }

  request(subject: string, data: string, headers: MsgHdrs, timeoutMs: number): Promise<Msg> {
    const token = (this.next++).toString(36);
    return new Promise<Msg>((resolve, reject) => {
      this.pending.set(token, { resolve, reject, subject, deadline: Date.now() + timeoutMs });
      try {
        this.connection.publish(subject, data, { reply: this.prefix + token, headers });
      } catch (err) {
        this.pending.delete(token);
        reject(err as Error);
      }
    });
  }

  close(): void {
    clearInterval(this.sweeper);
    if (!this.subscription.isClosed()) this.subscription.unsubscribe();
    for (const p of this.pending.values()) p.reject(new Error(`request on ${p.subject} ended: connection replaced`));
    this.pending.clear();
  }

  private settle(msg: Msg | undefined): void {
    if (msg === undefined) return;
    const token = msg.subject.slice(this.prefix.length);
    const pending = this.pending.get(token);
    if (pending === undefined) return; // a late reply after its timeout
    this.pending.delete(token);
    // The server answers a request nobody listens to with an empty 503 status message.
    if (msg.headers?.code === 503 && msg.data.length === 0) pending.reject(new Error(`no responders on ${pending.subject}`));
    else pending.resolve(msg);
  }

  private sweep(now: number): void {
    for (const [token, p] of this.pending) {
      if (p.deadline > now) continue;
      this.pending.delete(token);
      p.reject(new Error(`no reply on ${p.subject} in time`));
    }
  }
}
