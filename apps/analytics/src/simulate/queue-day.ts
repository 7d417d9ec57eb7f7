import { fromZoned, openingIntervals, type Office } from '@app/domain';
import type { DayPlan } from './day-plan';
import type { BookedAppointment, DirectDriver } from './direct-driver';

const MINUTE = 60_000;

export type ServiceLines = { serviceId: string; quantity: number }[];

/**
 * What the day loop needs from the system: the direct mode answers with the deciders at a simulated
 * minute, the live mode with frontdesk.* requests at real time. Each returns undefined when refused.
 */
export interface QueuePort {
  /** Waits until `minute` is due (live mode); the direct mode returns at once. */
  reach(minute: number): Promise<void>;
  arrive(a: Arrival, minute: number): Promise<string | undefined>;
  open(counterId: string, minute: number): Promise<boolean>;
  close(counterId: string, minute: number): Promise<boolean>;
  callNext(counterId: string, minute: number): Promise<string | undefined>;
  start(ticketId: string, minute: number): Promise<void>;
  complete(ticketId: string, services: ServiceLines, minute: number): Promise<void>;
  noShow(ticketId: string, minute: number): Promise<void>;
}

export interface Arrival {
  readonly minute: number;
  readonly services: ServiceLines;
  readonly serviceMinutes: number;
  readonly leaves: boolean;
  readonly appointment?: BookedAppointment;
}

interface CounterWork {
  readonly id: string;
  open: boolean;
  /** Minute at which the current work ends, and what to send then. */
  busyUntil: number;
  pending?: { ticketId: string; step: 'start' | 'complete' | 'no_show'; services: ServiceLines; minutes: number };
}

/**
 * Plays the day's queue minute by minute: arrivals check in or take a ticket, each open idle counter
 * asks the domain for the next ticket (the real call policy), serves it for its planned minutes or marks
 * a no-show, and counters close at the end of each opening interval once their customer is done.
 */
export async function playQueueDay(driver: DirectDriver, office: Office, date: string, plan: DayPlan, booked: readonly BookedAppointment[]): Promise<number> {
  return playDay(directPort(driver, office, date), openingIntervals(office, date), arrivalsOf(date, plan, booked), plan.counters);
}

/** The planned arrivals in time order: booked customers who come, and walk-ins. */
export function arrivalsOf(date: string, plan: DayPlan, booked: readonly BookedAppointment[]): Arrival[] {
  const midnight = fromZoned(date, '00:00', 'Europe/Berlin');
  const startOf = (b: BookedAppointment) => Math.round((b.startsAt - midnight) / MINUTE);
  return [
    ...booked.filter((b) => b.plan.arrivesAfter !== null).map((b) => ({ minute: startOf(b) + (b.plan.arrivesAfter as number), services: [{ serviceId: b.plan.serviceId, quantity: 1 }], serviceMinutes: b.plan.serviceMinutes, leaves: false, appointment: b })),
    ...plan.walkIns.map((w) => ({ minute: w.minuteOfDay, services: [{ serviceId: w.serviceId, quantity: 1 }], serviceMinutes: w.serviceMinutes, leaves: w.leaves })),
  ].sort((a, b) => a.minute - b.minute);
}

/** The minute loop over any port; returns the number of tickets issued. */
export async function playDay(port: QueuePort, intervals: readonly { from: number; to: number }[], arrivals: readonly Arrival[], counterIds: readonly string[]): Promise<number> {
  if (intervals.length === 0) return 0;
  const byTicket = new Map<string, Arrival>();
  const counters: CounterWork[] = counterIds.map((id) => ({ id, open: false, busyUntil: 0 }));
  const end = intervals[intervals.length - 1]!.to;
  let next = 0;
  let tickets = 0;
  for (let minute = intervals[0]!.from; minute <= end + 90; minute++) {
    await port.reach(minute);
    const openNow = intervals.some((i) => minute >= i.from && minute < i.to);
    while (next < arrivals.length && arrivals[next]!.minute <= minute) {
      const a = arrivals[next++]!;
      if (!openNow) continue; // came when the door was shut
      const ticketId = await port.arrive(a, minute);
      if (ticketId === undefined) continue;
      byTicket.set(ticketId, a);
      tickets += 1;
    }
    for (const c of counters) await stepCounter(port, c, minute, openNow, byTicket);
    if (!openNow && minute > end && counters.every((c) => !c.open)) break;
  }
  return tickets;
}

function directPort(driver: DirectDriver, office: Office, date: string): QueuePort {
  const at = (minute: number) => fromZoned(date, '00:00', 'Europe/Berlin') + minute * MINUTE;
  const run = (command: Parameters<DirectDriver['queue']>[2], minute: number) => driver.queue(office, date, command, at(minute));
  return {
    reach: async () => undefined,
    arrive: async (a, minute) => {
      const events = await run(arrivalCommand(a), minute);
      return events?.find((e) => e.type === 'BookedCustomerCheckedIn' || e.type === 'WalkInTicketIssued')?.data.ticketId;
    },
    open: async (counterId, minute) => (await run({ type: 'OpenCounter', data: { counterId } }, minute)) !== undefined,
    close: async (counterId, minute) => (await run({ type: 'CloseCounter', data: { counterId } }, minute)) !== undefined,
    callNext: async (counterId, minute) => {
      const events = await run({ type: 'CallNext', data: { counterId } }, minute);
      const call = events?.find((e) => e.type === 'TicketCalled');
      return call?.type === 'TicketCalled' ? call.data.ticketId : undefined;
    },
    start: async (ticketId, minute) => void (await run({ type: 'StartService', data: { ticketId } }, minute)),
    complete: async (ticketId, services, minute) => void (await run({ type: 'CompleteService', data: { ticketId, servicesDone: services } }, minute)),
    noShow: async (ticketId, minute) => void (await run({ type: 'MarkNoShow', data: { ticketId } }, minute)),
  };
}

function arrivalCommand(a: Arrival) {
  if (a.appointment === undefined) return { type: 'IssueWalkIn' as const, data: { services: a.services } };
  const { appointmentId, reference, startsAt } = a.appointment;
  return { type: 'CheckIn' as const, data: { appointmentId, reference, appointmentStart: startsAt, services: a.services } };
}

async function stepCounter(port: QueuePort, c: CounterWork, minute: number, openNow: boolean, byTicket: Map<string, Arrival>): Promise<void> {
  if (c.pending !== undefined && minute >= c.busyUntil) {
    const p = c.pending;
    c.pending = undefined;
    if (p.step === 'start') {
      await port.start(p.ticketId, minute);
      c.pending = { ...p, step: 'complete' };
      c.busyUntil = minute + p.minutes;
      return;
    }
    if (p.step === 'complete') await port.complete(p.ticketId, p.services, minute);
    else await port.noShow(p.ticketId, minute);
  }
  if (c.pending !== undefined) return;
  if (openNow && !c.open) c.open = await port.open(c.id, minute);
  else if (!openNow && c.open) {
    c.open = !(await port.close(c.id, minute));
    return;
  }
  if (!c.open || !openNow) return;
  const ticketId = await port.callNext(c.id, minute);
  const a = ticketId === undefined ? undefined : byTicket.get(ticketId);
  if (ticketId === undefined || a === undefined) return;
  c.pending = { ticketId, step: a.leaves ? 'no_show' : 'start', services: a.services, minutes: a.serviceMinutes };
  c.busyUntil = minute + (a.leaves ? 3 : 1);
}
