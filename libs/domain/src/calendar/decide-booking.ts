import { fail, ok, type Result } from '../shared/result';
import type { DomainError } from '../shared/domain-error';
import { findOffice } from '../catalog/office-schedule';
import { selectServices } from '../catalog/service-selection';
import type { Office } from '../catalog/catalog.schema';
import type { Activate, ConfirmReschedule, PlaceHold, SubmitContact } from './commands';
import type { AppointmentBooked, AppointmentRequested, CalendarEvent, HoldPlaced } from './events';
import { checkCapacity, placeAppointment } from './placement';
import { refuse } from './refusals';
import { appointmentByHold, holdIsLive, holdPlace, liveAppointmentsOf, occupancy, type CalendarContext, type CalendarState, type Hold, type OpenCalendar } from './state';

type Decision = Result<readonly CalendarEvent[], DomainError>;
const MINUTE = 60_000;

export function placeHold(command: PlaceHold, state: CalendarState, ctx: CalendarContext): Decision {
  const { officeId, date, start, services, holdId } = command.data;
  if (state.status === 'open' && (state.officeId !== officeId || state.date !== date)) return fail(refuse.wrongCalendar({ officeId, date }));
  if (holdId !== undefined && state.status === 'open') {
    const repeat = repeatedHold(state, command, ctx);
    if (repeat) return repeat;
  }
  const office = findOffice(ctx.catalog, officeId);
  if (!office) return fail(refuse.unknownOffice(officeId));
  const selection = selectServices(ctx.catalog, office, services);
  if (!selection.ok) return selection;
  const where = placeAppointment(office, date, start, selection.value.minutes, ctx.now);
  if (!where.ok) return where;
  const capacity = checkCapacity(office, date, where.value.slots, occupancy(state, ctx.now));
  if (!capacity.ok) return capacity;
  const event: HoldPlaced = {
    type: 'HoldPlaced',
    data: { holdId: holdId ?? ctx.newId(), ...where.value, ...selection.value, placedAt: ctx.now, expiresAt: ctx.now + office.booking.holdMinutes * MINUTE },
  };
  return ok([event]);
}

/** A client retrying with its own hold id gets nothing new, as long as it asks for the same thing. */
function repeatedHold(state: OpenCalendar, command: PlaceHold, ctx: CalendarContext): Decision | undefined {
  const { holdId = '', start, services } = command.data;
  const earlier: { start: string; services: unknown } | undefined = state.holds[holdId] ?? appointmentByHold(state, holdId);
  if (!earlier) return undefined;
  const same = earlier.start === start && JSON.stringify(earlier.services) === JSON.stringify(services.map((s) => ({ serviceId: s.serviceId, quantity: s.quantity })));
  if (!same) return fail(refuse.holdIdTaken(holdId));
  const hold = state.holds[holdId];
  return hold && !holdIsLive(hold, ctx.now) ? fail(refuse.holdExpired(holdId)) : ok([]);
}

/** The live hold a contact submission turns into an appointment, or why there is none. */
function usableHold(state: CalendarState, holdId: string, ctx: CalendarContext): Result<{ hold: Hold; state: OpenCalendar; office: Office }, DomainError> {
  if (state.status === 'new') return fail(refuse.holdUnknown(holdId));
  const hold = state.holds[holdId];
  if (!hold) return fail(refuse.holdUnknown(holdId));
  if (!holdIsLive(hold, ctx.now)) return fail(refuse.holdExpired(holdId));
  const office = findOffice(ctx.catalog, state.officeId);
  if (!office) return fail(refuse.unknownOffice(state.officeId));
  return ok({ hold, state, office });
}

function overContactLimit(state: OpenCalendar, office: Office, contactKey: string, now: number): DomainError | undefined {
  const limit = office.booking.maxOpenAppointmentsPerContact;
  return liveAppointmentsOf(state, contactKey, now) >= limit ? refuse.contactLimit(limit) : undefined;
}

export function submitContact(command: SubmitContact, state: CalendarState, ctx: CalendarContext): Decision {
  const { holdId, reference, sealedContact, contactKey, language, activationTokenHash } = command.data;
  if (state.status === 'open') {
    const used = appointmentByHold(state, holdId);
    if (used) return used.contactKey === contactKey ? ok([]) : fail(refuse.holdUsed(holdId));
  }
  const found = usableHold(state, holdId, ctx);
  if (!found.ok) return found;
  const { hold, office } = found.value;
  const overLimit = overContactLimit(found.value.state, office, contactKey, ctx.now);
  if (overLimit) return fail(overLimit);
  const where = holdPlace(hold);
  const who = { appointmentId: ctx.newId(), reference, language, sealedContact, contactKey };
  if (!office.booking.requiresActivation) {
    return ok([{ type: 'AppointmentBooked', data: { ...where, ...who, bookedAt: ctx.now, rescheduledFrom: null } } satisfies AppointmentBooked]);
  }
  const requested: AppointmentRequested = {
    type: 'AppointmentRequested',
    data: { ...where, ...who, activationTokenHash, requestedAt: ctx.now, activationExpiresAt: ctx.now + office.booking.activationMinutes * MINUTE },
  };
  return ok([requested]);
}

export function activate(command: Activate, state: CalendarState, ctx: CalendarContext): Decision {
  const { appointmentId, tokenHash } = command.data;
  const appointment = state.status === 'open' ? state.appointments[appointmentId] : undefined;
  if (!appointment) return fail(refuse.appointmentUnknown(appointmentId));
  switch (appointment.status) {
    case 'booked':
      return ok([]);
    case 'cancelled':
      return fail(refuse.alreadyCancelled(appointmentId));
    case 'awaiting_activation': {
      if (ctx.now >= appointment.activationExpiresAt) return fail(refuse.activationExpired(appointmentId));
      if (tokenHash !== appointment.activationTokenHash) return fail(refuse.tokenInvalid());
      const { status: _s, activationTokenHash: _t, activationExpiresAt: _e, ...data } = appointment;
      return ok([{ type: 'AppointmentBooked', data: { ...data, bookedAt: ctx.now, rescheduledFrom: null } } satisfies AppointmentBooked]);
    }
  }
}

export function confirmReschedule(command: ConfirmReschedule, state: CalendarState, ctx: CalendarContext): Decision {
  const { holdId, from, reference, sealedContact, contactKey, language } = command.data;
  if (state.status === 'open') {
    const used = appointmentByHold(state, holdId);
    if (used) return used.status === 'booked' && used.rescheduledFrom?.appointmentId === from.appointmentId ? ok([]) : fail(refuse.holdUsed(holdId));
  }
  const found = usableHold(state, holdId, ctx);
  if (!found.ok) return found;
  const { hold, office } = found.value;
  const overLimit = overContactLimit(found.value.state, office, contactKey, ctx.now);
  if (overLimit) return fail(overLimit);
  const where = holdPlace(hold);
  const data = { ...where, appointmentId: ctx.newId(), reference, language, sealedContact, contactKey, bookedAt: ctx.now, rescheduledFrom: from };
  return ok([{ type: 'AppointmentBooked', data } satisfies AppointmentBooked]);
}
