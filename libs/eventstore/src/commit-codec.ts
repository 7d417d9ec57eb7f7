import type { AggregateRef, CommitBody, EventEnvelope, NewEvent, StoredCommit, EventMeta } from './event-envelope';
import type { UpcasterRegistry } from './upcaster-registry';
import { InvalidAppend } from './errors';
import { uuidv7 } from './uuidv7';

/** Builds the stored body of one commit; event ids are UUIDv7 so they sort by creation. */
export function buildCommit(events: readonly NewEvent[], commitId: string, meta: EventMeta, occurredAt: Date): CommitBody {
  if (events.length === 0) throw new InvalidAppend('a commit needs at least one event');
  if (typeof meta?.correlationId !== 'string' || meta.correlationId === '') throw new InvalidAppend('meta.correlationId is required');
  const now = occurredAt.getTime();
  return {
    commitId,
    occurredAt: occurredAt.toISOString(),
    meta,
    events: events.map((e) => {
      if (typeof e.type !== 'string' || e.type === '') throw new InvalidAppend('every event needs a type');
      return { id: uuidv7(now), type: e.type, schemaVersion: e.schemaVersion ?? 1, data: e.data };
    }),
  };
}

/** Unfolds one commit into envelopes, upcast to their newest schema. */
export function toEnvelopes(commit: StoredCommit, upcasters: UpcasterRegistry): EventEnvelope[] {
  const { body, position, aggregate } = commit;
  const out: EventEnvelope[] = [];
  for (const stored of body.events) {
    for (const e of upcasters.upcast(stored)) {
      out.push({
        id: e.id,
        type: e.type,
        schemaVersion: e.schemaVersion,
        occurredAt: body.occurredAt,
        aggregate,
        data: e.data,
        meta: body.meta,
        position,
        version: position,
        commitId: body.commitId,
      });
    }
  }
  return out;
}

/** `<prefix>.<type>.<id>` → {type, id}; the tokens cannot contain dots, so the split is unambiguous. */
export function aggregateFromSubject(subject: string, prefixLength: number): AggregateRef {
  const rest = subject.slice(prefixLength + 1);
  const dot = rest.indexOf('.');
  return { type: rest.slice(0, dot), id: rest.slice(dot + 1) };
}
