import { readFileSync } from 'node:fs';
import { parseCatalog, type Catalog } from '@app/domain';
import { JetStreamEventStore } from '@app/eventstore';
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
export function openEventLog(nc: NatsConnection, streamName: string, subjectPrefix: string): Promise<JetStreamEventStore> {
  return JetStreamEventStore.create(nc, { streamName, subjectPrefix });
}
