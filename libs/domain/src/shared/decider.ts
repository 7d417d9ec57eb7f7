import type { Result } from './result';
import type { DomainError } from './domain-error';

/**
 * A domain event as a decider sees it: a past-tense business fact. The event store wraps it in an
 * envelope (id, occurredAt, aggregate, meta); the domain never sees the envelope, so any time a rule
 * needs is part of `data` (decide has `now` in its context and writes it into the event).
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * Pure decision logic for one aggregate type. `decide` returns the events a command produces (an
 * empty list means "nothing to do", e.g. an idempotent repeat) or a typed refusal; `evolve` folds one
 * event into the state and never throws or validates.
 */
export interface Decider<C extends Command, E extends DomainEvent, S, Ctx> {
  readonly initialState: S;
  decide(command: C, state: S, context: Ctx): Result<readonly E[], DomainError>;
  evolve(state: S, event: E): S;
}

/** Folds events over a decider's initial state. */
export function fold<E extends DomainEvent, S>(evolve: (state: S, event: E) => S, initial: S, events: readonly E[]): S {
  return events.reduce(evolve, initial);
}

/** For exhaustive switches: the compiler proves every case is handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
