/** Who and what caused a commit; travels from the request into every event of it and every log line. */
export interface EventMeta {
  readonly correlationId: string;
  readonly causationId?: string;
  readonly actor?: string;
}

export interface AggregateRef {
  readonly type: string;
  readonly id: string;
}

/** One event as read from the store, after upcasting to its newest schema version. */
export interface EventEnvelope<T extends string = string, D = unknown> {
  readonly id: string; // UUIDv7
  readonly type: T;
  readonly schemaVersion: number;
  readonly occurredAt: string; // ISO 8601, UTC
  readonly aggregate: AggregateRef;
  readonly data: D;
  readonly meta: EventMeta;
  /** Global position: the stream sequence of the commit that carried this event. */
  readonly position: number;
  /** Aggregate version after this commit; equal to `position`, since a version is a stream sequence. */
  readonly version: number;
  /** The commit (one message, one command) this event belongs to. */
  readonly commitId: string;
}

export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  readonly schemaVersion?: number;
}

/** An event as stored inside a commit, before upcasting. */
export interface StoredEvent {
  readonly id: string;
  readonly type: string;
  /** Absent means 1 (format 2 writes it only when it is not 1). */
  readonly schemaVersion?: number;
  readonly data: unknown;
}

/**
 * The body of one stream message: all events one command produced, as JSON (the log is the audit
 * record, so it stays readable). The aggregate is not repeated because the subject already names it.
 *
 * Two formats are read; the store writes format 2 (see commit-codec.ts for why):
 * - format 1: `{"commitId","occurredAt","meta","events":[{"id","type","schemaVersion","data"}]}`;
 * - format 2: the same keys, but `commitId` only when the caller chose it (else it is derived from the
 *   first event's id) and `schemaVersion` only when it is not 1.
 */
export interface CommitBody {
  readonly commitId?: string;
  readonly occurredAt: string;
  readonly meta: EventMeta;
  readonly events: readonly StoredEvent[];
}

/** A commit as read back: its body plus where it sits in the log. */
export interface StoredCommit {
  readonly position: number;
  readonly aggregate: AggregateRef;
  readonly body: CommitBody;
}

const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/** Aggregate types and ids become subject tokens: no dots, wildcards or spaces may slip in. */
export function isValidToken(value: string): boolean {
  return TOKEN.test(value);
}
