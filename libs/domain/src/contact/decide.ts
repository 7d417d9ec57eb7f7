import { assertNever, type Decider } from '../shared/decider';
import { conflict, notFound, type DomainError } from '../shared/domain-error';
import { fail, ok, type Result } from '../shared/result';
import { findOffice } from '../catalog/office-schedule';
import { refuse } from '../calendar/refusals';
import type { ConfirmAppointmentPlace, ContactCommand, MoveAppointmentPlace, ReleaseAppointmentPlace, ReserveAppointmentPlace } from './commands';
import type { ContactEvent } from './events';
import { evolveContact } from './evolve';
import { initialContactState, openPlaces, type ContactContext, type ContactState, type Place } from './state';

/**
 * The per-contact limit ("at most N open appointments") spans days, so no calendar can check it. It
 * is owned by this aggregate, one per contact (id = keyed hash of the email), and kept by a small
 * process that the booking app runs; each step is an event, so a crash in between is finished or
 * undone on restart by reading the log:
 *
 *  1. Book: `ReserveAppointmentPlace` (placeId = holdId; expiresAt = hold expiry + activation time)
 *     → `SubmitContact` on the calendar → on `AppointmentBooked`, `ConfirmAppointmentPlace`.
 *     If the calendar refuses, compensate with `ReleaseAppointmentPlace {reason: 'booking_failed'}`;
 *     if activation never comes, the reservation stops counting at `expiresAt` by itself (or the
 *     process releases it with reason `expired`).
 *  2. Cancel: `Cancel` on the calendar → `ReleaseAppointmentPlace {reason: 'cancelled'}`.
 *  3. Reschedule to another day: `PlaceHold` on the target day → `ConfirmReschedule` on the target
 *     (it references the source appointment) → `Cancel {reason: 'rescheduled'}` on the source →
 *     `MoveAppointmentPlace` here (the place follows the appointment, so a move never needs a spare
 *     place). If `ConfirmReschedule` is refused, nothing has changed yet; if the source `Cancel` is
 *     refused after the target was booked, the process cancels the target instead.
 *     A same-day move is one `Reschedule` on the calendar, then `MoveAppointmentPlace` for the new end.
 *
 * The calendar also refuses a contact over the limit within its own day, as a cheap first line.
 */
export function decideContact(command: ContactCommand, state: ContactState, ctx: ContactContext): Result<readonly ContactEvent[], DomainError> {
  switch (command.type) {
    case 'ReserveAppointmentPlace':
      return reserve(command, state, ctx);
    case 'ConfirmAppointmentPlace':
      return confirm(command, state, ctx);
    case 'MoveAppointmentPlace':
      return move(command, state, ctx);
    case 'ReleaseAppointmentPlace':
      return release(command, state, ctx);
    default:
      return assertNever(command);
  }
}

const placeUnknown = (placeId: string) => notFound('place_unknown', { de: 'Dieser Terminplatz ist nicht bekannt.', en: 'This appointment place is not known.' }, { placeId });
const placeReleased = (placeId: string) => conflict('place_released', { de: 'Dieser Terminplatz wurde bereits freigegeben.', en: 'This appointment place has already been released.' }, { placeId });

function heldPlace(state: ContactState, placeId: string): Result<Exclude<Place, { status: 'released' }>, DomainError> {
  const place = state.places[placeId];
  if (!place) return fail(placeUnknown(placeId));
  return place.status === 'released' ? fail(placeReleased(placeId)) : ok(place);
}

function reserve(command: ReserveAppointmentPlace, state: ContactState, ctx: ContactContext) {
  const { contactKey, placeId, officeId, date, endsAt, expiresAt } = command.data;
  const existing = state.places[placeId];
  if (existing) return existing.status === 'released' ? fail(placeReleased(placeId)) : ok([]);
  const office = findOffice(ctx.catalog, officeId);
  if (!office) return fail(refuse.unknownOffice(officeId));
  const limit = office.booking.maxOpenAppointmentsPerContact;
  if (openPlaces(state, ctx.now) >= limit) return fail(refuse.contactLimit(limit));
  return ok([{ type: 'AppointmentPlaceReserved', data: { contactKey, placeId, officeId, date, endsAt, expiresAt, reservedAt: ctx.now, limit } } satisfies ContactEvent]);
}

/** Confirms even after `expiresAt`: the calendar booked the appointment, and it is the authority on that. */
function confirm(command: ConfirmAppointmentPlace, state: ContactState, ctx: ContactContext) {
  const { contactKey, placeId, appointmentId } = command.data;
  const place = heldPlace(state, placeId);
  if (!place.ok) return place;
  if (place.value.status === 'confirmed') {
    return place.value.appointmentId === appointmentId ? ok([]) : fail(conflict('place_taken', { de: 'Dieser Terminplatz gehört zu einem anderen Termin.', en: 'This appointment place belongs to another appointment.' }, { placeId }));
  }
  return ok([{ type: 'AppointmentPlaceConfirmed', data: { contactKey, placeId, appointmentId, confirmedAt: ctx.now } } satisfies ContactEvent]);
}

function move(command: MoveAppointmentPlace, state: ContactState, ctx: ContactContext) {
  const { contactKey, placeId, appointmentId, officeId, date, endsAt } = command.data;
  const place = heldPlace(state, placeId);
  if (!place.ok) return place;
  const p = place.value;
  if (p.status === 'confirmed' && p.appointmentId === appointmentId && p.officeId === officeId && p.date === date && p.endsAt === endsAt) return ok([]);
  return ok([{ type: 'AppointmentPlaceMoved', data: { contactKey, placeId, appointmentId, officeId, date, endsAt, movedAt: ctx.now } } satisfies ContactEvent]);
}

function release(command: ReleaseAppointmentPlace, state: ContactState, ctx: ContactContext) {
  const { contactKey, placeId, reason } = command.data;
  const place = state.places[placeId];
  if (!place) return fail(placeUnknown(placeId));
  if (place.status === 'released') return ok([]);
  return ok([{ type: 'AppointmentPlaceReleased', data: { contactKey, placeId, reason, releasedAt: ctx.now } } satisfies ContactEvent]);
}

export const contactDecider: Decider<ContactCommand, ContactEvent, ContactState, ContactContext> = {
  initialState: initialContactState,
  decide: decideContact,
  evolve: evolveContact,
};
