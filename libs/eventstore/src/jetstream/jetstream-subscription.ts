import { AckPolicy, DeliverPolicy, NatsError, nanos, type ConsumerConfig, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg, type NatsConnection } from 'nats';
import type { EventEnvelope } from '../event-envelope';
import type { EventHandler, ParkedMessage, SubscribeOptions, Subscription } from '../event-store.port';
import { defaultBackoff, describeError } from '../subscription-policy';
import { aggregateFromSubjectTail } from './subject';
import { readBatches, type RawMessage } from './range-reader';

export interface SubscriptionDeps {
  readonly jsm: JetStreamManager;
  readonly js: JetStreamClient;
  readonly stream: string;
  readonly parkedSubject: string;
  readonly decode: (message: RawMessage) => EventEnvelope[];
}

/** What a parked record holds on the parking stream. */
interface ParkedRecord {
  readonly subscription: string;
  readonly subject: string;
  readonly position: number;
  readonly attempts: number;
  readonly error: { name: string; message: string };
  readonly parkedAt: string;
  /** The original message body, as text, so that even an undecodable message can be inspected. */
  readonly body: string;
}

const decoder = new TextDecoder();

/**
 * A durable pull consumer with explicit acks. The server's own max_deliver is left unlimited: the
 * subscription counts deliveries itself and parks a message after `maxDeliver`, so a message is never
 * dropped silently — even one whose handler crashed the process every time (never acked nor naked).
 */
export class JetStreamSubscription implements Subscription {
  private closed = false;
  private loop: Promise<void> = Promise.resolve();

  private constructor(
    private readonly deps: SubscriptionDeps,
    readonly name: string,
    private readonly handler: EventHandler,
    private readonly maxDeliver: number,
    private readonly backoff: (attempt: number) => number,
    private readonly messages: ConsumerMessages,
  ) {}

  static async start(deps: SubscriptionDeps, name: string, filter: string, handler: EventHandler, opts: SubscribeOptions): Promise<JetStreamSubscription> {
    await ensureDurable(deps, name, filter, opts);
    const consumer = await deps.js.consumers.get(deps.stream, name);
    const messages = await consumer.consume({ max_messages: Math.min(opts.maxAckPending ?? 256, 256) });
    const sub = new JetStreamSubscription(deps, name, handler, opts.maxDeliver ?? 5, opts.backoffMs ?? defaultBackoff, messages);
    sub.loop = sub.run();
    return sub;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.messages.stop();
    // A hanging handler must not hang close(): its message stays unacked and is delivered again.
  }

  async delete(): Promise<void> {
    await this.close();
    await this.deps.jsm.consumers.delete(this.deps.stream, this.name).catch(() => undefined);
  }

  private async run(): Promise<void> {
    for await (const m of this.messages) {
      if (this.closed) return;
      await this.process(m);
    }
  }

  private async process(m: JsMsg): Promise<void> {
    const attempts = m.info.deliveryCount;
    if (attempts > this.maxDeliver) {
      // Earlier deliveries got no answer at all: the handler crashed or hung each time.
      await this.park(m, { name: 'Unanswered', message: `delivered ${attempts} times without an ack` }, attempts);
      return;
    }
    try {
      for (const event of this.deps.decode(m)) {
        await this.handler(event);
        if (this.closed) return;
      }
      m.ack();
    } catch (err) {
      if (this.closed) return;
      if (attempts >= this.maxDeliver) await this.park(m, describeError(err), attempts);
      else m.nak(this.backoff(attempts));
    }
  }

  private async park(m: JsMsg, error: { name: string; message: string }, attempts: number): Promise<void> {
    const record: ParkedRecord = {
      subscription: this.name,
      subject: m.subject,
      position: m.seq,
      attempts,
      error,
      parkedAt: new Date().toISOString(),
      body: decoder.decode(m.data),
    };
    try {
      // The message id makes a park that is retried after a crash land once.
      await this.deps.js.publish(this.deps.parkedSubject, JSON.stringify(record), { msgID: `${this.deps.stream}.${this.name}.${m.seq}` });
      m.term();
    } catch {
      m.nak(this.backoff(attempts)); // could not park: try again later rather than lose the message
    }
  }
}

async function ensureDurable(deps: SubscriptionDeps, name: string, filter: string, opts: SubscribeOptions): Promise<void> {
  try {
    await deps.jsm.consumers.info(deps.stream, name);
    return; // an existing durable resumes where it stopped
  } catch (err) {
    if (!(err instanceof NatsError) || err.api_error?.err_code !== 10014) throw err; // 10014: consumer not found
  }
  await deps.jsm.consumers.add(deps.stream, durableConfig(name, filter, opts));
}

function durableConfig(name: string, filter: string, opts: SubscribeOptions): Partial<ConsumerConfig> {
  const base: Partial<ConsumerConfig> = {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(opts.ackWaitMs ?? 30_000),
    max_deliver: -1,
    max_ack_pending: opts.maxAckPending ?? 256,
    filter_subject: filter,
  };
  const startAt = opts.startAt ?? 'all';
  if (startAt === 'all') return { ...base, deliver_policy: DeliverPolicy.All };
  if (startAt === 'new') return { ...base, deliver_policy: DeliverPolicy.New };
  return { ...base, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: Math.max(1, startAt.position) };
}

export async function listParkedMessages(
  nc: NatsConnection,
  jsm: JetStreamManager,
  stream: string,
  filter: string,
  decode: (message: RawMessage) => EventEnvelope[],
): Promise<ParkedMessage[]> {
  const toSeq = (await jsm.streams.info(stream)).state.last_seq;
  const out: ParkedMessage[] = [];
  const batches = readBatches<ParkedRecord>(nc, jsm, stream, { filter, fromSeq: 1, toSeq }, (raw, records) => records.push(JSON.parse(decoder.decode(raw.data)) as ParkedRecord));
  for await (const records of batches) for (const record of records) out.push(toParked(record, decode));
  return out;
}

function toParked(record: ParkedRecord, decode: (message: RawMessage) => EventEnvelope[]): ParkedMessage {
  let events: EventEnvelope[] = [];
  let commitId = '';
  try {
    events = decode({ subject: record.subject, seq: record.position, data: new TextEncoder().encode(record.body) });
    commitId = events[0]?.commitId ?? '';
  } catch {
    // an undecodable body is exactly what may get parked; it stays readable as text in the stream
  }
  return {
    subscription: record.subscription,
    aggregate: aggregateFromSubjectTail(record.subject),
    position: record.position,
    attempts: record.attempts,
    error: record.error,
    parkedAt: record.parkedAt,
    commitId,
    events,
  };
}
