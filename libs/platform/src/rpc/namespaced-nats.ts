import { ClientNats, type NatsOptions, ServerNats } from '@nestjs/microservices';

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
