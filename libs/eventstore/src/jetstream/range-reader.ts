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
  /** Inclusive upper bound; without it, the read ends at the stream's end as it was when reading began. */
  readonly toSeq?: number;
  readonly batchSize?: number;
}

/**
 * Reads a bounded range of a stream in order through a short-lived pull consumer without acks, and
 * yields what `decode` makes of each message.
 *
 * Why not nats.js's ordered consumer: it waits forever when nothing matches, and we need to know where
 * to stop. A consumer created with a filter reports `num_pending` — exactly how many matching messages
 * lie between its start and the stream's end — so the read ends after that many (or at `toSeq`).
 * A gap in the delivery sequence (a lost message) restarts the read after the last sequence seen, as
 * an ordered consumer would. This is the replay hot path: one generator, no delegation, so each item
 * costs one promise hop on top of the consumer's own.
 */
export async function* readRange<T>(
  jsm: JetStreamManager,
  js: JetStreamClient,
  stream: string,
  query: RangeQuery,
  decode: (message: RawMessage) => readonly T[],
): AsyncGenerator<T> {
  const toSeq = query.toSeq ?? Number.MAX_SAFE_INTEGER;
  let cursor = Math.max(1, query.fromSeq ?? 1);
  let fromTime = query.fromTime;
  let remaining: number | undefined;
  while (cursor <= toSeq) {
    const name = `rd_${nuid.next()}`;
    const info = await jsm.consumers.add(stream, consumerConfig(name, query.filter, cursor, fromTime));
    // The first consumer fixes how many messages the read covers. The stream is append-only, so after a
    // restart the same messages are the first `remaining` ones after the cursor; later appends are not read.
    remaining ??= info.num_pending;
    let lastSeq = cursor - 1;
    let gap = false;
    try {
      if (remaining === 0) return;
      const messages = await (await js.consumers.get(stream, name)).consume({ max_messages: query.batchSize ?? 1000 });
      let expectedDelivery = 1;
      try {
        for await (const m of messages) {
          if (m.info.deliverySequence !== expectedDelivery++) {
            gap = true;
            break;
          }
          if (m.seq > toSeq) return;
          lastSeq = m.seq;
          for (const item of decode(m)) yield item;
          if (--remaining === 0 || m.seq >= toSeq) return;
        }
      } finally {
        // Breaking out needs stop(): awaiting close() on a consume() hangs (MEASURED.md).
        messages.stop();
      }
    } finally {
      jsm.consumers.delete(stream, name).catch(() => undefined);
    }
    if (!gap) return;
    // A restart before the first message keeps the time bound; after it, the sequence is the bound.
    if (lastSeq >= cursor) fromTime = undefined;
    cursor = lastSeq + 1;
  }
}

function consumerConfig(name: string, filter: string, fromSeq: number, fromTime: Date | undefined): Partial<ConsumerConfig> {
  const base: Partial<ConsumerConfig> = {
    name,
    ack_policy: AckPolicy.None,
    filter_subject: filter,
    mem_storage: true,
    num_replicas: 1,
    inactive_threshold: nanos(60_000),
  };
  if (fromTime !== undefined) return { ...base, deliver_policy: DeliverPolicy.StartTime, opt_start_time: fromTime.toISOString() };
  return { ...base, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: fromSeq };
}
