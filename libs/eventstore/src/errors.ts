import type { AggregateRef } from './event-envelope';

/** Base of every error the event store throws; `code` is stable and may be branched on. */
export class EventStoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The aggregate moved on since the version the command decided on: reload, decide again. */
export class ConcurrencyConflict extends EventStoreError {
  constructor(
    readonly aggregate: AggregateRef,
    readonly expectedVersion: number,
    options?: { cause?: unknown },
  ) {
    super('concurrency_conflict', `${aggregate.type}/${aggregate.id}: expected version ${expectedVersion} is stale`, options);
  }
}

export class InvalidAggregateRef extends EventStoreError {
  constructor(aggregate: AggregateRef) {
    super('invalid_aggregate_ref', `aggregate type and id must match [A-Za-z0-9_-]{1,128}: ${aggregate.type}/${aggregate.id}`);
  }
}

export class InvalidAppend extends EventStoreError {
  constructor(message: string) {
    super('invalid_append', message);
  }
}

/** Thrown by an upcaster chain that does not end (a registration mistake, found at first read). */
export class UpcastLoop extends EventStoreError {
  constructor(type: string, schemaVersion: number) {
    super('upcast_loop', `upcasting ${type} v${schemaVersion} did not end`);
  }
}

/** JetStream refused a request (other than a stale expected version, which is a ConcurrencyConflict). */
export class JetStreamApiError extends EventStoreError {
  constructor(
    subject: string,
    readonly apiError: { readonly code: number; readonly err_code?: number; readonly description?: string },
  ) {
    super('jetstream_api_error', `JetStream refused ${subject}: ${apiError.code} ${apiError.err_code ?? ''} ${apiError.description ?? ''}`.trim());
  }
}
