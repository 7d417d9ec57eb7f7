import { fromZoned } from '@app/domain';
import type { EventStore, NewEvent } from '@app/eventstore';

/**
 * A small hand-computed day at office `hbs`, Monday 2026-11-23, one counter open 08:00–12:00:
 *   A1 booked 09:00, checked in 08:50 (10 early), called 09:05 → wait 5, served 09:05–09:25
 *   A2 booked 09:30, checked in 09:40 (10 late), called 09:40 → wait 0, served 09:41–10:01
 *   A3 booked 10:00, cancelled by the citizen
 *   A4 booked 11:00, nobody came
 *   W1 walk-in 08:10, called 08:20 → wait 10, served 08:21–08:31 (anmeldung)
 *   W2 walk-in 10:00, called 10:30 → wait 30, no-show 10:35
 * Shapes follow libs/domain's calendar and queue events (the fields the projection reads and a few more).
 */
export const DAY = '2026-11-23';
const at = (time: string, date = DAY) => fromZoned(date, time, 'Europe/Berlin');
const line = (serviceId: string) => [{ serviceId, quantity: 1 }];

export interface Commit {
  readonly aggregate: { type: string; id: string };
  readonly events: NewEvent[];
}

function booked(officeId: string, date: string, appointmentId: string, start: string, serviceId: string): NewEvent {
  return {
    type: 'AppointmentBooked',
    data: {
      officeId, date, start, end: start, startsAt: at(start, date), endsAt: at(start, date) + 30 * 60_000, slots: [start],
      services: line(serviceId), minutes: 20, appointmentId, reference: `R-${appointmentId}`, language: 'de',
      sealedContact: { sealed: true }, contactKey: `k-${appointmentId}`, holdId: `h-${appointmentId}`, bookedAt: at('10:00', '2026-11-16'), rescheduledFrom: null,
    },
  };
}

function ticket(type: string, ticketId: string, number: string, data: Record<string, unknown>): NewEvent {
  return { type, data: { ticketId, number, kind: number.startsWith('W') ? 'walk_in' : 'booked', ...data } };
}

function checkIn(ticketId: string, number: string, seq: number, appointmentId: string, start: string, time: string, serviceId: string): NewEvent {
  return ticket('BookedCustomerCheckedIn', ticketId, number, {
    seq, services: line(serviceId), priority: 0, at: at(time), dueAt: at(start) - 10 * 60_000, minutesEarly: (at(start) - at(time)) / 60_000,
    appointment: { appointmentId, reference: `R-${appointmentId}`, start: at(start) },
  });
}

function served(ticketId: string, number: string, serviceId: string, called: string, start: string, end: string): NewEvent[] {
  return [
    ticket('TicketCalled', ticketId, number, { services: line(serviceId), priority: 0, counterId: 'schalter-1', reason: 'walk_in', passedOver: [], queuedAt: at(called), at: at(called) }),
    ticket('ServiceStarted', ticketId, number, { counterId: 'schalter-1', services: line(serviceId), at: at(start) }),
    ticket('ServiceCompleted', ticketId, number, { counterId: 'schalter-1', servicesRequested: line(serviceId), servicesDone: line(serviceId), startedAt: at(start), at: at(end) }),
  ];
}

/** The commits of the day, one event per commit, in the order they happened. */
export function handComputedDay(officeId = 'hbs'): Commit[] {
  // Ticket and appointment ids are unique across offices in the real system (UUIDs): keep them so here.
  const id = (local: string) => `${officeId}-${local}`;
  const cal = { type: 'calendar', id: `${officeId}-${DAY}` };
  const q = { type: 'queue', id: `${officeId}-${DAY}` };
  const calendar: NewEvent[] = [
    booked(officeId, DAY, id('a1'), '09:00', 'personalausweis'),
    booked(officeId, DAY, id('a2'), '09:30', 'reisepass'),
    booked(officeId, DAY, id('a3'), '10:00', 'personalausweis'),
    booked(officeId, DAY, id('a4'), '11:00', 'anmeldung'),
    { type: 'AppointmentCancelled', data: { ...(booked(officeId, DAY, id('a3'), '10:00', 'personalausweis').data as object), reason: 'citizen_request', by: 'citizen', cancelledAt: at('18:00', '2026-11-20'), wasBooked: true, quarantineUntil: 0 } },
  ];
  const queue: NewEvent[] = [
    { type: 'CounterOpened', data: { counterId: 'schalter-1', serviceIds: ['anmeldung', 'personalausweis', 'reisepass'], at: at('08:00') } },
    ticket('WalkInTicketIssued', id('w1'), 'W-001', { seq: 1, services: line('anmeldung'), priority: 0, at: at('08:10'), reason: 'walk_in' }),
    ...served(id('w1'), 'W-001', 'anmeldung', '08:20', '08:21', '08:31'),
    checkIn(id('t1'), 'T-001', 2, id('a1'), '09:00', '08:50', 'personalausweis'),
    ...served(id('t1'), 'T-001', 'personalausweis', '09:05', '09:05', '09:25'),
    checkIn(id('t2'), 'T-002', 3, id('a2'), '09:30', '09:40', 'reisepass'),
    ...served(id('t2'), 'T-002', 'reisepass', '09:40', '09:41', '10:01'),
    ticket('WalkInTicketIssued', id('w2'), 'W-002', { seq: 4, services: line('anmeldung'), priority: 0, at: at('10:00'), reason: 'walk_in' }),
    ticket('TicketCalled', id('w2'), 'W-002', { services: line('anmeldung'), priority: 0, counterId: 'schalter-1', reason: 'walk_in', passedOver: [], queuedAt: at('10:00'), at: at('10:30') }),
    ticket('TicketNoShow', id('w2'), 'W-002', { counterId: 'schalter-1', calls: 1, reason: 'marked', at: at('10:35') }),
    { type: 'CounterClosed', data: { counterId: 'schalter-1', releasedTicketIds: [], at: at('12:00') } },
  ];
  return [...calendar.map((e) => ({ aggregate: cal, events: [e] })), ...queue.map((e) => ({ aggregate: q, events: [e] }))];
}

/** Appends commits with the expected version of each aggregate tracked locally. */
export async function appendCommits(store: EventStore, commits: readonly Commit[]): Promise<void> {
  const versions = new Map<string, number>();
  for (const c of commits) {
    const key = `${c.aggregate.type}.${c.aggregate.id}`;
    const r = await store.append(c.aggregate, c.events, { expectedVersion: versions.get(key) ?? 0, meta: { correlationId: 'flow-test', actor: 'test' } });
    versions.set(key, r.position);
  }
}
