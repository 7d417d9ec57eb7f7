import { AckPolicy, DeliverPolicy, nanos, nuid, type JetStreamClient, type JetStreamManager, type ConsumerConfig } from 'nats';

export interface RawMessage {
  readonly subject: string;
  readonly seq: number;
  readonly data: Uint8Array;
}

export interface RangeQuery {
  readonly filter: string;
  readonly fromSeq?: number;
  readonly fromTime?: Date;
  /** Inclusive upper bound. */
  readonly toSeq: number;
  readonly batchSize?: number;
}

/**
 * Reads a bounded range of a stream in order through a short-lived pull consumer without acks.
 *
 * Why not nats.js's ordered consumer: it waits forever when nothing matches, and we need to know where
 * to stop. A consumer created with a filter reports `num_pending` — exactly how many matching messages
 * lie between its start and the stream's end — so the read ends after that many (or at `toSeq`).
 * Pull batches also replay faster than the ordered consumer (MEASURED.md). A gap in the delivery
 * sequence (a lost message) restarts the read from the last sequence seen, as an ordered consumer would.
 */
export async function* readRange(jsm: JetStreamManager, js: JetStreamClient, stream: string, query: RangeQuery): AsyncGenerator<RawMessage> {
  let cursor = query.fromSeq ?? 1;
  let fromTime = query.fromTime;
  while (fromTime !== undefined || cursor <= query.toSeq) {
    const result = yield* readOnce(jsm, js, stream, { ...query, fromSeq: cursor, fromTime });
    if (result.done) return;
    // A restart before the first message keeps the time bound; after it, the sequence is the bound.
    if (result.lastSeq >= cursor) fromTime = undefined;
    cursor = result.lastSeq + 1;
  }
}

async function* readOnce(jsm: JetStreamManager, js: JetStreamClient, stream: string, query: RangeQuery): AsyncGenerator<RawMessage, { done: boolean; lastSeq: number }> {
  const name = `rd_${nuid.next()}`;
  const info = await jsm.consumers.add(stream, consumerConfig(name, query));
  let lastSeq = (query.fromSeq ?? 1) - 1;
  try {
    let remaining = info.num_pending;
    if (remaining === 0) return { done: true, lastSeq };
    const consumer = await js.consumers.get(stream, name);
    const messages = await consumer.consume({ max_messages: query.batchSize ?? 1000 });
    let expectedDelivery = 1;
    try {
      for await (const m of messages) {
        if (m.info.deliverySequence !== expectedDelivery) return { done: false, lastSeq };
        expectedDelivery += 1;
        if (m.seq > query.toSeq) return { done: true, lastSeq };
        lastSeq = m.seq;
        yield { subject: m.subject, seq: m.seq, data: m.data };
        remaining -= 1;
        if (remaining === 0 || m.seq >= query.toSeq) return { done: true, lastSeq };
      }
    } finally {
      // Breaking out needs stop(): awaiting close() on a consume() hangs (MEASURED.md).
      messages.stop();
    }
    return { done: false, lastSeq };
  } finally {
    jsm.consumers.delete(stream, name).catch(() => undefined);
  }
}

function consumerConfig(name: string, query: RangeQuery): Partial<ConsumerConfig> {
  const base: Partial<ConsumerConfig> = {
    name,
    ack_policy: AckPolicy.None,
    filter_subject: query.filter,
    mem_storage: true,
    num_replicas: 1,
    inactive_threshold: nanos(60_000),
  };
  if (query.fromTime !== undefined) {
    return { ...base, deliver_policy: DeliverPolicy.StartTime, opt_start_time: query.fromTime.toISOString() };
  }
  return { ...base, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: Math.max(1, query.fromSeq ?? 1) };
}
