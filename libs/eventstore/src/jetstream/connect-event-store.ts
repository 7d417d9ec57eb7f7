import { connect, type ConnectionOptions } from 'nats';
import { JetStreamEventStore, type JetStreamEventStoreOptions } from './jetstream-event-store';

export interface ConnectEventStoreOptions extends JetStreamEventStoreOptions {
  readonly servers: string | string[];
  /** Connection name shown by the server (`nats server report connections`). */
  readonly name?: string;
  readonly connection?: Omit<ConnectionOptions, 'servers' | 'name'>;
}

/**
 * Opens its own NATS connection and binds an event store to it; close() drains the connection.
 *
 * `noAsyncTraces` (overridable): with it on, nats.js builds an `Error` with a stack for every request
 * (twice: the caller's trace and a ready-made timeout), about a tenth of a busy booking process's CPU.
 * A failed request still rejects with its NatsError and code; only the caller's frames are missing.
 */
export async function connectEventStore(options: ConnectEventStoreOptions): Promise<JetStreamEventStore> {
  const connection: ConnectionOptions = { noAsyncTraces: true, ...options.connection, servers: options.servers, name: options.name ?? 'eventstore' };
  const nc = await connect(connection);
  try {
    return await JetStreamEventStore.create(nc, { readerConnection: readerConnectionOf(connection), ...options }, true);
  } catch (err) {
    await nc.close();
    throw err;
  }
}

/** The store's own connection settings for its reader thread, under its own name; functions cannot cross threads. */
function readerConnectionOf(connection: ConnectionOptions): ConnectionOptions {
  const plain = Object.fromEntries(Object.entries(connection).filter(([, value]) => typeof value !== 'function'));
  return { ...plain, name: `${connection.name ?? 'eventstore'}-reader` };
}
