import type { Instant } from '../shared/local-time';

/**
 * What the queue needs to know about the catalogue, and nothing more. The queue does not import the
 * catalogue module: the app builds this view from the real catalogue with one mapping function
 * (`queueCatalogView` below takes plain lists so that mapping stays a few lines).
 */
export interface QueueServiceView {
  /** Planned minutes for one unit of the service (the wait estimate falls back to it). */
  readonly minutes: number;
  readonly walkInAllowed: boolean;
}

export interface QueueCounterView {
  /** The services this counter handles when it is opened without an explicit list. */
  readonly serviceIds: readonly string[];
}

export interface QueueRules {
  /** A booked customer who checks in more than this many minutes after the start becomes a walk-in. */
  readonly lateAfterMinutes: number;
  /** A booked customer is "due" (called ahead of walk-ins) from this many minutes before the start. */
  readonly earlyGraceMinutes: number;
  /** Minimum time between two calls of the same ticket, so a recall cannot be hammered. */
  readonly recallCooldownSeconds: number;
  /** After this many calls without the customer showing up, a further recall records a no-show. */
  readonly maxCalls: number;
  /**
   * K of the call policy: a callable ticket is passed over by at most this many tickets that joined
   * the line after it (see `pickNext`). 0 means strict first come, first served.
   */
  readonly passOverLimit: number;
  /** Highest priority level (0 = none; e.g. 1 = reduced mobility, 2 = urgent). */
  readonly maxPriority: number;
}

export interface QueueCatalogView {
  readonly services: Readonly<Record<string, QueueServiceView>>;
  readonly counters: Readonly<Record<string, QueueCounterView>>;
  readonly rules: QueueRules;
}

/** Time and new ids come from outside: the domain has no clock and no randomness. */
export interface QueueContext {
  readonly now: Instant;
  readonly catalog: QueueCatalogView;
  /** A fresh, globally unique id (the app passes a UUIDv7 source). Called once per new ticket. */
  readonly newId: () => string;
}

export const DEFAULT_QUEUE_RULES: QueueRules = Object.freeze({
  lateAfterMinutes: 15,
  earlyGraceMinutes: 5,
  recallCooldownSeconds: 60,
  maxCalls: 3,
  passOverLimit: 3,
  maxPriority: 2,
});

/** Builds the view from plain lists, e.g. `queueCatalogView(catalog.services.map(...), office.counters)`. */
export function queueCatalogView(
  services: readonly ({ serviceId: string } & QueueServiceView)[],
  counters: readonly ({ counterId: string } & QueueCounterView)[],
  rules: Partial<QueueRules> = {},
): QueueCatalogView {
  return {
    services: Object.fromEntries(services.map((s) => [s.serviceId, { minutes: s.minutes, walkInAllowed: s.walkInAllowed }])),
    counters: Object.fromEntries(counters.map((c) => [c.counterId, { serviceIds: [...c.serviceIds] }])),
    rules: { ...DEFAULT_QUEUE_RULES, ...rules },
  };
}

/** Aggregate id of one office's queue on one local day: `<officeId>-<YYYY-MM-DD>`. */
export function queueId(officeId: string, day: string): string {
  return `${officeId}-${day}`;
}
