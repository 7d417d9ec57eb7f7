import fc from 'fast-check';
import { fold } from '../shared/decider';
import type { QueueCommand } from './commands';
import { queueDecider } from './decide';
import type { QueueEvent, ServiceLine } from './events';
import { evolveQueue } from './evolve';
import { initialQueueState, isActive, type QueueState } from './state';
import { at, catalog, MIN } from './queue.test-kit';

/**
 * Random office days: arrivals, counters opening and closing with random services, calls, services,
 * and (for the safety property) every staff action. Commands are run through the real decider; a
 * refusal is simply skipped, as staff would see it and go on.
 */
const COUNTERS = ['s1', 's2', 's3'];
const WALK_IN_SERVICES = ['ausweis', 'pass', 'meldung'];
const ALL_SERVICES = [...WALK_IN_SERVICES, 'kfz'];
const K = catalog.rules.passOverLimit;

type Action =
  | { kind: 'walkIn'; services: string[]; priority: number }
  | { kind: 'checkIn'; startOffset: number; services: string[]; priority: number }
  | { kind: 'open'; counter: number; services: string[] }
  | { kind: 'close'; counter: number }
  | { kind: 'callNext'; counter: number }
  | { kind: 'finish'; counter: number }
  | { kind: 'serve'; counter: number }
  | { kind: 'tick'; minutes: number }
  | { kind: 'staff'; type: 'CallTicket' | 'Recall' | 'Park' | 'Unpark' | 'Transfer' | 'StartService' | 'MarkNoShow'; ticket: number; counter: number; services: string[] };

const subset = (from: string[]) => fc.subarray(from, { minLength: 1, maxLength: 2 });
const counterIx = fc.nat({ max: COUNTERS.length - 1 });
const flowActions: fc.Arbitrary<Action>[] = [
  fc.record({ kind: fc.constant('walkIn' as const), services: subset(WALK_IN_SERVICES), priority: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('checkIn' as const), startOffset: fc.integer({ min: -25, max: 90 }), services: subset(ALL_SERVICES), priority: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('open' as const), counter: counterIx, services: fc.subarray(ALL_SERVICES, { minLength: 1 }) }),
  fc.record({ kind: fc.constant('close' as const), counter: counterIx }),
  fc.record({ kind: fc.constant('callNext' as const), counter: counterIx }),
  fc.record({ kind: fc.constant('finish' as const), counter: counterIx }),
  fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 12 }) }),
];
const staffAction: fc.Arbitrary<Action> = fc.record({
  kind: fc.constant('staff' as const),
  type: fc.constantFrom('CallTicket', 'Recall', 'Park', 'Unpark', 'Transfer', 'StartService', 'MarkNoShow'),
  ticket: fc.nat({ max: 40 }),
  counter: counterIx,
  services: subset(ALL_SERVICES),
});
// Weighted towards pressure on walk-ins: many due bookings and priority arrivals, counters calling often.
const [walkInA, checkInA, openA, closeA, , , tickA] = flowActions;
const serveA: fc.Arbitrary<Action> = fc.record({ kind: fc.constant('serve' as const), counter: counterIx });
const dueCheckInA: fc.Arbitrary<Action> = fc.record({
  kind: fc.constant('checkIn' as const), startOffset: fc.integer({ min: -10, max: 10 }), services: subset(WALK_IN_SERVICES), priority: fc.nat({ max: 2 }),
});
const flowDay = fc.array(
  fc.oneof(
    { arbitrary: walkInA, weight: 3 }, { arbitrary: checkInA, weight: 1 }, { arbitrary: dueCheckInA, weight: 3 }, { arbitrary: openA, weight: 1 },
    { arbitrary: closeA, weight: 1 }, { arbitrary: serveA, weight: 6 }, { arbitrary: tickA, weight: 1 },
  ),
  { maxLength: 120 },
);
const busyDay = fc.array(fc.oneof(...flowActions, staffAction, staffAction), { maxLength: 80 });
const lines = (ids: string[]): ServiceLine[] => ids.map((serviceId) => ({ serviceId, quantity: 1 }));

class Day {
  state: QueueState = initialQueueState;
  events: QueueEvent[] = [];
  now = at(0);
  private ids = 0;
  private issued: string[] = [];

  run(command: QueueCommand, onEvents?: (events: readonly QueueEvent[], before: QueueState) => void): boolean {
    const result = queueDecider.decide(command, this.state, { now: this.now, catalog, newId: () => `tk-${++this.ids}` });
    if (!result.ok) return false;
    onEvents?.(result.value, this.state);
    for (const e of result.value) {
      if (e.type === 'WalkInTicketIssued' || e.type === 'BookedCustomerCheckedIn') this.issued.push(e.data.ticketId);
      this.state = queueDecider.evolve(this.state, e);
      this.events.push(e);
    }
    return result.value.length > 0;
  }

  commandFor(action: Action): QueueCommand | 'finish' | 'serve' | 'tick' {
    const counterId = 'counter' in action ? COUNTERS[action.counter] : '';
    switch (action.kind) {
      case 'walkIn': return { type: 'IssueWalkIn', data: { services: lines(action.services), priority: action.priority } };
      case 'checkIn':
        return { type: 'CheckIn', data: { appointmentId: `a-${this.ids}`, reference: 'R', appointmentStart: this.now + action.startOffset * MIN, services: lines(action.services), priority: action.priority } };
      case 'open': return { type: 'OpenCounter', data: { counterId, serviceIds: action.services } };
      case 'close': return { type: 'CloseCounter', data: { counterId } };
      case 'callNext': return { type: 'CallNext', data: { counterId } };
      case 'finish': return 'finish';
      case 'serve': return 'serve';
      case 'tick': return 'tick';
      case 'staff': return this.staffCommand(action);
    }
  }

  private staffCommand(action: Extract<Action, { kind: 'staff' }>): QueueCommand {
    const ticketId = this.issued[action.ticket % Math.max(1, this.issued.length)] ?? 'none';
    const counterId = COUNTERS[action.counter];
    if (action.type === 'CallTicket') return { type: 'CallTicket', data: { ticketId, counterId } };
    if (action.type === 'Transfer') return action.counter === 0 ? { type: 'Transfer', data: { ticketId, toServiceIds: action.services } } : { type: 'Transfer', data: { ticketId, toCounterId: counterId } };
    return { type: action.type, data: { ticketId } };
  }

  /** Starts and completes whatever the counter has, so it can call again. */
  finish(counterId: string, onEvents?: (events: readonly QueueEvent[], before: QueueState) => void): void {
    const active = Object.values(this.state.tickets).find((t) => isActive(t) && t.counterId === counterId);
    if (!active) return;
    this.run({ type: 'StartService', data: { ticketId: active.ticketId } }, onEvents);
    this.now += 4 * MIN;
    this.run({ type: 'CompleteService', data: { ticketId: active.ticketId, servicesDone: active.services } }, onEvents);
  }

  /** A counter at work: finishes its ticket and calls the next one. */
  serve(counterId: string, onEvents?: (events: readonly QueueEvent[], before: QueueState) => void): void {
    this.finish(counterId, onEvents);
    this.run({ type: 'CallNext', data: { counterId } }, onEvents);
  }

  play(actions: readonly Action[], onEvents?: (events: readonly QueueEvent[], before: QueueState) => void): void {
    for (const action of actions) {
      const command = this.commandFor(action);
      if (command === 'tick') this.now += (action as { minutes: number }).minutes * MIN;
      else if (command === 'finish') this.finish(COUNTERS[(action as { counter: number }).counter], onEvents);
      else if (command === 'serve') this.serve(COUNTERS[(action as { counter: number }).counter], onEvents);
      else this.run(command, onEvents);
    }
  }
}

/** Independent bookkeeping of the fairness bound from the events alone (it does not trust `passedOver`). */
class WalkInWatch {
  private counters = new Map<string, readonly string[]>();
  private joined: string[] = [];
  private waiting = new Map<string, { services: readonly ServiceLine[]; passes: number; callsHere: number; olderAtJoin: number }>();
  maxPasses = 0;
  worstSlack = Number.POSITIVE_INFINITY;

  see(e: QueueEvent): void {
    switch (e.type) {
      case 'CounterOpened': case 'CounterServicesChanged': this.counters.set(e.data.counterId, e.data.serviceIds); break;
      case 'CounterClosed': this.counters.delete(e.data.counterId); break;
      case 'BookedCustomerCheckedIn': case 'WalkInTicketIssued': {
        const olderAtJoin = this.joined.length;
        this.joined.push(e.data.ticketId);
        if (e.type === 'WalkInTicketIssued') this.waiting.set(e.data.ticketId, { services: e.data.services, passes: 0, callsHere: 0, olderAtJoin });
        break;
      }
      case 'TicketCalled': this.called(e.data.ticketId, e.data.counterId); break;
      default: break;
    }
  }

  private called(ticketId: string, counterId: string): void {
    const calledIx = this.joined.indexOf(ticketId);
    this.joined.splice(calledIx, 1);
    const serviceIds = this.counters.get(counterId) ?? [];
    for (const [id, w] of this.waiting) {
      if (id === ticketId || !w.services.every((s) => serviceIds.includes(s.serviceId))) continue;
      w.callsHere += 1;
      const wIx = this.joined.indexOf(id);
      if (wIx < calledIx) w.passes += 1; // the called ticket joined after w
      this.maxPasses = Math.max(this.maxPasses, w.passes);
      this.worstSlack = Math.min(this.worstSlack, w.olderAtJoin + K - w.callsHere);
    }
    this.waiting.delete(ticketId);
  }

  get stillWaiting(): number {
    return this.waiting.size;
  }
}

describe('queue properties over random days', () => {
  it(`no walk-in is passed over by more than K = ${K} later arrivals, nor waits more than (tickets ahead of it) + K calls at counters that can serve it; all are called in the end`, () => {
    fc.assert(
      fc.property(flowDay, (actions) => {
        const day = new Day();
        const watch = new WalkInWatch();
        day.play(actions, (events) => events.forEach((e) => watch.see(e)));
        expect(watch.maxPasses).toBeLessThanOrEqual(K);
        expect(watch.worstSlack).toBeGreaterThanOrEqual(0);
        // End of day: one counter handles everything and keeps calling until nobody waits.
        day.finish('s3', (events) => events.forEach((e) => watch.see(e)));
        day.run({ type: 'OpenCounter', data: { counterId: 's3', serviceIds: ALL_SERVICES } }, (events) => events.forEach((e) => watch.see(e)));
        let guard = 0;
        while (day.run({ type: 'CallNext', data: { counterId: 's3' } }, (events) => events.forEach((e) => watch.see(e))) && guard++ < 200) day.finish('s3');
        expect(Object.values(day.state.tickets).filter((t) => t.status === 'waiting')).toEqual([]);
        expect(watch.stillWaiting).toBe(0);
        expect(watch.maxPasses).toBeLessThanOrEqual(K);
      }),
      { numRuns: 1000 },
    );
  });

  it('a ticket is never with two counters, a counter never has two tickets, and only a waiting ticket is called', () => {
    fc.assert(
      fc.property(busyDay, (actions) => {
        const day = new Day();
        day.play(actions, (events, before) => {
          for (const e of events) {
            if (e.type !== 'TicketCalled') continue;
            expect(before.tickets[e.data.ticketId]?.status).toBe('waiting');
            expect(Object.values(before.tickets).some((t) => isActive(t) && t.counterId === e.data.counterId)).toBe(false);
            expect(before.counters[e.data.counterId]?.status).toBe('open');
          }
        });
        const active = Object.values(day.state.tickets).filter(isActive);
        const counters = active.map((t) => t.counterId);
        expect(new Set(counters).size).toBe(counters.length);
        const called = day.events.filter((e) => e.type === 'TicketCalled').map((e) => e.data.ticketId);
        const activeIds = new Set(active.map((t) => t.ticketId));
        for (const t of Object.values(day.state.tickets)) if (!activeIds.has(t.ticketId)) expect(t.status === 'called' || t.status === 'serving').toBe(false);
        expect(called.length).toBeGreaterThanOrEqual(active.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('evolve is deterministic: the same events (also after a JSON round trip) give the same state as the live one', () => {
    fc.assert(
      fc.property(busyDay, fc.nat(), (actions, cut) => {
        const day = new Day();
        day.play(actions);
        const once = fold(evolveQueue, initialQueueState, day.events);
        const twice = fold(evolveQueue, initialQueueState, JSON.parse(JSON.stringify(day.events)) as QueueEvent[]);
        const k = day.events.length === 0 ? 0 : cut % day.events.length;
        const resumed = fold(evolveQueue, fold(evolveQueue, initialQueueState, day.events.slice(0, k)), day.events.slice(k));
        expect(once).toEqual(day.state);
        expect(twice).toEqual(once);
        expect(resumed).toEqual(once);
      }),
      { numRuns: 1000 },
    );
  });
});
