import { deciderSpec } from '../../test/decider-spec';
import { fromZoned } from '../shared/local-time';
import { queueCatalogView, type QueueContext } from './catalog-view';
import { queueDecider } from './decide';
import type { AppointmentRef, BookedCustomerCheckedIn, QueueEvent, ServiceLine, TicketCalled, WalkInTicketIssued } from './events';

/** Shared fixtures for the queue specs: one office day (1 December 2026, Europe/Berlin). */
export const MIN = 60_000;
export const T0 = fromZoned('2026-12-01', '08:00', 'Europe/Berlin');
export const at = (minutes: number) => T0 + minutes * MIN;

export const catalog = queueCatalogView(
  [
    { serviceId: 'ausweis', minutes: 15, walkInAllowed: true },
    { serviceId: 'pass', minutes: 20, walkInAllowed: true },
    { serviceId: 'meldung', minutes: 10, walkInAllowed: true },
    { serviceId: 'kfz', minutes: 30, walkInAllowed: false },
  ],
  [
    { counterId: 's1', serviceIds: ['ausweis', 'pass', 'meldung'] },
    { counterId: 's2', serviceIds: ['meldung', 'kfz'] },
    { counterId: 's3', serviceIds: ['ausweis', 'pass', 'meldung', 'kfz'] },
  ],
  { lateAfterMinutes: 15, earlyGraceMinutes: 5, recallCooldownSeconds: 60, maxCalls: 3, passOverLimit: 3, maxPriority: 2 },
);

/** A context at minute `minutes` of the day whose id source hands out `ids` in order. */
export function ctx(minutes = 0, ...ids: string[]): QueueContext {
  let i = 0;
  return { now: at(minutes), catalog, newId: () => ids[i++] ?? `id-${i}` };
}

export const spec = deciderSpec(queueDecider);
export const line = (serviceId: string, quantity = 1): ServiceLine => ({ serviceId, quantity });

export function walkIn(ticketId: string, n: number, seq: number, minutes: number, services = [line('meldung')], priority = 0): WalkInTicketIssued {
  return {
    type: 'WalkInTicketIssued',
    data: { ticketId, number: `W-${String(n).padStart(3, '0')}`, kind: 'walk_in', seq, services, priority, reason: 'walk_in', at: at(minutes) },
  };
}

export function appointment(appointmentId: string, startMinutes: number): AppointmentRef {
  return { appointmentId, reference: `REF-${appointmentId}`, start: at(startMinutes) };
}

export function checkedIn(ticketId: string, n: number, seq: number, minutes: number, startMinutes: number, services = [line('ausweis')], priority = 0): BookedCustomerCheckedIn {
  return {
    type: 'BookedCustomerCheckedIn',
    data: {
      ticketId, number: `T-${String(n).padStart(3, '0')}`, kind: 'booked', seq, services, priority,
      appointment: appointment(`a-${ticketId}`, startMinutes), dueAt: at(startMinutes - 5), minutesEarly: startMinutes - minutes, at: at(minutes),
    },
  };
}

export const opened = (counterId: string, serviceIds: string[], minutes = 0): QueueEvent => ({ type: 'CounterOpened', data: { counterId, serviceIds, at: at(minutes) } });

/** The TicketCalled event for an issued ticket event (as produced by decide). */
export function calledFrom(issued: QueueEvent, counterId: string, minutes: number, reason: TicketCalled['data']['reason'], passedOver: string[] = []): TicketCalled {
  if (issued.type !== 'WalkInTicketIssued' && issued.type !== 'BookedCustomerCheckedIn') throw new Error('not an issued ticket');
  const { ticketId, number, kind, services, priority } = issued.data;
  return { type: 'TicketCalled', data: { ticketId, number, kind, services, priority, counterId, reason, passedOver, queuedAt: issued.data.at, at: at(minutes) } };
}

export const started = (ticketId: string, number: string, counterId: string, minutes: number, services = [line('meldung')], kind: 'booked' | 'walk_in' = 'walk_in'): QueueEvent => ({
  type: 'ServiceStarted', data: { ticketId, number, kind, counterId, services, at: at(minutes) },
});
