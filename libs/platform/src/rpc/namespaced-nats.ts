import { fail, invalid, type Result } from '@app/domain';
import { Logger } from '@nestjs/common';
import { ClientNats, type NatsOptions, ServerNats } from '@nestjs/microservices';
import type { Msg, NatsConnection as NatsClientConnection, Subscription } from 'nats';
import { messageCorrelationId } from '../correlation/correlation.interceptor';
import { CorrelationContext } from '../correlation/correlation-context';
import { errorEnvelope, toEnvelope } from './rpc-envelope';

/**
 * Request/reply subjects can live under a namespace (`<ns>.booking.hold.place`). One NATS server then
 * carries several independent systems — parallel test files, two CI runs, a demo beside a dev system —
 * without one answering the other's requests. Handlers keep their plain patterns (`booking.hold.place`);
 * only the wire subject changes. The empty namespace is the plain subject.
 */
export function rpcSubject(namespace: string, pattern: string): string {
  return namespace === '' ? pattern : `${namespace}.${pattern}`;
}

export const RPC_NAMESPACE_PATTERN = /^([A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*)?$/;

type NestNatsConnection = { subscribe(subject: string, opts: { queue?: string; callback: (err: unknown, msg: unknown) => void }): unknown };

/** Nest's NATS server, subscribed to the namespaced subjects; handlers are found by their plain pattern. */
export class NamespacedNatsServer extends ServerNats {
  private readonly defaultQueue: string | undefined;

  constructor(
    private readonly namespace: string,
    options: NatsOptions['options'],
  ) {
    super(options ?? {});
    this.defaultQueue = options?.queue;
  }

  override bindEvents(client: NestNatsConnection): void {
    for (const [pattern, handler] of this.messageHandlers) {
      const queue = (handler.extras?.['queue'] as string | undefined) ?? this.defaultQueue;
      const subscription = client.subscribe(rpcSubject(this.namespace, pattern), {
        queue,
        callback: this.getMessageHandler(pattern).bind(this),
      });
      (this as unknown as { subscriptions: unknown[] }).subscriptions.push(subscription);
    }
  }
}

/** Nest's NATS client, publishing to the namespaced subjects. Options carry `rpcNamespace`. */
export class NamespacedNatsClient extends ClientNats {
  private readonly namespace: string;

  constructor(options: NatsOptions['options'] & { rpcNamespace?: string }) {
    super(options ?? {});
    this.namespace = options?.rpcNamespace ?? '';
  }

  protected override normalizePattern(pattern: Parameters<ClientNats['normalizePattern']>[0]): string {
    return rpcSubject(this.namespace, super.normalizePattern(pattern));
  }
}

/** A request/reply handler: the request's `data` in, a Result (or any value, sent as a success) out. */
export type RpcRoute = (data: unknown) => unknown;

export interface RpcResponderOptions {
  readonly namespace: string;
  /** Queue group: the instances of one service share its requests. */
  readonly queue?: string;
}

const logger = new Logger('RpcResponder');
const MALFORMED_REQUEST = invalid('malformed_request', { de: 'Die Anfrage ist kein gültiges JSON.', en: 'The request is not valid JSON.' });

/**
 * Request/reply handlers served straight from NATS subscriptions, for a service's hot subjects. The
 * contract is that of a Nest `@MessagePattern` behind RpcEnvelopeInterceptor, on the wire of Nest's NATS
 * transport (`{ id, pattern, data }` in, `{ id, response, isDisposed }` out), so RpcClient calls either
 * alike: the handler runs in the message's correlation context, a returned Result passes as is, another
 * value becomes a success, anything thrown becomes the error envelope (a ZodError: `validation_failed`).
 *
 * Why not Nest's server: per request it builds an execution context, runs the interceptor chain
 * (two `AsyncResource.bind`, each with two `util.deprecate` wrappers), several rxjs defer/mergeAll/from
 * layers and the serializer: ≈ 17 % of the booking process's CPU in a profile under the booking bench.
 * Serving booking.* from here cut its CPU per booking from 0.51 to 0.40 ms (two same-time A/B runs).
 */
export class RpcResponder {
  private readonly subscriptions: Subscription[] = [];
  private inFlight = 0;
  private whenIdle: (() => void) | undefined;

  constructor(
    private readonly nc: NatsClientConnection,
    private readonly options: RpcResponderOptions,
  ) {}

  serve(routes: Readonly<Record<string, RpcRoute>>): void {
    for (const [pattern, route] of Object.entries(routes)) {
      const subject = rpcSubject(this.options.namespace, pattern);
      this.subscriptions.push(this.nc.subscribe(subject, { queue: this.options.queue, callback: (err, msg) => err || void this.answer(pattern, route, msg) }));
    }
  }

  /** Takes no more requests and waits for those being answered (before their dependencies close). */
  async close(): Promise<void> {
    for (const subscription of this.subscriptions.splice(0)) if (!subscription.isClosed()) subscription.unsubscribe();
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.whenIdle = resolve));
  }

  private async answer(pattern: string, route: RpcRoute, msg: Msg): Promise<void> {
    if (!msg.reply) return; // an event, not a request: these subjects are request/reply only
    this.inFlight += 1;
    try {
      const packet = parsePacket(msg.data);
      const response = packet ? await CorrelationContext.run(messageCorrelationId(packet.data, msg.headers), () => envelopeOf(route, packet.data, pattern)) : fail(MALFORMED_REQUEST);
      msg.respond(JSON.stringify({ id: packet?.id, response, isDisposed: true }));
    } catch (err) {
      // Only the reply itself can throw here (connection closed or draining): the caller times out.
      logger.warn({ err, pattern }, `Reply on ${pattern} not sent`);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.whenIdle?.();
    }
  }
}

function parsePacket(data: Uint8Array): { id?: unknown; data?: unknown } | undefined {
  try {
    const packet: unknown = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
    return typeof packet === 'object' && packet !== null ? packet : undefined;
  } catch {
    return undefined;
  }
}

async function envelopeOf(route: RpcRoute, data: unknown, pattern: string): Promise<Result<unknown>> {
  try {
    return toEnvelope(await route(data));
  } catch (thrown) {
    return errorEnvelope(thrown, pattern);
  }
}
