import { queueCatalogView, type QueueContext } from '../queue/catalog-view';
import type { QueueCommand } from '../queue/commands';
import { decideQueue } from '../queue/decide';
import type { QueueEvent } from '../queue/events';
import { evolveQueue } from '../queue/evolve';
import { initialQueueState, type QueueState } from '../queue/state';
import type { Instant } from '../shared/local-time';
import type { FlowServiceLine, WhatIfCounter } from './types';

/** One customer of the simulated day, already classified and with the counter time they need. */
export interface SimCustomer {
  readonly kind: 'booked' | 'walk_in';
  readonly arrivedAt: Instant;
  readonly appointmentAt: Instant | null;
  readonly services: readonly FlowServiceLine[];
  readonly priority: number;
  readonly durationMs: number;
}

export interface SimRules {
  readonly passOverLimit: number;
  readonly earlyGraceMinutes: number;
}

export interface SimOutcome {
  readonly calledAt: Instant | null;
  readonly counterId: string | null;
}

/**
 * A discrete-event run of one day through the **real queue decider**: tickets are issued with
 * `CheckIn` / `IssueWalkIn`, counters call with `CallNext` (so `pickNext` decides, pass-over counts
 * included), start at once and complete after the customer's counter time. Staff are assumed to call
 * the moment a counter is free. At one instant: completions first, then arrivals, then calls by
 * counter id — a fixed order, so the run is deterministic. All counters open at the first arrival and
 * stay open until the line is empty. `customers` must be sorted by arrival.
 */
export function simulateDay(customers: readonly SimCustomer[], counters: readonly WhatIfCounter[], rules: SimRules): SimOutcome[] {
  const serviceIds = [...new Set(customers.flatMap((c) => c.services.map((s) => s.serviceId)))];
  const catalog = queueCatalogView(
    serviceIds.map((serviceId) => ({ serviceId, minutes: 10, walkInAllowed: true })),
    counters.map((c) => ({ counterId: c.counterId, serviceIds: c.serviceIds })),
    // Arrivals come already classified: nobody is turned into a walk-in for lateness here.
    { ...rules, lateAfterMinutes: Number.MAX_SAFE_INTEGER / 60_000, maxPriority: Number.MAX_SAFE_INTEGER },
  );
  let state: QueueState = initialQueueState;
  let nextId = '';
  const apply = (command: QueueCommand, now: Instant): readonly QueueEvent[] => {
    const context: QueueContext = { now, catalog, newId: () => nextId };
    const result = decideQueue(command, state, context);
    if (!result.ok) return [];
    for (const e of result.value) state = evolveQueue(state, e);
    return result.value;
  };
  const outcomes: { calledAt: Instant | null; counterId: string | null }[] = customers.map(() => ({ calledAt: null, counterId: null }));
  const busyUntil = new Map<string, { at: Instant; ticketId: string }>();
  const ids = counters.map((c) => c.counterId).sort();
  if (customers.length > 0) for (const id of ids) apply({ type: 'OpenCounter', data: { counterId: id } }, customers[0].arrivedAt);
  let i = 0;
  while (i < customers.length || busyUntil.size > 0) {
    const now = Math.min(i < customers.length ? customers[i].arrivedAt : Infinity, ...[...busyUntil.values()].map((b) => b.at));
    for (const id of ids) {
      const busy = busyUntil.get(id);
      if (busy === undefined || busy.at !== now) continue;
      apply({ type: 'CompleteService', data: { ticketId: busy.ticketId, servicesDone: [] } }, now);
      busyUntil.delete(id);
    }
    for (; i < customers.length && customers[i].arrivedAt === now; i += 1) {
      nextId = String(i);
      apply(arrivalCommand(customers[i], i), now);
    }
    for (const id of ids) {
      if (busyUntil.has(id)) continue;
      const called = apply({ type: 'CallNext', data: { counterId: id } }, now)[0];
      if (called === undefined || called.type !== 'TicketCalled') continue;
      const index = Number(called.data.ticketId);
      outcomes[index] = { calledAt: now, counterId: id };
      apply({ type: 'StartService', data: { ticketId: called.data.ticketId } }, now);
      busyUntil.set(id, { at: now + customers[index].durationMs, ticketId: called.data.ticketId });
    }
  }
  return outcomes;
}

function arrivalCommand(c: SimCustomer, index: number): QueueCommand {
  const services = c.services.map((s) => ({ serviceId: s.serviceId, quantity: s.quantity }));
  if (c.kind === 'walk_in') return { type: 'IssueWalkIn', data: { services, priority: c.priority } };
  const appointmentStart = c.appointmentAt ?? c.arrivedAt;
  return { type: 'CheckIn', data: { appointmentId: `a${index}`, reference: `a${index}`, appointmentStart, services, priority: c.priority } };
}
