import type { AggregateRef, CommitBody, EventEnvelope, EventMeta, NewEvent, StoredCommit, StoredEvent } from './event-envelope';
import type { UpcasterRegistry } from './upcaster-registry';
import { InvalidAppend } from './errors';
import { uuidv7 } from './uuidv7';

/** Builds the stored body of one commit; event ids are UUIDv7 so they sort by creation. */
// Appends in the same millisecond share one ISO string: formatting a date costs as much as a UUID.
let isoOf = { ms: Number.NaN, iso: '' };
function isoString(date: Date): string {
  const ms = date.getTime();
  if (ms !== isoOf.ms) isoOf = { ms, iso: date.toISOString() };
  return isoOf.iso;
}

export function buildCommit(events: readonly NewEvent[], commitId: string, meta: EventMeta, occurredAt: Date): CommitBody {
  if (events.length === 0) throw new InvalidAppend('a commit needs at least one event');
  if (typeof meta?.correlationId !== 'string' || meta.correlationId === '') throw new InvalidAppend('meta.correlationId is required');
  const now = occurredAt.getTime();
  return {
    commitId,
    occurredAt: isoString(occurredAt),
    meta,
    events: events.map((e) => {
      if (typeof e.type !== 'string' || e.type === '') throw new InvalidAppend('every event needs a type');
      return { id: uuidv7(now), type: e.type, schemaVersion: e.schemaVersion ?? 1, data: e.data };
    }),
  };
}

/** Unfolds one commit into envelopes, upcast to their newest schema. */
export function toEnvelopes(commit: StoredCommit, upcasters: UpcasterRegistry): EventEnvelope[] {
  const out: EventEnvelope[] = [];
  pushEnvelopes(out, commit.body, commit.position, commit.aggregate, upcasters);
  return out;
}

/**
 * Appends one commit's envelopes to `out`: the replay hot path, so no intermediate arrays, and no
 * upcaster call at all while none is registered.
 */
export function pushEnvelopes(out: EventEnvelope[], body: CommitBody, position: number, aggregate: AggregateRef, upcasters: UpcasterRegistry): void {
  const events = body.events;
  const plain = upcasters.size === 0;
  for (let i = 0; i < events.length; i++) {
    const stored = events[i]!;
    if (plain) out.push(envelope(stored, body, position, aggregate));
    else for (const e of upcasters.upcast(stored)) out.push(envelope(e, body, position, aggregate));
  }
}

function envelope(e: StoredEvent, body: CommitBody, position: number, aggregate: AggregateRef): EventEnvelope {
  return {
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
  };
}

/** `<prefix>.<type>.<id>` → {type, id}; the tokens cannot contain dots, so the split is unambiguous. */
export function aggregateFromSubject(subject: string, prefixLength: number): AggregateRef {
  const rest = subject.slice(prefixLength + 1);
  const dot = rest.indexOf('.');
  return { type: rest.slice(0, dot), id: rest.slice(dot + 1) };
}
