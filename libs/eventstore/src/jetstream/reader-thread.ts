import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ConnectionOptions } from 'nats';
import type { PackedBatch } from './packed-batch';
import { DEFAULT_BATCH, type RangeQuery } from './range-reader';

/*
 * A long replay spends about as much CPU taking messages off the connection (nats.js's protocol parser,
 * a Msg per message, the reply subject) as on decoding and projecting them, and on one thread the two
 * take turns. The reader thread does the first half on another core, over a NATS connection of its own,
 * and hands over whole pull batches as transferred buffers (packed-batch.ts); the calling thread keeps
 * decoding, upcasting and whatever the caller does with the events, so nothing about the events changes.
 *
 * One thread per store, started by the first off-thread read and kept (starting it costs tens of
 * milliseconds, more under ts-node), several reads at once multiplexed by id. It does not keep the
 * process alive while no read is running.
 */

export interface ReaderThreadData {
  /** Structured-cloneable: no functions (an `authenticator` cannot cross into the thread). */
  readonly connection: ConnectionOptions;
  readonly stream: string;
}

export type ToReader =
  | { readonly type: 'read'; readonly id: number; readonly query: RangeQuery; readonly credit: number }
  | { readonly type: 'credit'; readonly id: number; readonly batches: number }
  | { readonly type: 'cancel'; readonly id: number }
  | { readonly type: 'close' };

export type FromReader =
  | { readonly type: 'batch'; readonly id: number; readonly batch: PackedBatch }
  | { readonly type: 'end'; readonly id: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/**
 * Messages the thread may read ahead of the caller, per read, in whole batches (at least two). A deep
 * buffer keeps the three busy threads of a replay (caller, reader, nats-server) from waiting on each
 * other after every pause of one of them: over 300k events, 3 batches of 1,000 gave a median of
 * 0.42–0.46 of the raw read, 8 gave 0.55–0.63, 16 and 32 no more. 8,000 messages of ~400 bytes are ~3 MB.
 */
const READ_AHEAD_MESSAGES = 8000;
/** How long close() lets the thread drain its connection before stopping it. */
const CLOSE_GRACE_MS = 1000;

const WORKER_FILE = join(__dirname, `reader-thread.worker${extname(__filename)}`);
/**
 * The thread's entry. Built output is JavaScript; under ts-node (benchmarks, the replay command) the
 * thread inherits its require hook, and under jest it registers one, since the file is TypeScript there.
 */
const BOOT = `
const file = ${JSON.stringify(WORKER_FILE)};
if (file.endsWith('.ts') && require.extensions['.ts'] === undefined) require('ts-node').register({ transpileOnly: true });
require(file);
`;

export class ReaderThread {
  private worker: Worker | undefined;
  private readonly inboxes = new Map<number, Inbox>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly data: ReaderThreadData) {}

  /** The range's pull batches, packed, in order; ends when the range is read. */
  async *read(query: RangeQuery): AsyncGenerator<PackedBatch> {
    if (this.closed) throw new Error('the event store is closed');
    const worker = this.started();
    const id = this.nextId++;
    const inbox = new Inbox();
    this.inboxes.set(id, inbox);
    worker.ref();
    const credit = Math.max(2, Math.ceil(READ_AHEAD_MESSAGES / (query.batchSize ?? DEFAULT_BATCH)));
    worker.postMessage({ type: 'read', id, query, credit } satisfies ToReader);
    let ended = false;
    try {
      for (let batch = await inbox.next(); batch !== undefined; batch = await inbox.next()) {
        worker.postMessage({ type: 'credit', id, batches: 1 } satisfies ToReader);
        yield batch;
      }
      ended = true;
    } finally {
      this.inboxes.delete(id);
      if (!ended && this.worker === worker) worker.postMessage({ type: 'cancel', id } satisfies ToReader);
      if (this.inboxes.size === 0) worker.unref();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (worker === undefined) return;
    this.failAll(new Error('the event store was closed during the read'));
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies ToReader);
    const grace = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
    await exited;
    clearTimeout(grace);
  }

  private started(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(BOOT, { eval: true, workerData: this.data, name: `eventstore-reader ${this.data.stream}` });
    worker.on('message', (message: FromReader) => this.inboxes.get(message.id)?.accept(message));
    worker.on('error', (err) => this.lost(worker, err));
    worker.on('exit', (code) => this.lost(worker, new Error(`the event store's reader thread stopped (exit code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** The thread died: its reads fail, and the next read starts a new one. */
  private lost(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(err);
  }

  private failAll(err: Error): void {
    for (const inbox of this.inboxes.values()) inbox.accept({ type: 'error', id: 0, message: err.message });
  }
}

/** What the thread sent for one read, until the caller takes it. */
class Inbox {
  private readonly batches: PackedBatch[] = [];
  private ended = false;
  private error: Error | undefined;
  private wake: (() => void) | undefined;

  accept(message: FromReader): void {
    if (message.type === 'batch') this.batches.push(message.batch);
    else if (message.type === 'end') this.ended = true;
    else this.error ??= new Error(`event log read failed: ${message.message}`);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async next(): Promise<PackedBatch | undefined> {
    for (;;) {
      if (this.error !== undefined) throw this.error;
      const batch = this.batches.shift();
      if (batch !== undefined) return batch;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}
