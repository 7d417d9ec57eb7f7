import { minutesToTime, onlineCapacityAt, openingIntervals, type Office } from '@app/domain';
import { exponential, weighted, type Random } from './seeded-random';

/**
 * What happens at one office on one day, decided in advance from a seeded generator: which slots are
 * booked (and when), which appointments are cancelled or missed, when each customer arrives, and how
 * long each service takes. The driver then plays it through the real commands; the call order and
 * ticket numbers are the domain's, not the plan's.
 */
export interface PlannedAppointment {
  readonly start: string;
  readonly serviceId: string;
  readonly bookedDaysBefore: number;
  readonly cancelled: boolean;
  /** Minutes after the start the customer checks in (negative: early); null = never comes. */
  readonly arrivesAfter: number | null;
  readonly serviceMinutes: number;
}

export interface PlannedWalkIn {
  readonly minuteOfDay: number;
  readonly serviceId: string;
  readonly serviceMinutes: number;
  /** Called but never comes to the counter. */
  readonly leaves: boolean;
}

export interface DayPlan {
  readonly appointments: readonly PlannedAppointment[];
  readonly walkIns: readonly PlannedWalkIn[];
  readonly counters: readonly string[];
}

/** Demand of a Bürgerbüro: passports and ID cards dominate, registrations follow. */
export const SERVICE_MIX: readonly (readonly [string, number])[] = [
  ['personalausweis', 30], ['reisepass', 18], ['kinderreisepass', 6], ['anmeldung', 20], ['ummeldung', 14], ['fuehrungszeugnis', 9], ['gewerbezentralregister', 3],
];

const minutesOf = (serviceId: string) => (serviceId === 'personalausweis' || serviceId === 'reisepass' ? 15 : 10);

/** Walk-ins per minute: a queue at opening, a dip before closing (the usual curve of a counter office). */
function walkInRate(minute: number, interval: { from: number; to: number }, scale: number): number {
  const sinceOpen = minute - interval.from;
  const toClose = interval.to - minute;
  const peak = sinceOpen < 45 ? 1.8 : sinceOpen < 120 ? 1.1 : 0.8;
  return (scale * peak * (toClose < 30 ? 0.4 : 1)) / 10;
}

export function planDay(office: Office, date: string, rnd: Random, load = 1): DayPlan {
  const intervals = openingIntervals(office, date);
  const appointments: PlannedAppointment[] = [];
  const walkIns: PlannedWalkIn[] = [];
  const slot = office.booking.slotMinutes;
  for (const interval of intervals) {
    for (let m = interval.from; m + slot <= interval.to; m += slot) {
      for (let place = 0; place < onlineCapacityAt(office, date, m); place++) {
        if (rnd() > 0.55 * load) continue;
        appointments.push(plannedAppointment(rnd, minutesToTime(m)));
      }
    }
    for (let m = interval.from + exponential(rnd, walkInRate(interval.from, interval, load)); m < interval.to - 10; m += exponential(rnd, walkInRate(m, interval, load))) {
      const serviceId = weighted(rnd, SERVICE_MIX);
      walkIns.push({ minuteOfDay: Math.floor(m), serviceId, serviceMinutes: Math.max(3, Math.round(minutesOf(serviceId) * (0.6 + rnd() * 0.9))), leaves: rnd() < 0.04 });
    }
  }
  const counters = office.counters.slice(0, Math.max(1, office.counters.length - (rnd() < 0.3 ? 1 : 0))).map((c) => c.id);
  return { appointments, walkIns, counters };
}

function plannedAppointment(rnd: Random, start: string): PlannedAppointment {
  const serviceId = weighted(rnd, SERVICE_MIX);
  const cancelled = rnd() < 0.06;
  const comes = rnd() > 0.08;
  return {
    start, serviceId, cancelled,
    bookedDaysBefore: 1 + Math.floor(rnd() * 20),
    // Most come a few minutes early; one in twenty is over a quarter of an hour late (and becomes a walk-in).
    arrivesAfter: comes ? Math.round(-12 + rnd() * 20 + (rnd() < 0.05 ? 20 : 0)) : null,
    serviceMinutes: Math.max(3, Math.round(minutesOf(serviceId) * (0.6 + rnd() * 0.9))),
  };
}
