import { randomBytes } from 'node:crypto';
import { sequences, sequencesAfter } from '@app/eventstore/jetstream/range-reader';
import { AckPolicy, DeliverPolicy, createInbox, nanos, type JetStreamClient, type JetStreamManager, type NatsConnection } from 'nats';

/**
 * Raw ceilings for reading a stream's first `last` messages as bytes, nothing decoded: the three ways
 * nats.js offers. A benchmark reports the fastest as "raw" (BENCHMARKS.md: ours ÷ the best raw read).
 */
export interface RawReads {
  /** nats.js ordered consumer, `consume()` iterator. */
  readonly ordered: number;
  /** Pull consumer without acks, `consume({ max_messages: 1000 })` iterator. */
  readonly pull: number;
  /** Pull consumer without acks, plain `MSG.NEXT` requests of `batch` on one inbox, callback per message. */
  readonly corePull: number;
}

export async function rawReads(nc: NatsConnection, jsm: JetStreamManager, js: JetStreamClient, stream: string, last: number, batch = 1000): Promise<RawReads> {
  return { ordered: await rawOrderedRead(js, stream, last), pull: await rawPullRead(jsm, js, stream, last), corePull: await rawCorePullRead(nc, jsm, stream, last, batch) };
}

export const bestRaw = (r: RawReads): number => Math.max(r.ordered, r.pull, r.corePull);

const parsed = (data: Uint8Array): number => (JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')) === null ? 0 : 1);

const rate = (count: number, started: bigint) => count / (Number(process.hrtime.bigint() - started) / 1e9);

export async function rawOrderedRead(js: JetStreamClient, stream: string, last: number): Promise<number> {
  const started = process.hrtime.bigint();
  const consumer = await js.consumers.get(stream, { opt_start_seq: 1 });
  const messages = await consumer.consume({ max_messages: 1000 });
  let bytes = 0;
  for await (const m of messages) {
    bytes += m.data.length;
    if (m.seq >= last) break;
  }
  messages.stop();
  await consumer.delete().catch(() => undefined);
  return bytes > 0 ? rate(last, started) : 0;
}

/** `parse`: also JSON.parse each body (where decoding alone would put us). */
export async function rawPullRead(jsm: JetStreamManager, js: JetStreamClient, stream: string, last: number, parse = false): Promise<number> {
  const started = process.hrtime.bigint();
  const name = await addConsumer(jsm, stream);
  const messages = await (await js.consumers.get(stream, name)).consume({ max_messages: 1000 });
  let bytes = 0;
  for await (const m of messages) {
    bytes += parse ? parsed(m.data) : m.data.length;
    if (m.seq >= last) break;
  }
  messages.stop();
  await jsm.consumers.delete(stream, name).catch(() => undefined);
  return bytes > 0 ? rate(last, started) : 0;
}

/** Two requests of `batch` in flight; the sequence comes from the reply subject, as nats.js reads it. */
export async function rawCorePullRead(nc: NatsConnection, jsm: JetStreamManager, stream: string, last: number, batch: number, parse = false): Promise<number> {
  const started = process.hrtime.bigint();
  const name = await addConsumer(jsm, stream);
  const inbox = createInbox();
  const next = `$JS.API.CONSUMER.MSG.NEXT.${stream}.${name}`;
  const ackPrefix = `$JS.ACK.${stream}.${name}.`;
  const request = () => nc.publish(next, JSON.stringify({ batch, expires: nanos(5000) }), { reply: inbox });
  let bytes = 0;
  let received = 0;
  await new Promise<void>((resolve, reject) => {
    const sub = nc.subscribe(inbox, {
      callback: (err, m) => {
        // Headers are parsed only for a message without a body (a status): the same saving our reader makes.
        if (err !== null || (m.data.length === 0 && (m.headers?.code ?? 0) !== 0)) return reject(err ?? new Error(m.headers!.status));
        // The sequence read in place, as our reader reads it (no split per message).
        const reply = m.reply!;
        const seq = reply.startsWith(ackPrefix) ? sequencesAfter(reply, ackPrefix.length)[0] : sequences(reply)[0];
        bytes += parse ? parsed(m.data) : m.data.length;
        if (++received % batch === 0) request();
        if (seq >= last) {
          sub.unsubscribe();
          resolve();
        }
      },
    });
    request();
    request();
  });
  await jsm.consumers.delete(stream, name).catch(() => undefined);
  return bytes > 0 ? rate(last, started) : 0;
}

async function addConsumer(jsm: JetStreamManager, stream: string): Promise<string> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  await jsm.consumers.add(stream, { name, ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All, mem_storage: true, inactive_threshold: nanos(60_000) });
  return name;
}
