import { fromZoned, openingIntervals, type Office, type QueueEvent } from '@app/domain';
import type { DayPlan } from './day-plan';
import type { BookedAppointment, DirectDriver } from './direct-driver';

const MINUTE = 60_000;

interface Arrival {
  readonly minute: number;
  readonly services: { serviceId: string; quantity: number }[];
  readonly serviceMinutes: number;
  readonly leaves: boolean;
  readonly appointment?: BookedAppointment;
}

interface CounterWork {
  readonly id: string;
  open: boolean;
  /** Minute at which the current work ends, and what to send then. */
  busyUntil: number;
  pending?: { ticketId: string; step: 'start' | 'complete' | 'no_show'; services: Arrival['services']; minutes: number };
}

/**
 * Plays the day's queue minute by minute: arrivals check in or take a ticket, each open idle counter
 * asks the domain for the next ticket (the real call policy), serves it for its planned minutes or marks
 * a no-show, and counters close at the end of each opening interval once their customer is done.
 */
export async function playQueueDay(driver: DirectDriver, office: Office, date: string, plan: DayPlan, booked: readonly BookedAppointment[]): Promise<number> {
  const intervals = openingIntervals(office, date);
  if (intervals.length === 0) return 0;
  const at = (minute: number) => fromZoned(date, '00:00', 'Europe/Berlin') + minute * MINUTE;
  const startOf = (b: BookedAppointment) => Math.round((b.startsAt - at(0)) / MINUTE);
  const arrivals: Arrival[] = [
    ...booked.filter((b) => b.plan.arrivesAfter !== null).map((b) => ({ minute: startOf(b) + (b.plan.arrivesAfter as number), services: [{ serviceId: b.plan.serviceId, quantity: 1 }], serviceMinutes: b.plan.serviceMinutes, leaves: false, appointment: b })),
    ...plan.walkIns.map((w) => ({ minute: w.minuteOfDay, services: [{ serviceId: w.serviceId, quantity: 1 }], serviceMinutes: w.serviceMinutes, leaves: w.leaves })),
  ].sort((a, b) => a.minute - b.minute);
  const byTicket = new Map<string, Arrival>();
  const counters: CounterWork[] = plan.counters.map((id) => ({ id, open: false, busyUntil: 0 }));
  const lastMinute = intervals[intervals.length - 1]!.to + 90;
  let next = 0;
  let tickets = 0;
  for (let minute = intervals[0]!.from; minute <= lastMinute; minute++) {
    const openNow = intervals.some((i) => minute >= i.from && minute < i.to);
    while (next < arrivals.length && arrivals[next]!.minute <= minute) {
      const a = arrivals[next++]!;
      if (!openNow) continue; // came when the door was shut
      const events = await driver.queue(office, date, arrivalCommand(a), at(minute));
      const ticket = events?.find((e) => e.type === 'BookedCustomerCheckedIn' || e.type === 'WalkInTicketIssued');
      if (ticket !== undefined) {
        byTicket.set(ticket.data.ticketId, a);
        tickets += 1;
      }
    }
    for (const c of counters) await stepCounter(driver, office, date, c, minute, openNow, at, byTicket);
    if (!openNow && minute > intervals[intervals.length - 1]!.to && counters.every((c) => !c.open)) break;
  }
  return tickets;
}

function arrivalCommand(a: Arrival) {
  if (a.appointment === undefined) return { type: 'IssueWalkIn' as const, data: { services: a.services } };
  const { appointmentId, reference, startsAt } = a.appointment;
  return { type: 'CheckIn' as const, data: { appointmentId, reference, appointmentStart: startsAt, services: a.services } };
}

async function stepCounter(driver: DirectDriver, office: Office, date: string, c: CounterWork, minute: number, openNow: boolean, at: (m: number) => number, byTicket: Map<string, Arrival>): Promise<void> {
  if (c.pending !== undefined && minute >= c.busyUntil) {
    const p = c.pending;
    c.pending = undefined;
    if (p.step === 'start') {
      await driver.queue(office, date, { type: 'StartService', data: { ticketId: p.ticketId } }, at(minute));
      c.pending = { ...p, step: 'complete' };
      c.busyUntil = minute + p.minutes;
      return;
    }
    if (p.step === 'complete') await driver.queue(office, date, { type: 'CompleteService', data: { ticketId: p.ticketId, servicesDone: p.services } }, at(minute));
    else await driver.queue(office, date, { type: 'MarkNoShow', data: { ticketId: p.ticketId } }, at(minute));
  }
  if (c.pending !== undefined) return;
  if (openNow && !c.open) {
    c.open = (await driver.queue(office, date, { type: 'OpenCounter', data: { counterId: c.id } }, at(minute))) !== undefined;
  } else if (!openNow && c.open) {
    c.open = (await driver.queue(office, date, { type: 'CloseCounter', data: { counterId: c.id } }, at(minute))) === undefined;
    return;
  }
  if (!c.open || !openNow) return;
  const events: readonly QueueEvent[] | undefined = await driver.queue(office, date, { type: 'CallNext', data: { counterId: c.id } }, at(minute));
  const call = events?.find((e) => e.type === 'TicketCalled');
  if (call === undefined) return;
  const a = byTicket.get(call.data.ticketId);
  if (a === undefined) return;
  c.pending = { ticketId: call.data.ticketId, step: a.leaves ? 'no_show' : 'start', services: a.services, minutes: a.serviceMinutes };
  c.busyUntil = minute + (a.leaves ? 3 : 1);
}
