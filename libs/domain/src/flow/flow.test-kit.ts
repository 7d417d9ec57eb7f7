import type { AppointmentBooked, AppointmentCancelled } from '../calendar/events';
import { queueCatalogView, type QueueContext } from '../queue/catalog-view';
import type { QueueCommand } from '../queue/commands';
import { decideQueue } from '../queue/decide';
import type { QueueEvent } from '../queue/events';
import { evolveQueue } from '../queue/evolve';
import { initialQueueState, type QueueState } from '../queue/state';
import { fromZoned } from '../shared/local-time';
import type { FlowEvent } from './types';

/** Fixtures for the flow specs: office `hbs`, Tuesday 1 December 2026 (Europe/Berlin). */
export const MIN = 60_000;
export const DAY = 86_400_000;
export const DATE = '2026-12-01';
export const OFFICE = 'hbs';
export const AGGREGATE = `${OFFICE}-${DATE}`;
export const T0 = fromZoned(DATE, '08:00', 'Europe/Berlin');
export const at = (minutes: number) => T0 + minutes * MIN;
export const line = (serviceId: string, quantity = 1) => ({ serviceId, quantity });

const where = (startMinutes: number, services: { serviceId: string; quantity: number }[]) => ({
  officeId: OFFICE, date: DATE, start: '', end: '', startsAt: at(startMinutes), endsAt: at(startMinutes + 15), slots: [],
  services, minutes: 15,
});
const who = (appointmentId: string) => ({ appointmentId, reference: 'HBS-XXXXXX', language: 'de' as const, sealedContact: 'sealed', contactKey: 'k' });

export function booked(appointmentId: string, startMinutes: number, bookedAt: number, services = [line('ausweis')]): AppointmentBooked {
  return { type: 'AppointmentBooked', data: { ...where(startMinutes, services), ...who(appointmentId), holdId: `h-${appointmentId}`, bookedAt, rescheduledFrom: null } };
}

export function cancelled(appointmentId: string, startMinutes: number, reason: AppointmentCancelled['data']['reason'] = 'citizen_request', wasBooked = true): AppointmentCancelled {
  return {
    type: 'AppointmentCancelled',
    data: { ...where(startMinutes, [line('ausweis')]), ...who(appointmentId), reason, by: 'citizen', cancelledAt: at(-60), wasBooked, quarantineUntil: at(0) },
  };
}

/** Positions 1, 2, …; queue events get the day's aggregate id. */
export function positioned(events: readonly { type: string; data: unknown }[], first = 1): FlowEvent[] {
  return events.map((e, i) => ({ ...e, position: first + i, ...(e.type.startsWith('Appointment') ? {} : { aggregateId: AGGREGATE }) }));
}

/** FNV-1a, 32 bit, twice with different seeds: a small pure digest to compare replays by. */
export function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export interface DayArrival {
  readonly minute: number;
  readonly kind: 'booked' | 'walk_in';
  /** Booked: appointment start minus arrival, minutes (positive = came early). */
  readonly early: number;
  readonly serviceId: string;
  readonly duration: number;
}

/**
 * A recorded day driven through the real queue decider: staff call as soon as their counter is free,
 * start at once, complete after the customer's duration (same instant order as the what-if: completions,
 * arrivals, calls by counter id). Returns the calendar and queue events as the log would hold them.
 */
export function staffedDay(arrivals: readonly DayArrival[], counters: number, serviceIds = ['ausweis', 'meldung']): FlowEvent[] {
  const sorted = [...arrivals].sort((x, y) => x.minute - y.minute);
  const catalog = queueCatalogView(serviceIds.map((serviceId) => ({ serviceId, minutes: 10, walkInAllowed: true })),
    Array.from({ length: counters }, (_, i) => ({ counterId: `c${String(i + 1).padStart(2, '0')}`, serviceIds })));
  const log: { type: string; data: unknown }[] = sorted.flatMap((a, i) => (a.kind === 'booked' ? [booked(`ap${i}`, a.minute + a.early, at(a.minute - 3 * 24 * 60), [line(a.serviceId)])] : []));
  let state: QueueState = initialQueueState;
  const run = (command: QueueCommand, minute: number, id = ''): QueueEvent[] => {
    const context: QueueContext = { now: at(minute), catalog, newId: () => id };
    const result = decideQueue(command, state, context);
    if (!result.ok) return [];
    for (const e of result.value) { state = evolveQueue(state, e); log.push(e); }
    return [...result.value];
  };
  const ids = Object.keys(catalog.counters).sort();
  for (const id of ids) run({ type: 'OpenCounter', data: { counterId: id } }, -60);
  const busy = new Map<string, { until: number; ticketId: string; serviceId: string }>();
  let i = 0;
  let now = 0;
  while (i < sorted.length || busy.size > 0) {
    now = Math.min(i < sorted.length ? sorted[i].minute : Infinity, ...[...busy.values()].map((b) => b.until));
    for (const id of ids) {
      const b = busy.get(id);
      if (b?.until !== now) continue;
      run({ type: 'CompleteService', data: { ticketId: b.ticketId, servicesDone: [line(b.serviceId)] } }, now);
      busy.delete(id);
    }
    for (; i < sorted.length && sorted[i].minute === now; i += 1) {
      const a = sorted[i];
      const services = [line(a.serviceId)];
      run(a.kind === 'walk_in' ? { type: 'IssueWalkIn', data: { services } } : { type: 'CheckIn', data: { appointmentId: `ap${i}`, reference: 'r', appointmentStart: at(a.minute + a.early), services } }, now, `t${i}`);
    }
    for (const id of ids) {
      if (busy.has(id)) continue;
      const called = run({ type: 'CallNext', data: { counterId: id } }, now)[0];
      if (called?.type !== 'TicketCalled') continue;
      run({ type: 'StartService', data: { ticketId: called.data.ticketId } }, now);
      const a = sorted[Number(called.data.ticketId.slice(1))];
      busy.set(id, { until: now + a.duration, ticketId: called.data.ticketId, serviceId: a.serviceId });
    }
  }
  for (const id of ids) run({ type: 'CloseCounter', data: { counterId: id } }, Math.max(now, 12 * 60));
  return positioned(log);
}
