import { headers, type JetStreamClient, type NatsConnection } from 'nats';
import { RequestMux } from '@app/eventstore';

/** One acknowledged append with an expected last subject sequence; resolves to the stream sequence. */
export type RawAppend = (subject: string, payload: Uint8Array, msgId: string, expectedLastSubjectSequence: number) => Promise<number>;

/**
 * The raw ceiling of an acked JetStream append, two ways, so a benchmark can take the faster: nats.js's
 * `js.publish`, and the same message (same headers) as a plain request over one wildcard inbox — the
 * cheaper path our event store itself uses. Comparing our append with only the slower of the two would
 * flatter us.
 */
export function rawAppenders(nc: NatsConnection, js: JetStreamClient): { publish: RawAppend; mux: RawAppend; close: () => void } {
  const mux = new RequestMux(nc, 10_000);
  return {
    publish: async (subject, payload, msgId, expected) => (await js.publish(subject, payload, { msgID: msgId, expect: { lastSubjectSequence: expected } })).seq,
    mux: async (subject, payload, msgId, expected) => {
      const h = headers();
      h.set('Nats-Msg-Id', msgId);
      h.set('Nats-Expected-Last-Subject-Sequence', String(expected));
      const reply = await mux.request(subject, payload, h);
      const ack = JSON.parse(Buffer.from(reply.data).toString('utf8')) as { seq?: number; error?: { description: string } };
      if (ack.seq === undefined) throw new Error(`raw append refused: ${ack.error?.description ?? 'no sequence'}`);
      return ack.seq;
    },
    close: () => mux.close(),
  };
}
