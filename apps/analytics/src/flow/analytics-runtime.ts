import { readFileSync } from 'node:fs';
import { parseCatalog, type Catalog } from '@app/domain';
import { JetStreamEventStore } from '@app/eventstore';
import { NATS_RECONNECT } from '@app/platform';
import type { NatsConnection } from 'nats';

/** Reads the catalogue file once at boot; a broken file stops the start with the path that is wrong. */
export function loadCatalog(path: string): Catalog {
  const parsed = parseCatalog(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error.messageEn}`);
  return parsed.value;
}

/**
 * The event log, read only. `ensureStreams` stays on so that a fresh machine where analytics starts
 * first still answers (an empty period) instead of failing on a missing stream; creating the stream is
 * idempotent and uses the same settings as every writer.
 */
export function openEventLog(nc: NatsConnection, log: { streamName: string; subjectPrefix: string; natsUrl: string }): Promise<JetStreamEventStore> {
  // Long replays take messages off the connection on a reader thread with its own connection (see
  // libs/eventstore reader-thread.ts): the same server, reconnecting as the platform's connection does.
  const readerConnection = { servers: log.natsUrl, name: 'analytics-reader', ...NATS_RECONNECT };
  return JetStreamEventStore.create(nc, { streamName: log.streamName, subjectPrefix: log.subjectPrefix, readerConnection });
}
