import { createInbox, type Msg, type MsgHdrs, type NatsConnection, type Subscription } from 'nats';
import { EventStoreError } from '../errors';

/** No reply within the timeout (the server or the stream is slow, or the connection is down). */
export class RequestTimeout extends EventStoreError {
  constructor(subject: string, timeoutMs: number) {
    super('request_timeout', `no reply on ${subject} within ${timeoutMs} ms`);
  }
}

/** Nobody listens on the subject (for JetStream: no stream holds it, or JetStream is off). */
export class NoResponders extends EventStoreError {
  constructor(subject: string) {
    super('no_responders', `no responders on ${subject}`);
  }
}

interface Pending {
  readonly resolve: (msg: Msg) => void;
  readonly reject: (err: Error) => void;
  readonly subject: string;
  readonly deadline: number;
  readonly timeoutMs: number;
}

/**
 * Request/reply over one wildcard inbox subscription, for the event store's hot path (appends and
 * direct gets). nats.js's `request` builds a `NatsError` with a stack on every call, even on success
 * (it rejects the settled promise with "cancelled"), and arms a timer per request; together with the
 * JetStream client's generator wrapper that was a tenth of a busy booking process. Here a reply is a
 * map lookup, and timeouts are swept a few times per timeout period (at least every 250 ms, so a
 * caller's shorter timeout, a health probe's, is kept closely too), so a request may fail up to a quarter
 * of `timeoutMs` (at most 250 ms) late. The gateway's RpcClient uses it for service requests as well.
 */
export class RequestMux {
  private readonly pending = new Map<string, Pending>();
  private readonly prefix = `${createInbox()}.`;
  private readonly sub: Subscription;
  private readonly sweeper: NodeJS.Timeout;
  private next = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly timeoutMs: number,
  ) {
    this.sub = nc.subscribe(`${this.prefix}*`, { callback: (_err, msg) => this.settle(msg) });
    this.sweeper = setInterval(() => this.sweep(Date.now()), Math.min(250, Math.max(10, Math.floor(timeoutMs / 4))));
    this.sweeper.unref();
  }

  /** `timeoutMs` overrides the mux's own for this request. */
  request(subject: string, data: Uint8Array | string, headers?: MsgHdrs, timeoutMs = this.timeoutMs): Promise<Msg> {
    const token = (this.next++).toString(36);
    return new Promise<Msg>((resolve, reject) => {
      this.pending.set(token, { resolve, reject, subject, deadline: Date.now() + timeoutMs, timeoutMs });
      try {
        this.nc.publish(subject, data, { reply: this.prefix + token, headers });
      } catch (err) {
        this.pending.delete(token);
        reject(err);
      }
    });
  }

  get inFlight(): number {
    return this.pending.size;
  }

  /** Stops listening; requests still waiting fail at once. */
  close(): void {
    clearInterval(this.sweeper);
    if (!this.sub.isClosed()) this.sub.unsubscribe();
    for (const p of this.pending.values()) p.reject(new EventStoreError('closed', `request on ${p.subject} ended: connection closing`));
    this.pending.clear();
  }

  private settle(msg: Msg | undefined): void {
    if (msg === undefined) return;
    const token = msg.subject.slice(this.prefix.length);
    const pending = this.pending.get(token);
    if (pending === undefined) return; // late reply after its timeout
    this.pending.delete(token);
    // The server answers a request nobody listens to with an empty 503 status message.
    if (msg.headers?.code === 503 && msg.data.length === 0) pending.reject(new NoResponders(pending.subject));
    else pending.resolve(msg);
  }

  private sweep(now: number): void {
    for (const [token, p] of this.pending) {
      if (p.deadline > now) continue;
      this.pending.delete(token);
      p.reject(new RequestTimeout(p.subject, p.timeoutMs));
    }
  }
}
