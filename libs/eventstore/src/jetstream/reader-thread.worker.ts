/*
 * The reader thread (see reader-thread.ts): its own NATS connection, bounded range reads by
 * readBatches, each pull batch packed and posted to the thread that asked, at most as many batches
 * ahead as that thread has granted.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { packBatch, transferables } from './packed-batch';
import { readBatches, type RangeQuery, type RawMessage } from './range-reader';
import type { FromReader, ReaderThreadData, ToReader } from './reader-thread';

interface Read {
  credit: number;
  cancelled: boolean;
  wake: (() => void) | undefined;
}

const port = parentPort!;
const { connection, stream } = workerData as ReaderThreadData;
const reads = new Map<number, Read>();
let link: Promise<{ nc: NatsConnection; jsm: JetStreamManager }> | undefined;

const post = (message: FromReader, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
const keep = (message: RawMessage, out: RawMessage[]): void => void out.push(message);

/** Connects on the first read; a failed connection is retried by the next read. */
function linked(): Promise<{ nc: NatsConnection; jsm: JetStreamManager }> {
  link ??= (async () => {
    const nc = await connect({ noAsyncTraces: true, ...connection });
    return { nc, jsm: await nc.jetstreamManager({ checkAPI: false }) };
  })();
  link.catch(() => (link = undefined));
  return link;
}

async function run(id: number, query: RangeQuery, read: Read): Promise<void> {
  try {
    const { nc, jsm } = await linked();
    for await (const messages of readBatches(nc, jsm, stream, query, keep)) {
      while (read.credit === 0 && !read.cancelled) await new Promise<void>((resolve) => (read.wake = resolve));
      if (read.cancelled) return;
      read.credit -= 1;
      const batch = packBatch(messages);
      post({ type: 'batch', id, batch }, transferables(batch));
    }
    post({ type: 'end', id });
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  } finally {
    reads.delete(id);
  }
}

function wake(read: Read | undefined): void {
  const resolve = read?.wake;
  if (read !== undefined) read.wake = undefined;
  resolve?.();
}

port.on('message', (message: ToReader) => {
  switch (message.type) {
    case 'read': {
      const read: Read = { credit: message.credit, cancelled: false, wake: undefined };
      reads.set(message.id, read);
      void run(message.id, message.query, read);
      break;
    }
    case 'credit': {
      const read = reads.get(message.id);
      if (read !== undefined) read.credit += message.batches;
      wake(read);
      break;
    }
    case 'cancel': {
      const read = reads.get(message.id);
      if (read !== undefined) read.cancelled = true;
      wake(read);
      break;
    }
    case 'close':
      for (const read of reads.values()) {
        read.cancelled = true;
        wake(read);
      }
      void (link ?? Promise.resolve(undefined))
        .then((l) => l?.nc.drain())
        .catch(() => undefined)
        .finally(() => port.close());
      break;
  }
});
