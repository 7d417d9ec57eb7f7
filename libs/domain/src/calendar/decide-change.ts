import { fail, ok, type Result } from '../shared/result';
import type { DomainError } from '../shared/domain-error';
import { findOffice } from '../catalog/office-schedule';
import type { Cancel, Reschedule } from './commands';
import type { AppointmentCancelled, AppointmentRescheduled, CalendarEvent } from './events';
import { checkCapacity, placeAppointment } from './placement';
import { refuse } from './refusals';
import { occupancy, type Appointment, type CalendarContext, type CalendarState } from './state';

type Decision = Result<readonly CalendarEvent[], DomainError>;
type LiveAppointment = Exclude<Appointment, { status: 'cancelled' }>;
const MINUTE = 60_000;

/** The appointment a change applies to, if it still exists, is not cancelled and has not started. */
function changeable(state: CalendarState, appointmentId: string, now: number): Result<LiveAppointment, DomainError> {
  const appointment = state.status === 'open' ? state.appointments[appointmentId] : undefined;
  if (!appointment) return fail(refuse.appointmentUnknown(appointmentId));
  if (appointment.status === 'cancelled') return fail(refuse.alreadyCancelled(appointmentId));
  if (appointment.status === 'awaiting_activation' && now >= appointment.activationExpiresAt) return fail(refuse.activationExpired(appointmentId));
  if (appointment.startsAt <= now) return fail(refuse.alreadyStarted(appointmentId));
  return ok(appointment);
}

function quarantineMinutes(state: CalendarState, ctx: CalendarContext): number {
  const office = state.status === 'open' ? findOffice(ctx.catalog, state.officeId) : undefined;
  return office?.booking.cancelledSlotQuarantineMinutes ?? 0;
}

export function cancel(command: Cancel, state: CalendarState, ctx: CalendarContext): Decision {
  const { appointmentId, reason, by } = command.data;
  const existing = state.status === 'open' ? state.appointments[appointmentId] : undefined;
  if (existing?.status === 'cancelled' && existing.reason === reason && existing.by === by) return ok([]);
  const found = changeable(state, appointmentId, ctx.now);
  if (!found.ok) return found;
  const a = found.value;
  const event: AppointmentCancelled = {
    type: 'AppointmentCancelled',
    data: {
      officeId: a.officeId, date: a.date, start: a.start, end: a.end, startsAt: a.startsAt, endsAt: a.endsAt, slots: a.slots,
      services: a.services, minutes: a.minutes,
      appointmentId: a.appointmentId, reference: a.reference, language: a.language, sealedContact: a.sealedContact, contactKey: a.contactKey,
      reason, by, cancelledAt: ctx.now, wasBooked: a.status === 'booked',
      quarantineUntil: ctx.now + quarantineMinutes(state, ctx) * MINUTE,
    },
  };
  return ok([event]);
}

export function reschedule(command: Reschedule, state: CalendarState, ctx: CalendarContext): Decision {
  const { appointmentId, start } = command.data;
  const found = changeable(state, appointmentId, ctx.now);
  if (!found.ok) return found;
  const a = found.value;
  if (a.status === 'awaiting_activation') return fail(refuse.notActivated(appointmentId));
  if (a.start === start) return ok([]);
  const office = findOffice(ctx.catalog, a.officeId);
  if (!office) return fail(refuse.unknownOffice(a.officeId));
  const where = placeAppointment(office, a.date, start, a.minutes, ctx.now);
  if (!where.ok) return where;
  const capacity = checkCapacity(office, a.date, where.value.slots, occupancy(state, ctx.now, appointmentId));
  if (!capacity.ok) return capacity;
  const event: AppointmentRescheduled = {
    type: 'AppointmentRescheduled',
    data: {
      ...where.value, services: a.services, minutes: a.minutes,
      appointmentId, reference: a.reference, language: a.language, sealedContact: a.sealedContact, contactKey: a.contactKey,
      from: { start: a.start, end: a.end, startsAt: a.startsAt, endsAt: a.endsAt, slots: a.slots },
      rescheduledAt: ctx.now,
      releasedSlots: a.slots.filter((s) => !where.value.slots.includes(s)),
      quarantineUntil: ctx.now + office.booking.cancelledSlotQuarantineMinutes * MINUTE,
    },
  };
  return ok([event]);
}
