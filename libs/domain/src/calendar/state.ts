import type { Instant, LocalDate, LocalTime } from '../shared/local-time';
import type { Catalog } from '../catalog/catalog.schema';
import type { Actor, AppointmentWhat, AppointmentWhere, AppointmentWho, CancelReason, RescheduleOrigin } from './events';

/** What decide needs from outside: the time, the catalogue and a source of new ids. */
export interface CalendarContext {
  readonly now: Instant;
  readonly catalog: Catalog;
  readonly newId: () => string;
}

export type Hold = AppointmentWhere & AppointmentWhat & {
  readonly holdId: string;
  readonly expiresAt: Instant;
  /** When it was placed and how often it was extended: the extension cap counts from these. */
  readonly placedAt: Instant;
  readonly extensions: number;
};

/** The place a hold describes, without its bookkeeping (what an appointment made from it keeps). */
export function holdPlace(hold: Hold): AppointmentWhere & AppointmentWhat & { readonly holdId: string } {
  const { expiresAt: _expiresAt, placedAt: _placedAt, extensions: _extensions, ...place } = hold;
  return place;
}

type AppointmentCore = AppointmentWhere & AppointmentWhat & AppointmentWho & { readonly holdId: string };

/** An appointment's life: awaiting activation → booked → cancelled (or awaiting → expired by time). */
export type Appointment =
  | (AppointmentCore & { readonly status: 'awaiting_activation'; readonly activationTokenHash: string; readonly activationExpiresAt: Instant })
  | (AppointmentCore & { readonly status: 'booked'; readonly bookedAt: Instant; readonly rescheduledFrom: RescheduleOrigin | null })
  | (AppointmentCore & { readonly status: 'cancelled'; readonly cancelledAt: Instant; readonly reason: CancelReason; readonly by: Actor });

/** Slots freed on purpose (cancel, move) that stay taken for a while against slot trading. */
export interface Quarantine {
  readonly slots: readonly LocalTime[];
  readonly until: Instant;
}

/**
 * One office's day. Expired holds and unactivated appointments stay in the state (evolve knows no
 * clock); decide and availability read them as gone once `now` has reached their expiry.
 */
export type CalendarState =
  | { readonly status: 'new' }
  | {
      readonly status: 'open';
      readonly officeId: string;
      readonly date: LocalDate;
      readonly holds: Readonly<Record<string, Hold>>;
      readonly appointments: Readonly<Record<string, Appointment>>;
      readonly quarantines: readonly Quarantine[];
    };

export type OpenCalendar = Extract<CalendarState, { status: 'open' }>;

export const initialCalendarState: CalendarState = { status: 'new' };

export const calendarId = (officeId: string, date: LocalDate) => `${officeId}-${date}`;

export const holdIsLive = (hold: Hold, now: Instant) => now < hold.expiresAt;

/** True while the appointment takes its slots: booked, or awaiting activation and not yet expired. */
export function appointmentIsLive(appointment: Appointment, now: Instant): boolean {
  switch (appointment.status) {
    case 'booked':
      return true;
    case 'awaiting_activation':
      return now < appointment.activationExpiresAt;
    case 'cancelled':
      return false;
  }
}

export function appointmentByHold(state: OpenCalendar, holdId: string): Appointment | undefined {
  return Object.values(state.appointments).find((a) => a.holdId === holdId);
}

/**
 * Online places taken per slot at `now`: live holds, live appointments and quarantined slots. One
 * appointment can be left out (a move does not compete with itself).
 */
export function occupancy(state: CalendarState, now: Instant, excludeAppointmentId?: string): Map<LocalTime, number> {
  const taken = new Map<LocalTime, number>();
  if (state.status === 'new') return taken;
  const add = (slots: readonly LocalTime[]) => slots.forEach((s) => taken.set(s, (taken.get(s) ?? 0) + 1));
  Object.values(state.holds).filter((h) => holdIsLive(h, now)).forEach((h) => add(h.slots));
  Object.values(state.appointments)
    .filter((a) => a.appointmentId !== excludeAppointmentId && appointmentIsLive(a, now))
    .forEach((a) => add(a.slots));
  state.quarantines.filter((q) => now < q.until).forEach((q) => add(q.slots));
  return taken;
}

/** Appointments of one contact that still count against the per-contact limit on this day. */
export function liveAppointmentsOf(state: OpenCalendar, contactKey: string, now: Instant): number {
  return Object.values(state.appointments).filter((a) => a.contactKey === contactKey && appointmentIsLive(a, now) && now < a.endsAt).length;
}
